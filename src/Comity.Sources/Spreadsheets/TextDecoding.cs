using System.Text;

namespace Comity.Sources.Spreadsheets;

/// <summary>Decides the encoding of a text list from its bytes: a UTF-8 BOM or valid UTF-8 is UTF-8; anything
/// else is Windows-1252 (the 2018 OFSI CSV; LIST-FORMATS §0.1, §5.5).</summary>
internal static class TextDecoding
{
    /// <summary>Windows-1252 from the code-pages provider (not registered globally).</summary>
    public static Encoding Windows1252 { get; } = CodePagesEncodingProvider.Instance.GetEncoding(1252)
        ?? throw new InvalidOperationException("code page 1252 is not available");

    /// <summary>Decodes the bytes; <paramref name="encoding"/> tells which encoding was used.</summary>
    public static string Decode(byte[] bytes, out Encoding encoding)
    {
        ReadOnlySpan<byte> span = bytes;
        if (span.StartsWith("\uFEFF"u8))
        {
            encoding = Encoding.UTF8;
            return Encoding.UTF8.GetString(span[3..]);
        }

        if (IsValidUtf8(span))
        {
            encoding = Encoding.UTF8;
            return Encoding.UTF8.GetString(span);
        }

        encoding = Windows1252;
        return Windows1252.GetString(span);
    }

    /// <summary>True when the bytes are valid UTF-8.</summary>
    public static bool IsValidUtf8(ReadOnlySpan<byte> bytes) => System.Text.Unicode.Utf8.IsValid(bytes);
}
