using System.Security.Cryptography;
using System.Text;

namespace Comity.Storage;

/// <summary>SHA-256 helpers for values that must be referenced without being revealed (queries in audit records).</summary>
public static class StorageHash
{
    /// <summary>Lowercase hex SHA-256 of the UTF-8 bytes of <paramref name="text"/>.</summary>
    public static string Sha256Hex(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
