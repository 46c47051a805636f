using System.Text;
using CsCheck;

namespace Comity.Fuzz.Tests.Support;

/// <summary>What is done to a real input.</summary>
public enum MutationKind
{
    /// <summary>Cut at a random place (an interrupted download).</summary>
    Truncate,

    /// <summary>1–8 random bytes replaced by random values (a damaged file).</summary>
    FlipBytes,

    /// <summary>An invalid UTF-8 sequence inserted (stray FF FE C3, an overlong or encoded-surrogate form).</summary>
    InvalidUtf8,

    /// <summary>A lone surrogate as JSON escape (<c>\ud800x</c>) or XML character reference (<c>&amp;#xD800;</c>).</summary>
    LoneSurrogate,

    /// <summary>One field made huge (up to 1 MiB without a separator).</summary>
    HugeField,

    /// <summary>Thousands of nested arrays, objects or elements inserted.</summary>
    DeepNesting,

    /// <summary>A slice of the input repeated (duplicate records, doubled headers).</summary>
    DuplicateSlice,

    /// <summary>A JSON string value replaced by another type or a hostile value; elsewhere a random delimiter run.</summary>
    SwapValue,
}

/// <summary>One mutation: its kind, where (a fraction of the input), how much and a free choice.</summary>
public sealed record Mutation(MutationKind Kind, double At, int Size, int Pick)
{
    public override string ToString() => $"{Kind} at {At:0.###} size {Size} pick {Pick}";
}

/// <summary>Fixed-seed mutation plans (CsCheck generators) and their application to bytes.</summary>
public static class Mutations
{
    private static readonly Gen<Mutation> One = Gen.Select(Gen.Enum<MutationKind>(), Gen.Double[0, 1], Gen.Int[1, 8], Gen.Int[0, 1 << 20],
        (kind, at, size, pick) => new Mutation(kind, at, size, pick));

    private static readonly byte[][] BadUtf8 =
    [
        [0xFF, 0xFE, 0xC3], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0x80], [0xE2, 0x82],
    ];

    private static readonly string[] Swaps =
    [
        "null", "1e999", "-0", "[]", "{}", "true", "\"\"", "123456789012345678901234567890", "[[[[[[]]]]]]", "\"\\u0000\"",
    ];

    /// <summary><paramref name="count"/> mutations, the same for the same seed: every kind appears in turn, the
    /// rest of each mutation is drawn by CsCheck from <paramref name="seed"/>.</summary>
    public static Mutation[] Plan(string seed, int count)
    {
        var drawn = Check.Single(One.Array[count, count], _ => true, seed);
        var kinds = Enum.GetValues<MutationKind>();
        return [.. drawn.Select((m, i) => m with { Kind = kinds[i % kinds.Length] })];
    }

    /// <summary>The input with <paramref name="m"/> applied.</summary>
    public static byte[] Apply(byte[] input, Mutation m)
    {
        var at = (int)(m.At * input.Length);
        var random = new Random(m.Pick);
        switch (m.Kind)
        {
            case MutationKind.Truncate:
                return input[..at];
            case MutationKind.FlipBytes:
                {
                    var copy = (byte[])input.Clone();
                    for (var i = 0; i < m.Size && copy.Length > 0; i++)
                    {
                        copy[random.Next(copy.Length)] = (byte)random.Next(256);
                    }

                    return copy;
                }

            case MutationKind.InvalidUtf8:
                return Insert(input, AfterLetter(input, at), BadUtf8[m.Pick % BadUtf8.Length]);
            case MutationKind.LoneSurrogate:
                {
                    var json = input.AsSpan().IndexOfAny((byte)'{', (byte)'[') is 0 or 1 or 2 or 3;
                    var text = json ? "\\ud800x" : (m.Pick % 2 == 0 ? "&#xD800;" : "\uFFFE&#55296;");
                    return Insert(input, AfterQuoteOrTag(input, at, json), Encoding.UTF8.GetBytes(text));
                }

            case MutationKind.HugeField:
                return Insert(input, AfterQuoteOrTag(input, at, json: true), Encoding.ASCII.GetBytes(new string('x', 1 << (12 + (m.Size % 9)))));
            case MutationKind.DeepNesting:
                {
                    var depth = 2000 + (m.Pick % 8000);
                    var open = input.Length > 0 && input[0] == '<' ? "<n>" : (m.Pick % 2 == 0 ? "[" : "{\"a\":");
                    var sb = new StringBuilder(open.Length * depth);
                    for (var i = 0; i < depth; i++)
                    {
                        sb.Append(open);
                    }

                    return Insert(input, at, Encoding.ASCII.GetBytes(sb.ToString()));
                }

            case MutationKind.DuplicateSlice:
                {
                    var length = Math.Min(input.Length - at, 1 + (m.Pick % 4096));
                    var slice = input.AsSpan(at, Math.Max(0, length)).ToArray();
                    var times = 1 + (m.Size * 4);
                    var copies = Enumerable.Repeat(slice, times).SelectMany(b => b).ToArray();
                    return Insert(input, at, copies);
                }

            default:
                return SwapValue(input, at, m);
        }
    }

    /// <summary>A JSON string value (the next <c>"…"</c> after <paramref name="at"/>) replaced by another value, or a
    /// run of delimiters (quotes, commas, tabs, semicolons) inserted into text.</summary>
    private static byte[] SwapValue(byte[] input, int at, Mutation m)
    {
        var start = input.AsSpan(at).IndexOf((byte)'"');
        if (start >= 0)
        {
            start += at;
            var end = input.AsSpan(start + 1).IndexOf((byte)'"');
            if (end >= 0)
            {
                end += start + 2;
                var swap = Encoding.UTF8.GetBytes(Swaps[m.Pick % Swaps.Length]);
                return [.. input.AsSpan(0, start), .. swap, .. input.AsSpan(end)];
            }
        }

        var run = new string("\",;\t|\r\n"[m.Pick % 7], 1 + (m.Size * 50));
        return Insert(input, at, Encoding.ASCII.GetBytes(run));
    }

    private static byte[] Insert(byte[] input, int at, byte[] what) => [.. input.AsSpan(0, at), .. what, .. input.AsSpan(at)];

    /// <summary>A position at or after <paramref name="at"/> just after an ASCII letter (inside a name, most likely).</summary>
    private static int AfterLetter(byte[] input, int at)
    {
        for (var i = at; i < input.Length; i++)
        {
            if (char.IsAsciiLetter((char)input[i]))
            {
                return i + 1;
            }
        }

        return at;
    }

    /// <summary>Just inside the next string (JSON) or element text (XML) at or after <paramref name="at"/>.</summary>
    private static int AfterQuoteOrTag(byte[] input, int at, bool json)
    {
        var mark = json ? (byte)'"' : (byte)'>';
        var i = input.AsSpan(at).IndexOf(mark);
        if (i < 0 && !json)
        {
            i = input.AsSpan(at).IndexOf((byte)'"');
        }

        return i < 0 ? at : at + i + 1;
    }
}
