using System.Collections.Immutable;
using Comity.Application.Compare;
using Comity.Application.Corpus;
using Comity.Application.Screening;
using Comity.Core.Model;

namespace Comity.Application.Evaluation;

/// <summary>Accuracy at one threshold, the figures the README reports and the accuracy tests hold floors on.</summary>
/// <param name="VariantRecall">Recall on generated variants of listed names (transliteration, reordering, typos...).</param>
/// <param name="AliasRecall">Recall on pairs of the lists' own aliases (includes unrelated-looking names no name
/// matcher can reach: acronyms, renamed companies).</param>
/// <param name="HardNegativeMatchRate">Share of similar-but-different listed names scored as a match.</param>
/// <param name="PopulationFalseAlertRate">Share of the non-listed population with at least one match.</param>
/// <param name="ShortQueryMeanMatches">Mean number of matches per short-name or initials query.</param>
internal sealed record AccuracyReport(
    double Threshold,
    ThresholdMetrics Pairs,
    double VariantRecall,
    double AliasRecall,
    double HardNegativeMatchRate,
    double PopulationFalseAlertRate,
    int PopulationSize,
    double ShortQueryMeanMatches,
    int ShortQueryMaxMatches,
    ImmutableSortedDictionary<string, double> RecallByKind);

/// <summary>Scores labelled pairs and screens a population against a corpus.</summary>
internal static class AccuracyEvaluation
{
    /// <summary>Kinds of pairs taken from the lists' own aliases rather than generated.</summary>
    public static readonly ImmutableHashSet<string> ListAliasKinds = ["alias", "former"];

    /// <summary>Scores every pair (query = name1, listed = name2) with the corpus's matcher, in parallel.</summary>
    public static ImmutableArray<(LabelledPair Pair, double Score)> Score(ScreeningCorpus corpus, IReadOnlyList<LabelledPair> pairs)
    {
        var scorer = new PairScorer(corpus);
        var scores = new double[pairs.Count];
        Parallel.For(0, pairs.Count, i =>
        {
            var p = pairs[i];
            var schema = p.Schema is not null && Schemata.TryParse(p.Schema, out var s) ? s : Schema.LegalEntity;
            scores[i] = scorer.Score(p.Name1, p.Name2, schema).Score;
        });
        return [.. pairs.Select((p, i) => (p, scores[i]))];
    }

    /// <summary>For each population entry, the number of corpus hits at or above <paramref name="minScore"/>, with the
    /// best score (0 when none).</summary>
    public static ImmutableArray<(PopulationEntry Entry, double Best, ImmutableArray<double> Scores)> Screen(ScreeningCorpus corpus, IReadOnlyList<PopulationEntry> population, double minScore)
    {
        var screener = new Screener(corpus, new ScreeningOptions { MinScore = minScore, Limit = 50 });
        var results = new (PopulationEntry, double, ImmutableArray<double>)[population.Count];
        Parallel.For(0, population.Count, i =>
        {
            var hits = screener.Screen(population[i].ToQuery()).Hits;
            results[i] = (population[i], hits.Count == 0 ? 0 : hits.Max(h => h.Score), [.. hits.Select(h => h.Score)]);
        });
        return [.. results];
    }

    /// <summary>The report at <paramref name="threshold"/>, from already scored pairs and screened population.</summary>
    public static AccuracyReport Report(
        double threshold,
        IReadOnlyList<(LabelledPair Pair, double Score)> pairs,
        IReadOnlyList<(PopulationEntry Entry, double Best, ImmutableArray<double> Scores)> population)
    {
        var metrics = Calibration.At([.. pairs.Select(p => new ScoredPair(p.Score, p.Pair.IsMatch))], threshold);
        var positives = pairs.Where(p => p.Pair.IsMatch).ToList();
        var variants = positives.Where(p => !ListAliasKinds.Contains(p.Pair.Kind ?? string.Empty)).ToList();
        var aliases = positives.Where(p => ListAliasKinds.Contains(p.Pair.Kind ?? string.Empty)).ToList();
        var negatives = pairs.Where(p => !p.Pair.IsMatch).ToList();
        var byKind = positives.GroupBy(p => p.Pair.Kind ?? "-", StringComparer.Ordinal)
            .ToImmutableSortedDictionary(g => g.Key, g => Rate(g.ToList(), threshold), StringComparer.Ordinal);
        var people = population.Where(p => p.Entry.Kind != "short").ToList();
        var shorts = population.Where(p => p.Entry.Kind == "short").ToList();
        var shortMatches = shorts.Select(s => s.Scores.Count(x => x >= threshold)).ToList();
        return new AccuracyReport(
            threshold,
            metrics,
            Rate(variants, threshold),
            Rate(aliases, threshold),
            Rate(negatives, threshold),
            people.Count == 0 ? 0 : (double)people.Count(p => p.Best >= threshold) / people.Count,
            people.Count,
            shortMatches.Count == 0 ? 0 : shortMatches.Average(),
            shortMatches.Count == 0 ? 0 : shortMatches.Max(),
            byKind);
    }

    private static double Rate(List<(LabelledPair Pair, double Score)> pairs, double threshold) =>
        pairs.Count == 0 ? 0 : (double)pairs.Count(p => p.Score >= threshold) / pairs.Count;
}
