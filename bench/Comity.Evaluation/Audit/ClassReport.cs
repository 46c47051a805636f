using System.Globalization;
using System.Text;
using Comity.Application.Compare;
using Comity.Application.Corpus;
using Comity.Application.Evaluation;
using Comity.Core.Model;

namespace Comity.Evaluation.Audit;

/// <summary>The per-class table of issue 9 at one threshold, for the dev and test splits side by side: recall of every
/// positive kind, the match rate of every hard-negative kind, the population's false-alert rate for persons and
/// companies (all, and by script group), precision / recall / F1 on all labelled pairs. Uses only the public matcher
/// (the same scorer as <c>comity compare</c> and <c>comity screen</c>), so it also runs against an older build.</summary>
internal static class ClassReport
{
    private static readonly (string Group, string[] Locales)[] ScriptGroups =
    [
        ("native scripts (Han, Hangul, Kana, Greek, Persian, Arabic, Hebrew, Devanagari, Thai, Georgian, Cyrillic, Khmer)",
            ["zh-Hani", "zh-Hant", "ko-Hang", "ja-Jpan", "ja-Kana", "el", "fa-Arab", "ar-Arab", "he", "hi-Deva", "th", "ka", "ru-Cyrl", "uk-Cyrl", "km"]),
    ];

    private static readonly HashSet<string> Legacy = new(StringComparer.Ordinal)
    {
        "alias", "former", "translit_cyrillic", "translit_arabic", "romanisation", "reorder", "middle_missing", "middle_extra",
        "initials", "typo1", "typo2", "legal_form", "punctuation", "glued", "similar_other", "one_name_differs",
    };

    public static string Run(ScreeningCorpus corpus, IReadOnlyList<LabelledPair> pairs, IReadOnlyList<PopulationEntry> population, double threshold)
    {
        var scorer = new PairScorer(corpus);
        var scores = new double[pairs.Count];
        Parallel.For(0, pairs.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            var p = pairs[i];
            var schema = p.Schema is not null && Schemata.TryParse(p.Schema, out var s) ? s : Schema.LegalEntity;
            scores[i] = scorer.Score(p.Name1, p.Name2, schema).Score;
        });
        var best = new double[population.Count];
        Parallel.For(0, population.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            var hits = corpus.Index.Match(population[i].ToQuery(), 1, Math.Min(threshold, 0.5));
            best[i] = hits.Count > 0 ? hits[0].Score : 0;
        });

        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(inv, $"threshold {threshold:0.00}; {pairs.Count:N0} pairs, {population.Count:N0} population rows\n\n");
        sb.Append("| Class | measure | dev | test |\n|---|---|---:|---:|\n");
        string[] splits = ["dev", "test"];
        foreach (var (kind, match) in pairs.Select(p => (Kind: p.Kind ?? "-", p.IsMatch)).Distinct().OrderBy(k => k.IsMatch ? 0 : 1).ThenBy(k => k.Kind, StringComparer.Ordinal))
        {
            sb.Append(inv, $"| {kind} | {(match ? "recall" : "matched (false)")} |");
            foreach (var split in splits)
            {
                var of = Enumerable.Range(0, pairs.Count).Where(i => pairs[i].IsMatch == match && (pairs[i].Kind ?? "-") == kind && pairs[i].Split == split).ToList();
                var hit = of.Count(i => scores[i] >= threshold);
                sb.Append(inv, $" {Percent(hit, of.Count)} ({hit}/{of.Count}) |");
            }

            sb.Append('\n');
        }

        foreach (var (label, filter) in new (string, Func<PopulationEntry, bool>)[]
        {
            ("population persons", e => e.Kind == "person"),
            ("population companies", e => e.Kind == "company"),
            ("population persons, " + ScriptGroups[0].Group, e => e.Kind == "person" && ScriptGroups[0].Locales.Contains(e.Locale)),
            ("population persons, Latin script", e => e.Kind == "person" && !ScriptGroups[0].Locales.Contains(e.Locale)),
            ("population short names and initials", e => e.Kind == "short"),
        })
        {
            sb.Append(inv, $"| {label} | false alerts |");
            foreach (var split in splits)
            {
                var of = Enumerable.Range(0, population.Count).Where(i => population[i].Split == split && filter(population[i])).ToList();
                var hit = of.Count(i => best[i] >= threshold);
                sb.Append(inv, $" {Percent(hit, of.Count)} ({hit}/{of.Count}) |");
            }

            sb.Append('\n');
        }

        sb.Append('\n');
        foreach (var split in splits)
        {
            int tp = 0, fp = 0, fn = 0;
            for (var i = 0; i < pairs.Count; i++)
            {
                if (pairs[i].Split != split)
                {
                    continue;
                }

                var predicted = scores[i] >= threshold;
                tp += pairs[i].IsMatch && predicted ? 1 : 0;
                fp += !pairs[i].IsMatch && predicted ? 1 : 0;
                fn += pairs[i].IsMatch && !predicted ? 1 : 0;
            }

            var precision = tp / (double)Math.Max(1, tp + fp);
            var recall = tp / (double)Math.Max(1, tp + fn);
            sb.Append(inv, $"{split}: all labelled pairs precision {precision:0.0000} recall {recall:0.0000} F1 {2 * precision * recall / Math.Max(1e-9, precision + recall):0.0000}\n");
            int ltp = 0, lfp = 0, lfn = 0, vtp = 0, vn = 0;
            for (var i = 0; i < pairs.Count; i++)
            {
                if (pairs[i].Split != split || !Legacy.Contains(pairs[i].Kind ?? string.Empty))
                {
                    continue;
                }

                var predicted = scores[i] >= threshold;
                ltp += pairs[i].IsMatch && predicted ? 1 : 0;
                lfp += !pairs[i].IsMatch && predicted ? 1 : 0;
                lfn += pairs[i].IsMatch && !predicted ? 1 : 0;
                if (pairs[i].IsMatch && pairs[i].Kind is not ("alias" or "former"))
                {
                    vn++;
                    vtp += predicted ? 1 : 0;
                }
            }

            var lp = ltp / (double)Math.Max(1, ltp + lfp);
            var lr = ltp / (double)Math.Max(1, ltp + lfn);
            sb.Append(inv, $"{split}: classes of the older floors precision {lp:0.0000} recall {lr:0.0000} F1 {2 * lp * lr / Math.Max(1e-9, lp + lr):0.0000}; their generated variants recall {vtp / (double)Math.Max(1, vn):0.0000}\n");
        }

        // The calibration sweep (the rule of CalibrationTests: dev F1 among thresholds whose dev false alerts stay under a
        // cap), for choosing a cap with the numbers in view.
        sb.Append("\nthreshold  dev F1   dev P    dev R    FA persons  FA companies (dev)  | test F1  FA persons  FA companies (test)\n");
        for (var t = 0.55; t <= 0.901; t += 0.01)
        {
            sb.Append(inv, $"{t:0.00}");
            foreach (var split in splits)
            {
                int tp = 0, fp = 0, fn = 0;
                for (var i = 0; i < pairs.Count; i++)
                {
                    if (pairs[i].Split == split)
                    {
                        var predicted = scores[i] >= t;
                        tp += pairs[i].IsMatch && predicted ? 1 : 0;
                        fp += !pairs[i].IsMatch && predicted ? 1 : 0;
                        fn += pairs[i].IsMatch && !predicted ? 1 : 0;
                    }
                }

                var precision = tp / (double)Math.Max(1, tp + fp);
                var recall = tp / (double)Math.Max(1, tp + fn);
                double Rate(string kind)
                {
                    var of = Enumerable.Range(0, population.Count).Where(i => population[i].Split == split && population[i].Kind == kind).ToList();
                    return of.Count(i => best[i] >= t) / (double)Math.Max(1, of.Count);
                }

                sb.Append(inv, $"  {2 * precision * recall / Math.Max(1e-9, precision + recall):0.0000} {precision:0.0000} {recall:0.0000}  {Rate("person"):P2}  {Rate("company"):P2} |");
            }

            sb.Append('\n');
        }

        // Recall of each floor-holding kind on test across thresholds (the floors of AccuracyFloors must hold).
        string[] floorKinds = ["translit_arabic", "translit_cyrillic", "romanisation", "reorder", "middle_missing", "middle_extra", "initials", "typo1", "typo2", "legal_form", "punctuation", "glued"];
        sb.Append("\nthreshold  test recall by kind: ").AppendJoin(' ', floorKinds).Append(" | classic variants\n");
        for (var t = 0.64; t <= 0.801; t += 0.01)
        {
            sb.Append(inv, $"{t:0.00}");
            foreach (var kind in floorKinds)
            {
                var of = Enumerable.Range(0, pairs.Count).Where(i => pairs[i].Split == "test" && pairs[i].IsMatch && pairs[i].Kind == kind).ToList();
                sb.Append(inv, $" {of.Count(i => scores[i] >= t) / (double)Math.Max(1, of.Count):0.000}");
            }

            var classic = Enumerable.Range(0, pairs.Count).Where(i => pairs[i].Split == "test" && pairs[i].IsMatch && floorKinds.Contains(pairs[i].Kind)).ToList();
            sb.Append(inv, $" | {classic.Count(i => scores[i] >= t) / (double)Math.Max(1, classic.Count):0.0000}\n");
        }

        return sb.ToString();
    }

    private static string Percent(int hit, int count) => count == 0 ? "–" : (100.0 * hit / count).ToString("0.0", CultureInfo.InvariantCulture) + " %";
}
