using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Comity.Storage.Audit;

/// <summary>A signed statement of the audit chain's state: "the chain held <see cref="Records"/> records and the
/// last one hashed to <see cref="HeadHash"/> at <see cref="At"/>". Kept outside the database (another host, a
/// ticket, a WORM bucket), it proves later that no record up to it was changed or removed: rewriting any of them
/// changes record <see cref="Records"/>'s hash, and removing one leaves the chain without it.</summary>
/// <remarks>Signed with ECDSA P-256 over SHA-256 (IEEE P1363 signature) of the UTF-8 text
/// <c>comity-audit-checkpoint-v1\n{records}\n{head hash}\n{at, yyyy-MM-ddTHH:mm:ss.ffffffZ}\n</c>. The file is JSON:
/// <c>format, records, head_hash, at, public_key</c> (SubjectPublicKeyInfo, base64) and <c>signature</c> (base64).</remarks>
public sealed record AuditCheckpoint(long Records, string HeadHash, DateTimeOffset At, string PublicKey, string Signature)
{
    public const string Format = "comity-audit-checkpoint-v1";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Signs the head of a verified chain.</summary>
    public static AuditCheckpoint Create(long records, string headHash, DateTimeOffset at, ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(headHash);
        at = AuditChain.Truncate(at);
        var signature = key.SignData(SignedBytes(records, headHash, at), HashAlgorithmName.SHA256);
        return new AuditCheckpoint(records, headHash, at, Convert.ToBase64String(key.ExportSubjectPublicKeyInfo()), Convert.ToBase64String(signature));
    }

    /// <summary>SHA-256 of the public key (hex, first 16 bytes): what to compare with a published fingerprint.</summary>
    public string KeyFingerprint => Fingerprint(PublicKey);

    public static string Fingerprint(string publicKeyBase64) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(publicKeyBase64)))[..32];

    /// <summary>True when <see cref="Signature"/> is a valid signature of the other fields by <see cref="PublicKey"/>.</summary>
    public bool HasValidSignature()
    {
        try
        {
            using var key = ECDsa.Create();
            key.ImportSubjectPublicKeyInfo(Convert.FromBase64String(PublicKey), out _);
            return key.VerifyData(SignedBytes(Records, HeadHash, At), Convert.FromBase64String(Signature), HashAlgorithmName.SHA256);
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return false;
        }
    }

    public string ToJson()
    {
        var o = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["format"] = Format,
            ["records"] = Records,
            ["head_hash"] = HeadHash,
            ["at"] = AuditChain.FormatTimestamp(At),
            ["public_key"] = PublicKey,
            ["signature"] = Signature,
        };
        return JsonSerializer.Serialize(o, Indented) + "\n";
    }

    /// <summary>Reads a checkpoint file's text; throws <see cref="StoreException"/> naming the field that is wrong.</summary>
    public static AuditCheckpoint Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new StoreException($"{source}: a checkpoint is a JSON object.");
            }

            string Text(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
                ? v.GetString()!
                : throw new StoreException($"{source}: field '{name}' is missing or not a string.");
            if (Text("format") != Format)
            {
                throw new StoreException($"{source}: field 'format' is not {Format}.");
            }

            if (!root.TryGetProperty("records", out var records) || records.ValueKind != JsonValueKind.Number || !records.TryGetInt64(out var count) || count < 0)
            {
                throw new StoreException($"{source}: field 'records' is missing or not a non-negative integer.");
            }

            if (!DateTimeOffset.TryParseExact(Text("at"), "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
            {
                throw new StoreException($"{source}: field 'at' is not a UTC timestamp yyyy-MM-ddTHH:mm:ss.ffffffZ.");
            }

            return new AuditCheckpoint(count, Text("head_hash"), at, Text("public_key"), Text("signature"));
        }
        catch (JsonException e)
        {
            throw new StoreException($"{source}: not valid JSON (line {e.LineNumber + 1}): {e.Message}", e);
        }
    }

    /// <summary>Checks a store's chain against this checkpoint: the signature verifies, and records 1 ..
    /// <see cref="Records"/> are all present, chained, unmodified (and MAC-valid when the store is keyed), the last
    /// hashing to <see cref="HeadHash"/>. Returns the problem, or null when the checkpoint holds.</summary>
    public async Task<string?> CheckAsync(IComityStore store, string? auditKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (!HasValidSignature())
        {
            return "the checkpoint's signature does not verify (the checkpoint file was altered)";
        }

        var expected = 1L;
        var previous = AuditChain.GenesisHash;
        while (expected <= Records)
        {
            var page = await store.ReadAuditAsync(expected - 1, (int)Math.Min(1000, Records - expected + 1), cancellationToken).ConfigureAwait(false);
            if (page.Count == 0)
            {
                return string.Create(CultureInfo.InvariantCulture, $"record {expected} is missing: the log holds fewer records than the checkpoint's {Records} (records were removed)");
            }

            foreach (var record in page)
            {
                if ((AuditChain.Check(record, expected, previous) ?? (auditKey is null ? null : AuditChain.CheckMac(record, auditKey))) is { } problem)
                {
                    return string.Create(CultureInfo.InvariantCulture, $"record {expected}: {problem}");
                }

                previous = record.Hash;
                expected++;
            }
        }

        return string.Equals(previous, HeadHash, StringComparison.Ordinal)
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"record {Records} hashes to {previous}, not to the checkpoint's {HeadHash}: a record up to it was changed (and the chain recomputed)");
    }

    private static byte[] SignedBytes(long records, string headHash, DateTimeOffset at) =>
        Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Format}\n{records}\n{headHash}\n{AuditChain.FormatTimestamp(at)}\n"));
}
