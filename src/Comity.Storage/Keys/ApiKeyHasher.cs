using System.Security.Cryptography;
using System.Text;

namespace Comity.Storage.Keys;

/// <summary>
/// Salted SHA-256 of API keys. Issued keys read "cmk_{id}_{secret}" (id: 16 hex, secret: 32 random bytes in
/// base64url) so the row is found by id; imported keys have free form and are checked against each imported row.
/// </summary>
internal static class ApiKeyHasher
{
    public const string IssuedPrefix = "cmk_";

    public static string NewSalt() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    public static string NewIssuedKey(string id)
    {
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return IssuedPrefix + id + "_" + secret;
    }

    /// <summary>The id inside an issued key, or null when the key is not in the issued form.</summary>
    public static string? IssuedId(string key)
    {
        if (!key.StartsWith(IssuedPrefix, StringComparison.Ordinal) || key.Length < IssuedPrefix.Length + 17)
        {
            return null;
        }

        var id = key.Substring(IssuedPrefix.Length, 16);
        return key[IssuedPrefix.Length + 16] == '_' && id.All(char.IsAsciiHexDigitLower) ? id : null;
    }

    public static string Hash(string saltHex, string key)
    {
        var salt = Convert.FromHexString(saltHex);
        var bytes = new byte[salt.Length + Encoding.UTF8.GetByteCount(key)];
        salt.CopyTo(bytes, 0);
        Encoding.UTF8.GetBytes(key, 0, key.Length, bytes, salt.Length);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    public static bool Matches(string saltHex, string storedHashHex, string key)
    {
        var computed = Convert.FromHexString(Hash(saltHex, key));
        var stored = Convert.FromHexString(storedHashHex);
        return CryptographicOperations.FixedTimeEquals(computed, stored);
    }
}
