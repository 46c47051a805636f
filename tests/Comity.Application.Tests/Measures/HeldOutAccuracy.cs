using System.Globalization;
using Comity.Application.Corpus;
using Comity.Application.Evaluation;
using Comity.Core.Matching;

namespace Comity.Application.Tests.Measures;

/// <summary>Accuracy on the held-out <c>test</c> split of <c>data/eval</c> (never used for tuning) at the documented
/// default threshold: every test pair is scored, the test population is screened (all of it, or a fixed-seed sample).
/// Shared by the test (<c>HeldOutAccuracyTests</c>) and the full benchmark
/// (<c>dotnet run --project bench/Comity.Benchmarks -c Release -- accuracy</c>).</summary>
internal static class HeldOutAccuracy
{
    /// <summary>The fixed seed of the population sample.</summary>
    public const int Seed = 20261201;

    /// <summary>The kinds of pairs the older floors were set on (before the issue-9 classes were generated): their
    /// figures stay comparable across regenerations.</summary>
    public static readonly HashSet<string> LegacyKinds = new(StringComparer.Ordinal)
    {
        "alias", "former", "translit_cyrillic", "translit_arabic", "romanisation", "reorder", "middle_missing", "middle_extra",
        "initials", "typo1", "typo2", "legal_form", "punctuation", "glued", "similar_other", "one_name_differs",
    };

    public static List<LabelledPair> Pairs() =>
        [.. PairsCsv.Read(EvalData.PairsCsv).Rows.Where(p => p.Split == "test")];

    /// <summary>The test population; with <paramref name="fraction"/> below 1 each person and company row is kept with
    /// that probability, drawn in file order from <see cref="Seed"/> (the few short-name queries are always kept).</summary>
    public static List<PopulationEntry> Population(double fraction = 1)
    {
        var random = new Random(Seed);
        return [.. PopulationCsv.Read(EvalData.PopulationCsv).Rows
            .Where(p => p.Split == "test")
            .Where(p => fraction >= 1 || p.Kind == "short" || random.NextDouble() < fraction)];
    }

    public static AccuracyReport Measure(ScreeningCorpus corpus, IReadOnlyList<LabelledPair> pairs, IReadOnlyList<PopulationEntry> population)
    {
        var scored = AccuracyEvaluation.Score(corpus, pairs);
        var screened = AccuracyEvaluation.Screen(corpus, population, 0.3);
        return AccuracyEvaluation.Report(MatcherOptions.DefaultThreshold, scored, screened);
    }

    public static string Summary(AccuracyReport r) => string.Create(CultureInfo.InvariantCulture,
        $"variant recall {r.VariantRecall:0.0000}, alias recall {r.AliasRecall:0.0000}, precision {r.Pairs.Precision:0.0000}, " +
        $"hard negatives matched {r.HardNegativeMatchRate:0.0000}, population false alerts {r.PopulationFalseAlertRate:0.0000} of {r.PopulationSize}, " +
        $"short-name matches {r.ShortQueryMeanMatches:0.00} (max {r.ShortQueryMaxMatches}); by kind: ") +
        string.Join("; ", r.RecallByKind.Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key} {kv.Value:0.000}")));
}
