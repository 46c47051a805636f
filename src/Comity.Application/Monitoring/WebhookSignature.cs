using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Comity.Application.Monitoring;

/// <summary>How a webhook body is signed: <c>Comity-Signature: v1=HEX</c> where HEX is the HMAC-SHA256, under the
/// webhook's secret, of <c>TIMESTAMP.BODY</c> (the <c>Comity-Timestamp</c> header, Unix seconds, a dot, the raw body
/// bytes). A receiver recomputes it, compares in constant time, and rejects timestamps too far from its clock (replay).
/// <c>Comity-Event-Id</c> carries the event id for de-duplication (delivery is at least once).</summary>
internal static class WebhookSignature
{
    public const string SignatureHeader = "Comity-Signature";

    public const string TimestampHeader = "Comity-Timestamp";

    public const string EventIdHeader = "Comity-Event-Id";

    /// <summary>The signature header value for <paramref name="body"/> sent at <paramref name="timestamp"/>.</summary>
    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message));
    }

    /// <summary>True when <paramref name="signature"/> is the signature of <paramref name="body"/> at
    /// <paramref name="timestamp"/> (constant-time comparison).</summary>
    public static bool Verify(string secret, long timestamp, ReadOnlySpan<byte> body, string? signature)
    {
        if (signature is null)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(secret, timestamp, body));
        var given = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    /// <summary>A new random secret (32 bytes, hex).</summary>
    public static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}
