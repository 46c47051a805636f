using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Xml;
using Comity.Core.Text;
using Comity.Sources.Abstractions;
using Comity.Sources.Common;

namespace Comity.Sources.Custom;

/// <summary>Small helpers shared by the readers of this project (file provenance, hardened XML settings, splitting).</summary>
internal static class ReadSupport
{
    /// <summary>Name, SHA-256 (lowercase hex) and size of a file.</summary>
    public static SourceFile Describe(string path)
    {
        using var s = File.OpenRead(path);
        var hash = SHA256.HashData(s);
        return new SourceFile(Path.GetFileName(path), Convert.ToHexStringLower(hash), s.Length);
    }

    /// <summary>Streaming XML settings: no DTD, no external resolution, comments and whitespace ignored.</summary>
    public static XmlReaderSettings XmlSettings() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    /// <summary>Opens a file for streaming XML reading with <see cref="XmlSettings"/>.</summary>
    public static XmlReader OpenXml(string path) =>
        XmlReader.Create(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16), XmlSettings());

    /// <summary>Wraps an XML parse error as a <see cref="ListFormatException"/> naming file and line.</summary>
    public static ListFormatException XmlFailure(string file, XmlException ex) =>
        new(Path.GetFileName(file), $"line {ex.LineNumber}", ex.Message, ex);

    /// <summary>The local name of the first element of an XML head, or null when the text is not XML.</summary>
    public static string? RootElement(string file)
    {
        var head = ListProbe.HeadText(file);
        var i = 0;
        while (i < head.Length)
        {
            var lt = head.IndexOf('<', i);
            if (lt < 0 || lt + 1 >= head.Length)
            {
                return null;
            }

            var next = head[lt + 1];
            if (next is '?' or '!')
            {
                i = lt + 2;
                continue;
            }

            var end = lt + 1;
            while (end < head.Length && !char.IsWhiteSpace(head[end]) && head[end] is not ('>' or '/'))
            {
                end++;
            }

            var name = head[(lt + 1)..end];
            var colon = name.IndexOf(':', StringComparison.Ordinal);
            return colon >= 0 ? name[(colon + 1)..] : name;
        }

        return null;
    }

    /// <summary>True when the text before the first element is only an XML declaration, comments or whitespace.</summary>
    public static bool LooksLikeXml(string file)
    {
        var head = ListProbe.HeadText(file).TrimStart();
        return head.StartsWith('<');
    }

    /// <summary>Splits on a separator string, cleans each part and drops empty ones.</summary>
    public static ImmutableArray<string> Split(string? value, string separator)
    {
        var v = TextValue.Clean(value);
        if (v is null)
        {
            return [];
        }

        var b = ImmutableArray.CreateBuilder<string>();
        foreach (var p in v.Split(separator))
        {
            if (TextValue.Clean(p) is { } c)
            {
                b.Add(c);
            }
        }

        return b.ToImmutable();
    }

    /// <summary>A country name or code as lowercase ISO alpha-2, or null.</summary>
    public static string? Country(string? text) => text is null ? null : Countries.Resolve(text);

    /// <summary>Record counts as an immutable dictionary.</summary>
    public static ImmutableDictionary<string, int> Counts(params (string Key, int Count)[] counts) =>
        counts.ToImmutableDictionary(c => c.Key, c => c.Count, StringComparer.Ordinal);
}
