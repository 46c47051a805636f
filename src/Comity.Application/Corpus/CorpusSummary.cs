using System.Globalization;
using System.Text;

namespace Comity.Application.Corpus;

/// <summary>Text rendering of the loaded datasets (<c>comity lists</c>).</summary>
public static class CorpusSummary
{
    public static string Table(ScreeningCorpus corpus)
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.Append(inv, $"Corpus {corpus.Version}: {corpus.Entities.Length:N0} entities from {corpus.Datasets.Length} lists\n\n");
        sb.Append(inv, $"{"source",-16} {"authority",-34} {"format",-18} {"data date",-12} {"entities",9}  {"by schema",-52} sha256 (16)\n");
        foreach (var d in corpus.Datasets)
        {
            var schemata = string.Join(", ", d.Schemata.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key} {kv.Value:N0}"));
            var sha = string.Join(" ", d.Provenance.Files.Select(f => f.Sha256[..16]));
            sb.Append(inv, $"{d.Source,-16} {Trim(d.Provenance.Authority, 34),-34} {d.Format,-18} {Date(d.Provenance.Published),-12} {d.EntityCount,9:N0}  {schemata,-52} {sha}\n");
            if (d.Diagnostics.Length > 0)
            {
                sb.Append(inv, $"{string.Empty,-16} {d.Diagnostics.Length:N0} diagnostics (see: comity lists inspect {d.Path})\n");
            }
        }

        var links = corpus.Links;
        sb.Append(inv, $"\nCross-list links: {links.Linked.Length:N0} subjects are named by more than one list.\n");
        foreach (var source in corpus.Datasets.Select(d => d.Source).Where(s => s.StartsWith("un-", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal))
        {
            var counts = links.LinkedCounts(source);
            if (counts.Count > 0)
            {
                sb.Append(inv, $"{source} entries linked to: {string.Join(", ", counts.Select(kv => $"{kv.Key} {kv.Value:N0}"))}\n");
            }
        }

        return sb.ToString();
    }

    private static string Date(string? published) => published is null ? "-" : published.Length > 10 ? published[..10] : published;

    private static string Trim(string s, int n) => s.Length <= n ? s : s[..(n - 1)] + "…";
}
