using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Comity.Storage.Audit;

/// <summary>
/// Canonical serialisation and hash of an audit record. The hashed bytes are the ASCII tag "comity-audit-v1",
/// then seven fields in this order — sequence number (invariant decimal), timestamp (UTC,
/// "yyyy-MM-ddTHH:mm:ss.ffffffZ"), actor, action, subject, payload JSON, previous hash (64 lowercase hex) —
/// each as a 4-byte big-endian length followed by its UTF-8 bytes. The hash is SHA-256 in lowercase hex; the
/// first record's previous hash is 64 zeros.
/// </summary>
public static class AuditChain
{
    public static readonly string GenesisHash = new('0', 64);

    private static readonly byte[] Tag = "comity-audit-v1"u8.ToArray();

    /// <summary>Timestamps are kept to the microsecond (what PostgreSQL stores) so the hash survives a round trip.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset at)
    {
        var ticks = at.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % 10), TimeSpan.Zero);
    }

    public static string FormatTimestamp(DateTimeOffset at) =>
        Truncate(at).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    public static string ComputeHash(
        long sequence, DateTimeOffset at, string actor, string action, string subject, string payloadJson, string previousHash)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Tag);
        Append(hash, sequence.ToString(CultureInfo.InvariantCulture));
        Append(hash, FormatTimestamp(at));
        Append(hash, actor);
        Append(hash, action);
        Append(hash, subject);
        Append(hash, payloadJson);
        Append(hash, previousHash);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public static string ComputeHash(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return ComputeHash(
            record.Sequence, record.At, record.Actor, record.Action, record.Subject, record.PayloadJson, record.PreviousHash);
    }

    /// <summary>Checks one record against its predecessor; returns the problem or null.</summary>
    public static string? Check(AuditRecord record, long expectedSequence, string expectedPreviousHash)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Sequence != expectedSequence)
        {
            return string.Create(
                CultureInfo.InvariantCulture,
                $"sequence {record.Sequence} found where {expectedSequence} was expected (a record is missing)");
        }

        if (!string.Equals(record.PreviousHash, expectedPreviousHash, StringComparison.Ordinal))
        {
            return "previous hash does not match the hash of the record before it";
        }

        if (!string.Equals(ComputeHash(record), record.Hash, StringComparison.Ordinal))
        {
            return "stored hash does not match the record's content (the record was modified)";
        }

        return null;
    }

    /// <summary>The keyed MAC of a record: HMAC-SHA256 over the ASCII tag "comity-audit-mac-v1" and the record's
    /// hash (64 lowercase hex), keyed by the UTF-8 bytes of <paramref name="key"/>; lowercase hex.</summary>
    public static string ComputeMac(string key, string hash)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(hash);
        using var mac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(key));
        mac.AppendData(MacTag);
        mac.AppendData(Encoding.ASCII.GetBytes(hash));
        return Convert.ToHexStringLower(mac.GetHashAndReset());
    }

    /// <summary>Checks a record's MAC under <paramref name="key"/>; returns the problem or null.</summary>
    public static string? CheckMac(AuditRecord record, string key)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Mac is null)
        {
            return "the record carries no MAC (appended without the audit key, or its MAC was removed)";
        }

        var expected = Encoding.ASCII.GetBytes(ComputeMac(key, record.Hash));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(record.Mac))
            ? null
            : "the record's MAC does not verify under the audit key (the record was rewritten, or the key differs)";
    }

    private static readonly byte[] MacTag = "comity-audit-mac-v1"u8.ToArray();

    private static void Append(IncrementalHash hash, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        hash.AppendData(length);
        hash.AppendData(bytes);
    }
}
