using Comity.Sources.Abstractions;
namespace Comity.Sources.Common;

/// <summary>Recognises the documentation kept beside the lists (XML schemas, PDF documents, Markdown notes), so that
/// they are refused as "not a list" rather than as an unknown format, and skipped when a folder is inspected.</summary>
internal static class Documentation
{
    /// <summary>True when <paramref name="file"/> is documentation (see <see cref="KindOf"/>).</summary>
    public static bool Is(string file) => KindOf(file) is not null;

    /// <summary>"an XML schema", "a PDF document" or "a Markdown document", or null when the file may be a list.</summary>
    public static string? KindOf(string file)
    {
        var extension = Path.GetExtension(file);
        if (ListProbe.Head(file).StartsWith("%PDF-"u8) || extension.Equals(".pdf", StringComparison.OrdinalIgnoreCase))
        {
            return "a PDF document";
        }

        if (extension.Equals(".xsd", StringComparison.OrdinalIgnoreCase) || SafeXml.RootNameOf(file) == "schema")
        {
            return "an XML schema";
        }

        return extension.Equals(".md", StringComparison.OrdinalIgnoreCase) ? "a Markdown document" : null;
    }
}
