using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using Comity.Sources.Abstractions;

namespace Comity.Sources.Common;

/// <summary>Opens a UTF-8 text list strictly. A <see cref="StreamReader"/> would turn invalid bytes into U+FFFD and
/// load a silently altered name; instead the file is checked once (vectorised, streaming) and the first invalid
/// sequence (or U+FFFE, which normalisation refuses) is a <see cref="ListFormatException"/> naming the file, line and
/// column. A file that starts with a UTF-16
/// or UTF-32 byte order mark is decoded as that encoding, strictly too.</summary>
internal static class Utf8File
{
    private const int ChunkSize = 1 << 16;

    /// <summary>U+FFFE in UTF-8: valid encoding, but not text (.NET's normalisation refuses it, as it refuses lone
    /// surrogates), so it is refused here like an invalid sequence.</summary>
    private static ReadOnlySpan<byte> NonCharacter => [0xEF, 0xBF, 0xBE];

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>A reader over <paramref name="path"/> once its bytes are known to be valid text (a UTF-8 BOM is
    /// skipped; a UTF-16 one is honoured by the strict decoder's preamble).</summary>
    public static StreamReader OpenText(string path)
    {
        var encoding = Validate(path);
        return new StreamReader(path, encoding, detectEncodingFromByteOrderMarks: encoding is UTF8Encoding);
    }

    /// <summary>Checks the whole file and returns the strict encoding to read it with; throws
    /// <see cref="ListFormatException"/> at the first invalid byte sequence.</summary>
    public static Encoding Validate(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        Span<byte> bom = stackalloc byte[4];
        var n = stream.ReadAtLeast(bom, 4, throwOnEndOfStream: false);
        stream.Position = 0;
        if (n >= 2 && ((bom[0] == 0xFF && bom[1] == 0xFE) || (bom[0] == 0xFE && bom[1] == 0xFF)))
        {
            // UTF-16 (or UTF-32 LE, which also starts FF FE): the BOM decides; a strict decoder throws on lone surrogates.
            return new UnicodeEncoding(bigEndian: bom[0] == 0xFE, byteOrderMark: true, throwOnInvalidBytes: true);
        }

        Check(stream, Path.GetFileName(path));
        return Strict;
    }

    /// <summary>Scans UTF-8 bytes; throws naming <paramref name="name"/>, line and column of the first invalid one.</summary>
    public static void Check(Stream stream, string name)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize + 4);
        var chars = ArrayPool<char>.Shared.Rent(ChunkSize + 4);
        try
        {
            long line = 1;
            long column = 0;
            var carry = 0;
            while (true)
            {
                var read = stream.Read(buffer, carry, ChunkSize);
                var length = carry + read;
                var final = read == 0;
                var span = buffer.AsSpan(0, length);
                var status = Utf8.ToUtf16(span, chars, out var consumed, out _, replaceInvalidSequences: false, isFinalBlock: final);
                var nonCharacter = span[..consumed].IndexOf(NonCharacter);
                if (nonCharacter >= 0)
                {
                    Count(span[..nonCharacter], ref line, ref column);
                    throw new ListFormatException(name, string.Create(CultureInfo.InvariantCulture, $"line {line}, column {column + 1}"),
                        "invalid text: U+FFFE is not a character (a byte-swapped BOM?); nothing from the file was loaded");
                }

                Count(span[..consumed], ref line, ref column);
                if (status == OperationStatus.InvalidData || (final && consumed < length))
                {
                    throw Invalid(name, line, column + 1, span[consumed]);
                }

                if (final)
                {
                    return;
                }

                carry = length - consumed;
                span[consumed..].CopyTo(buffer);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private static void Count(ReadOnlySpan<byte> valid, ref long line, ref long column)
    {
        var newlines = valid.Count((byte)'\n');
        if (newlines == 0)
        {
            column += Characters(valid);
            return;
        }

        line += newlines;
        column = Characters(valid[(valid.LastIndexOf((byte)'\n') + 1)..]);
    }

    /// <summary>Characters (code points) in valid UTF-8: every byte that is not a continuation byte.</summary>
    private static int Characters(ReadOnlySpan<byte> valid) => valid.Length - CountContinuation(valid);

    private static int CountContinuation(ReadOnlySpan<byte> valid)
    {
        var n = 0;
        foreach (var b in valid)
        {
            if ((b & 0xC0) == 0x80)
            {
                n++;
            }
        }

        return n;
    }

    private static ListFormatException Invalid(string name, long line, long column, byte b) =>
        new(name, string.Create(CultureInfo.InvariantCulture, $"line {line}, column {column}"),
            string.Create(CultureInfo.InvariantCulture, $"invalid UTF-8 (byte 0x{b:X2}): the file must be UTF-8 text; nothing from it was loaded"));
}
