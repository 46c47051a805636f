using Comity.Storage.Audit;

namespace Comity.Storage.Tests.Audit;

public sealed class AuditChainTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    // Expected hashes computed independently from the documented serialisation with Python's hashlib:
    // sha256(b"comity-audit-v1" + for each field: 4-byte big-endian UTF-8 length + UTF-8 bytes).
    private const string FirstHash = "e51933d786b8b5cad483f9d211be9f2b6205e2e2477e4ad3cf10844c81d54eb6";
    private const string SecondHash = "5e381903c44297ac034c598cd254f5b84268b973d102517e57525f5227f2af6f";

    [Fact]
    public void Hash_matches_an_independent_implementation_of_the_documented_serialisation()
    {
        var first = AuditChain.ComputeHash(1, At, "admin", "corpus.reloaded", "corpus-1", """{"n":1}""", AuditChain.GenesisHash);
        Assert.Equal(FirstHash, first);
        var second = AuditChain.ComputeHash(
            2, At.AddTicks(15_000), "Zoë Ångström", "alert.reviewed", "0195-…", """{"reason":"DOB differs — 1971"}""", first);
        Assert.Equal(SecondHash, second);
    }

    [Fact]
    public void Timestamps_are_hashed_to_the_microsecond()
    {
        var exact = AuditChain.ComputeHash(1, At, "a", "b", "c", "{}", AuditChain.GenesisHash);
        var subMicro = AuditChain.ComputeHash(1, At.AddTicks(9), "a", "b", "c", "{}", AuditChain.GenesisHash);
        var micro = AuditChain.ComputeHash(1, At.AddTicks(10), "a", "b", "c", "{}", AuditChain.GenesisHash);
        Assert.Equal(exact, subMicro);
        Assert.NotEqual(exact, micro);
        Assert.Equal("2026-03-02T09:30:00.000001Z", AuditChain.FormatTimestamp(At.AddTicks(19)));
        Assert.Equal(
            AuditChain.FormatTimestamp(At),
            AuditChain.FormatTimestamp(new DateTimeOffset(2026, 3, 2, 11, 30, 0, TimeSpan.FromHours(2))));
    }

    [Fact]
    public void Field_boundaries_are_unambiguous()
    {
        var a = AuditChain.ComputeHash(1, At, "ab", "c", "s", "{}", AuditChain.GenesisHash);
        var b = AuditChain.ComputeHash(1, At, "a", "bc", "s", "{}", AuditChain.GenesisHash);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Check_reports_gap_broken_link_and_modified_content()
    {
        var hash = AuditChain.ComputeHash(3, At, "a", "x", "s", "{}", FirstHash);
        var record = new AuditRecord(3, At, "a", "x", "s", "{}", FirstHash, hash);
        Assert.Null(AuditChain.Check(record, 3, FirstHash));
        Assert.Contains("missing", AuditChain.Check(record, 2, FirstHash), StringComparison.Ordinal);
        Assert.Contains("previous hash", AuditChain.Check(record, 3, SecondHash), StringComparison.Ordinal);
        Assert.Contains("modified", AuditChain.Check(record with { Subject = "t" }, 3, FirstHash), StringComparison.Ordinal);
    }
}
