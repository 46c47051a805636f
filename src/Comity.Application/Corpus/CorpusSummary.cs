using System.Globalization;
using System.Text;

namespace Comity.Application.Corpus;

/// <summary>Text rendering of the loaded datasets (<c>comity lists</c>).</summary>
internal static class CorpusSummary
{
    /// <summary>The table of datasets: data date (and where it comes from), age on <paramref name="asOf"/>, staleness
    /// and completeness (<see cref="Lists.ListStatuses"/>), then expected lists that are not loaded, then the links.</summary>
    public static string Table(ScreeningCorpus corpus, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        var statuses = Lists.ListStatuses.Of(corpus);
        sb.Append(inv, $"Corpus {corpus.Version}: {corpus.Entities.Length:N0} entities from {corpus.Datasets.Length} lists (ages on {asOf:yyyy-MM-dd})\n\n");
        sb.Append(inv, $"{"source",-16} {"authority",-34} {"format",-18} {"data date",-12} {"date from",-15} {"age",6} {"status",-36} {"version",-12} {"entities",9}  {"by schema",-52} sha256 (16)\n");
        foreach (var d in corpus.Datasets)
        {
            var schemata = string.Join(", ", d.Schemata.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key} {kv.Value:N0}"));
            var sha = string.Join(" ", d.Provenance.Files.Select(f => f.Sha256[..16]));
            var st = statuses.FirstOrDefault(s => s.Source == d.Source && s.Path == d.Path);
            var date = st?.DataDate is { } dd ? dd.ToString("yyyy-MM-dd", inv) : Date(d.Provenance.Published);
            var age = st?.AgeOn(asOf) is { } a ? a.ToString(inv) + "d" : "-";
            sb.Append(inv, $"{d.Source,-16} {Trim(d.Provenance.Authority, 34),-34} {d.Format,-18} {date,-12} {st?.DataDateFrom ?? "-",-15} {age,6} {Status(st, asOf),-36} {st?.Version ?? "bundled",-12} {d.EntityCount,9:N0}  {schemata,-52} {sha}\n");
            if (d.Diagnostics.Length > 0)
            {
                sb.Append(inv, $"{string.Empty,-16} {d.Diagnostics.Length:N0} diagnostics (see: comity lists inspect {d.Path})\n");
            }
        }

        foreach (var st in statuses.Where(s => !s.Loaded))
        {
            sb.Append(inv, $"{st.Source,-16} {"(not loaded)",-34} {"-",-18} {"-",-12} {"-",-15} {"-",6} {"not loaded",-36} {"-",-12} {0,9:N0}\n");
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

    /// <summary><c>current</c>, or what is wrong: <c>stale (max 7d)</c>, <c>undated</c>, <c>sample (min 1,000)</c>.</summary>
    private static string Status(Lists.ListStatus? st, DateOnly asOf)
    {
        if (st is null)
        {
            return "-";
        }

        var parts = new List<string>();
        if (!st.Complete)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"sample (min {st.MinEntities:N0})"));
        }

        if (st.StaleOn(asOf))
        {
            parts.Add(st.DataDate is null ? "undated" : string.Create(CultureInfo.InvariantCulture, $"stale (max {st.MaxAgeDays}d)"));
        }

        return parts.Count > 0 ? string.Join(", ", parts) : st.MaxAgeDays is null ? "no max age" : "current";
    }

    private static string Date(string? published) => published is null ? "-" : published.Length > 10 ? published[..10] : published;

    private static string Trim(string s, int n) => s.Length <= n ? s : s[..(n - 1)] + "…";
}
