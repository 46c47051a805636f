using System.Globalization;
using System.Text;
using Comity.Application.Corpus;
using Comity.Application.Evaluation;
using Comity.Core.Matching;
using Comity.Core.Model;

namespace Comity.Evaluation.Audit;

/// <summary>Screens one split of <c>data/eval/population.csv</c> against a corpus and sorts every false alert (a
/// non-listed row whose best hit reaches the threshold) into the error classes of issue 9, read off the hit's
/// explanation. Prints rates per kind, per class and per locale, then the alerts themselves (for tuning on dev).</summary>
internal static class FalseAlertAudit
{
    public static string Run(ScreeningCorpus corpus, IReadOnlyList<PopulationEntry> rows, double threshold, int show)
    {
        var results = new (PopulationEntry Row, ScoredEntity? Top)[rows.Count];
        Parallel.For(0, rows.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            var hits = corpus.Index.Match(rows[i].ToQuery(), 1, threshold);
            results[i] = (rows[i], hits.Count > 0 ? hits[0] : null);
        });

        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        foreach (var kind in new[] { "person", "company" })
        {
            var of = results.Where(r => r.Row.Kind == kind).ToList();
            var alerts = of.Count(r => r.Top is not null);
            sb.Append(inv, $"{kind}: {alerts} of {of.Count} false alerts ({(double)alerts / Math.Max(1, of.Count):P2})\n");
        }

        var shortRows = results.Where(r => r.Row.Kind == "short").ToList();
        sb.Append(inv, $"short: {shortRows.Count(r => r.Top is not null)} of {shortRows.Count} with a match\n\nby class (share of the kind's rows):\n");
        foreach (var g in results.Where(r => r.Top is not null && r.Row.Kind != "short").GroupBy(r => (r.Row.Kind, Class: Classify(r.Row, r.Top!))).OrderBy(g => g.Key.Kind, StringComparer.Ordinal).ThenByDescending(g => g.Count()))
        {
            var total = results.Count(r => r.Row.Kind == g.Key.Kind);
            sb.Append(inv, $"  {g.Key.Kind,-8} {g.Key.Class,-28} {g.Count(),5}  {(double)g.Count() / total:P2}\n");
        }

        sb.Append("\nby locale (persons, companies):\n");
        foreach (var g in results.Where(r => r.Row.Kind != "short").GroupBy(r => r.Row.Locale).OrderByDescending(g => g.Count(r => r.Top is not null)))
        {
            var p = g.Where(r => r.Row.Kind == "person").ToList();
            var c = g.Where(r => r.Row.Kind == "company").ToList();
            sb.Append(inv, $"  {g.Key,-8} {p.Count(r => r.Top is not null),4}/{p.Count,-5} {c.Count(r => r.Top is not null),4}/{c.Count}\n");
        }

        sb.Append('\n');
        foreach (var (row, top) in results.Where(r => r.Top is not null).OrderByDescending(r => r.Top!.Score).Take(show))
        {
            var name = top!.Explanation.Features.FirstOrDefault(f => f.Feature.StartsWith("name", StringComparison.Ordinal));
            sb.Append(inv, $"{top.Score:0.000} [{Classify(row, top)}] {row.Kind} {row.Locale} '{row.Name}' -> {top.Entity.Id} {top.Entity.Schema} '{top.Explanation.MatchedName}' q='{top.Explanation.QueryName}' | {name?.Detail} | {string.Join(", ", top.Explanation.Features.Where(f => f != name).Select(f => f.Feature + " " + f.Contribution.ToString("0.00", inv)))}\n");
        }

        return sb.ToString();
    }

    /// <summary>The issue-9 class of a false alert, from the alignment detail.</summary>
    public static string Classify(PopulationEntry row, ScoredEntity top)
    {
        var detail = top.Explanation.Features.FirstOrDefault(f => f.Feature.StartsWith("name", StringComparison.Ordinal))?.Detail ?? string.Empty;
        var parts = detail.Split("; ", StringSplitOptions.RemoveEmptyEntries);
        var queryLeft = parts.Count(p => p.EndsWith(" unmatched", StringComparison.Ordinal));
        var listedLeft = parts.Count(p => p.EndsWith(" listed only", StringComparison.Ordinal));
        var person = row.Schema == Schema.Person;
        if (person && top.Entity.Schema is not (Schema.Person or Schema.LegalEntity))
        {
            return "person->" + top.Entity.Schema.ToString().ToLowerInvariant();
        }

        if (!person)
        {
            return queryLeft + listedLeft > 0 ? "company:word differs" : "company:all words align";
        }

        if (parts.Any(p => p.Contains(" initial", StringComparison.Ordinal) && !p.Contains("initials", StringComparison.Ordinal)))
        {
            return "person:initial absorbs";
        }

        if (queryLeft > 0 && listedLeft > 0)
        {
            return "person:conflicting part";
        }

        if (queryLeft > 0)
        {
            return "person:query part unmatched";
        }

        if (parts.Any(p => p.Contains("syllable", StringComparison.Ordinal) || p.Contains("roman", StringComparison.Ordinal)))
        {
            return "person:syllable";
        }

        return parts.Any(p => p.Contains('~', StringComparison.Ordinal)) ? "person:fuzzy part" : "person:listed extra/common";
    }
}
