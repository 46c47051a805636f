using Comity.Law.Data;

namespace Comity.Law.Icc;

/// <summary>A non-party's duty to cooperate: an Art 12(3) declaration or a Security Council referral.</summary>
internal sealed record CooperationBasis(string Kind, string Iso2, string Situation, string Instrument, DateOnly From, DateOnly? Until, Fact Fact)
{
    public static readonly string[] Columns = ["kind", "iso2", "situation", "instrument", "from", "until", "version", "verification", "sources"];

    private static readonly Dictionary<string, string> Kinds = new(StringComparer.Ordinal)
    {
        ["art12_3"] = "art12_3",
        ["sc_referral"] = "sc_referral",
    };

    public bool Covers(string iso2, string situation, DateOnly d) =>
        string.Equals(Iso2, iso2, StringComparison.Ordinal) && string.Equals(Situation, situation, StringComparison.Ordinal)
        && d >= From && (Until is null || d <= Until.Value);

    public static CooperationBasis Parse(CsvRecord r) => new(
        r.OneOf("kind", Kinds), r.Required("iso2").ToUpperInvariant(), r.Required("situation"), r.Required("instrument"),
        r.Date("from"), r.OptionalDate("until"), Fact.From(r));
}

/// <summary>A known Art 98(2) agreement of a state party.</summary>
internal sealed record Art98Agreement(string Iso2, string Partner, string Instrument, Fact Fact)
{
    public static readonly string[] Columns = ["iso2", "partner", "instrument", "version", "verification", "sources"];

    public static Art98Agreement Parse(CsvRecord r) => new(
        r.Required("iso2").ToUpperInvariant(), r.Required("partner").ToUpperInvariant(), r.Required("instrument"), Fact.From(r));
}

/// <summary>A warrant whose inactive status must still be routed to review.</summary>
internal sealed record ReviewNote(string WarrantId, string Reason, string Version, string Sources)
{
    public static readonly string[] Columns = ["warrant_id", "reason", "version", "sources"];

    public static ReviewNote Parse(CsvRecord r) => new(r.Required("warrant_id"), r.Required("reason"), r.Required("version"), r.Text("sources"));
}
