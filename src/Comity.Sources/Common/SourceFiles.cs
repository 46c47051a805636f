using System.Security.Cryptography;
using Comity.Sources.Abstractions;

namespace Comity.Sources.Common;

/// <summary>Provenance helpers: file name, SHA-256 and size of every file a reader consumed.</summary>
internal static class SourceFiles
{
    /// <summary>Name, SHA-256 (lowercase hex) and size of a file.</summary>
    public static SourceFile Describe(string path)
    {
        using var stream = File.OpenRead(path);
        var hash = SHA256.HashData(stream);
        return new SourceFile(Path.GetFileName(path), Convert.ToHexStringLower(hash), stream.Length);
    }
}
