using System.Diagnostics;
using System.Globalization;
using Comity.Application.Tests.Accuracy;
using Comity.Application.Tests.Measures;
using Comity.Core.Matching;

namespace Comity.Benchmarks;

/// <summary>The full runs behind the sampled accuracy tests of <c>tests/Comity.Application.Tests</c>, with the same code
/// and the same floors, printing every figure (exit 1 when a floor fails):
/// <c>dotnet run --project bench/Comity.Benchmarks -c Release -- recall [--queries 2100]</c>,
/// <c>... -- calibration [--population-fraction 1]</c>, <c>... -- accuracy [--population-fraction 1]</c>, and
/// <c>... -- checks</c> for all three.</summary>
internal static class FullChecks
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static int Run(string command, string[] args)
    {
        var sw = Stopwatch.StartNew();
        var corpus = EvalData.LoadCorpus();
        Console.WriteLine(string.Create(Inv, $"corpus: {corpus.Entities.Length:N0} entities (OFAC SDN, OFAC consolidated, UN), loaded and indexed in {sw.Elapsed.TotalSeconds:0.0} s"));
        var failed = 0;
        if (command is "recall" or "checks")
        {
            failed += Recall(corpus.Index, corpus.Entities, Arg(args, "--queries", IndexRecall.FullQueries));
        }

        if (command is "calibration" or "checks")
        {
            // data/eval is generated from the default corpus and labels its entities: score it against that corpus.
            failed += Calibration(EvalData.DefaultCorpus.Index, EvalData.DefaultCorpus.Entities, Arg(args, "--population-fraction", 1.0));
        }

        if (command is "accuracy" or "checks")
        {
            failed += Accuracy(EvalData.DefaultCorpus, Arg(args, "--population-fraction", 1.0));
        }

        Console.WriteLine(string.Create(Inv, $"{(failed == 0 ? "all floors hold" : $"{failed} check(s) FAILED")} ({sw.Elapsed.TotalSeconds:0.0} s)"));
        return failed == 0 ? 0 : 1;
    }

    private static int Recall(MatchIndex index, IReadOnlyList<Comity.Core.Model.Entity> entities, int count)
    {
        var sw = Stopwatch.StartNew();
        var result = IndexRecall.Measure(index, IndexRecall.Queries(entities, count));
        Console.WriteLine($"recall: {result.Summary} ({sw.Elapsed.TotalSeconds:0.0} s)");
        foreach (var miss in result.Misses)
        {
            Console.WriteLine("  missed: " + miss);
        }

        return Verdict("recall", result.Recall >= IndexRecall.Floor, string.Create(Inv, $"recall >= {IndexRecall.Floor}"));
    }

    private static int Calibration(MatchIndex index, IReadOnlyList<Comity.Core.Model.Entity> entities, double fraction)
    {
        var sw = Stopwatch.StartNew();
        var pairs = ThresholdCalibration.ScorePairs(index, entities, EvalData.PairsCsv);
        var pairsTime = sw.Elapsed;
        var dev = ThresholdCalibration.ScorePopulation(index, EvalData.PopulationCsv, "dev", fraction);
        var test = ThresholdCalibration.ScorePopulation(index, EvalData.PopulationCsv, "test", fraction);
        Console.WriteLine(string.Create(Inv, $"calibration: {pairs.Length:N0} pairs scored in {pairsTime.TotalSeconds:0.0} s; population dev {dev.Length:N0} (persons {ThresholdCalibration.Count(dev, "person")}, companies {ThresholdCalibration.Count(dev, "company")}), test {test.Length:N0}, screened in {(sw.Elapsed - pairsTime).TotalSeconds:0.0} s"));
        var best = ThresholdCalibration.Calibrate(pairs, dev, line => Console.WriteLine("  " + line));
        var t = MatcherOptions.DefaultThreshold;
        var held = ThresholdCalibration.F1(pairs.Where(p => p.Split == "test"), t);
        Console.WriteLine(string.Create(Inv,
            $"calibrated {best:0.00} (default {t:0.00}); held-out test at {t:0.00}: F1={held.F1:0.0000} P={held.Precision:0.0000} R={held.Recall:0.0000}, false alerts persons={ThresholdCalibration.AlertRate(test, "person", t):P2} companies={ThresholdCalibration.AlertRate(test, "company", t):P2}"));
        return Verdict("calibration", Math.Abs(best - t) < 1e-6 && held.F1 >= 0.87 && held.Precision >= 0.95, "calibrated == default, held-out F1 >= 0.87, precision >= 0.95");
    }

    private static int Accuracy(Comity.Application.Corpus.ScreeningCorpus corpus, double fraction)
    {
        var sw = Stopwatch.StartNew();
        var pairs = HeldOutAccuracy.Pairs();
        var population = HeldOutAccuracy.Population(fraction);
        var r = HeldOutAccuracy.Measure(corpus, pairs, population);
        Console.WriteLine(string.Create(Inv, $"held-out accuracy ({pairs.Count:N0} pairs, {population.Count:N0} population, {sw.Elapsed.TotalSeconds:0.0} s): {HeldOutAccuracy.Summary(r)}"));
        var ok = r.VariantRecall >= AccuracyFloors.VariantRecall && r.Pairs.Precision >= AccuracyFloors.Precision
            && r.HardNegativeMatchRate <= AccuracyFloors.HardNegativeMatchRate && r.PopulationFalseAlertRate <= AccuracyFloors.PopulationFalseAlertRate
            && r.ShortQueryMeanMatches <= AccuracyFloors.ShortQueryMeanMatches
            && AccuracyFloors.RecallByKind.All(k => r.RecallByKind[k.Kind] >= k.Floor);
        return Verdict("accuracy", ok, "the floors of AccuracyFloors");
    }

    private static int Verdict(string name, bool ok, string what)
    {
        Console.WriteLine($"{name}: {(ok ? "ok" : "FAILED")} ({what})");
        return ok ? 0 : 1;
    }

    private static T Arg<T>(string[] args, string name, T fallback)
        where T : IParsable<T>
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? T.Parse(args[i + 1], Inv) : fallback;
    }
}
