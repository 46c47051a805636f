using System.Globalization;
using System.Text;
using Comity.Application.Corpus;
using Comity.Application.Evaluation;
using Comity.Core.Matching;
using Comity.Core.Model;

namespace Comity.Evaluation.Audit;

/// <summary>Scores the labelled pairs of one split (query <c>name1</c>, listed <c>name2</c>, as <c>comity calibrate</c>) and prints the errors at the threshold: missed positives and matched negatives, with the
/// alignment, for tuning on dev.</summary>
internal static class PairAudit
{
    public static string Run(ScreeningCorpus corpus, IReadOnlyList<LabelledPair> pairs, double threshold)
    {
        var scorer = new Comity.Application.Compare.PairScorer(corpus);
        var scored = new (LabelledPair Pair, ScoredEntity? Hit)[pairs.Count];
        Parallel.For(0, pairs.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            var p = pairs[i];
            var schema = p.Schema is not null && Schemata.TryParse(p.Schema, out var sc) ? sc : Schema.LegalEntity;
            scored[i] = (p, scorer.Score(p.Name1, p.Name2, schema));
        });

        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        foreach (var (pair, hit) in scored.Where(s => s.Hit is not null && (s.Pair.IsMatch != (s.Hit.Score >= threshold)))
            .OrderBy(s => s.Pair.Kind, StringComparer.Ordinal).ThenByDescending(s => s.Hit!.Score))
        {
            var name = hit!.Explanation.Features.FirstOrDefault(f => f.Feature.StartsWith("name", StringComparison.Ordinal));
            sb.Append(inv, $"{(pair.IsMatch ? "MISS" : "FP  ")} {pair.Kind,-18} {hit.Score:0.000} '{pair.Name1}' ~ '{pair.Name2}' | {name?.Detail}\n");
        }

        return sb.ToString();
    }
}
