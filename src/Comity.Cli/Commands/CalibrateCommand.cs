using System.CommandLine;
using System.Globalization;
using System.Text;
using Comity.Application.Evaluation;

namespace Comity.Cli.Commands;

/// <summary><c>comity calibrate</c>: precision, recall and F1 per threshold on labelled pairs, and the best threshold.</summary>
internal static class CalibrateCommand
{
    public static Command Create(CliContext context)
    {
        var pairs = new Option<string>("--pairs") { Description = "CSV with name1,name2,schema,is_match (optional kind, split).", Required = true };
        var split = new Option<string?>("--split") { Description = "Use only rows of this split (dev or test)." };
        var population = new Option<string?>("--population") { Description = "Also screen this non-listed population CSV and report its false-alert rate per threshold." };
        var step = new Option<double>("--step") { Description = "Print every this many threshold points.", DefaultValueFactory = _ => 0.05 };
        var threshold = new Option<double?>("--threshold") { Description = "Threshold for the accuracy summary (default: the calibrated one)." };
        var lists = CorpusOptions.List();
        var cmd = new Command("calibrate", "Precision, recall and F1 per threshold on labelled pairs; the best threshold; a reliability table; accuracy by variant kind.") { pairs, split, population, step, threshold, lists };
        cmd.SetAction(r =>
        {
            var wanted = r.GetValue(split);
            var pairsPath = r.GetValue(pairs)!;
            if (!File.Exists(pairsPath))
            {
                throw new UsageException($"--pairs {pairsPath}: no such file");
            }

            if (r.GetValue(population) is { } pop && !File.Exists(pop))
            {
                throw new UsageException($"--population {pop}: no such file");
            }

            if (r.GetValue(step) is var st && st is not (> 0 and <= 1))
            {
                throw new UsageException($"--step {st}: must be in (0, 1]");
            }

            if (r.GetValue(threshold) is { } th)
            {
                UnitInterval.Check("--threshold", th);
            }

            var listPaths = CorpusOptions.Paths(r, lists);
            var read = PairsCsv.Read(pairsPath);
            foreach (var d in read.Diagnostics)
            {
                context.Error.WriteLine($"comity: {d}");
            }

            var rows = read.Rows.Where(p => wanted is null || p.Split == wanted).ToList();
            if (rows.Count == 0)
            {
                throw new UsageException($"--pairs {pairsPath}: no labelled rows{(wanted is null ? string.Empty : " in split " + wanted)}");
            }

            var corpus = CorpusOptions.Load(context, listPaths);
            var scored = AccuracyEvaluation.Score(corpus, rows);
            var report = Calibration.Report([.. scored.Select(s => new ScoredPair(s.Score, s.Pair.IsMatch))]);
            var screened = r.GetValue(population) is { } popPath
                ? AccuracyEvaluation.Screen(corpus, [.. PopulationCsv.Read(popPath).Rows.Where(p => wanted is null || p.Split == wanted)], 0.3)
                : [];
            context.Out.Write(Render(report, screened, r.GetValue(step)));
            context.Out.Write(RenderAccuracy(AccuracyEvaluation.Report(r.GetValue(threshold) ?? Core.Matching.MatcherOptions.DefaultThreshold, scored, screened), screened.Length > 0));
            return 0;
        });
        return cmd;
    }

    private static string RenderAccuracy(AccuracyReport a, bool withPopulation)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(inv, $"\nat threshold {a.Threshold:0.00}: precision {a.Pairs.Precision:0.0000}, recall {a.Pairs.Recall:0.0000}, F1 {a.Pairs.F1:0.0000}\n");
        sb.Append(inv, $"  recall on generated variants {a.VariantRecall:0.0000}; on the lists' own aliases {a.AliasRecall:0.0000}; hard negatives matched {a.HardNegativeMatchRate:0.0000}\n");
        if (withPopulation)
        {
            sb.Append(inv, $"  population ({a.PopulationSize:N0} non-listed people and companies): false-alert rate {a.PopulationFalseAlertRate:0.0000}; short names and initials: {a.ShortQueryMeanMatches:0.00} matches per query on average, at most {a.ShortQueryMaxMatches}\n");
        }

        sb.Append("  recall by kind:");
        foreach (var (kind, recall) in a.RecallByKind)
        {
            sb.Append(inv, $" {kind} {recall:0.000};");
        }

        sb.Append('\n');
        return sb.ToString();
    }

    private static string Render(CalibrationReport report, IReadOnlyList<(PopulationEntry Entry, double Best, System.Collections.Immutable.ImmutableArray<double> Scores)> population, double step)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(inv, $"{report.Positives:N0} positive and {report.Negatives:N0} negative pairs\n\n");
        sb.Append(population.Count > 0 ? "threshold  precision  recall  f1      false-alert rate (population)\n" : "threshold  precision  recall  f1\n");
        var every = Math.Max(1, (int)Math.Round(step * Calibration.Steps));
        var people = population.Where(p => p.Entry.Kind != "short").ToList();
        for (var i = 0; i < report.Thresholds.Length; i += every)
        {
            var t = report.Thresholds[i];
            sb.Append(inv, $"{t.Threshold,9:0.00}  {t.Precision,9:0.0000}  {t.Recall,6:0.0000}  {t.F1,6:0.0000}");
            if (people.Count > 0)
            {
                sb.Append(inv, $"  {(double)people.Count(p => p.Best >= t.Threshold) / people.Count,8:0.0000}");
            }

            sb.Append('\n');
        }

        var b = report.Best;
        sb.Append(inv, $"\nbest threshold (F1): {b.Threshold:0.00} — precision {b.Precision:0.0000}, recall {b.Recall:0.0000}, F1 {b.F1:0.0000}\n");
        sb.Append(inv, $"\nreliability (score bin → observed match rate), expected calibration error {report.ExpectedCalibrationError:0.0000}\n");
        foreach (var bin in report.Reliability.Where(x => x.Count > 0))
        {
            sb.Append(inv, $"  [{bin.Lower:0.0}, {bin.Upper:0.0})  n={bin.Count,6:N0}  mean score {bin.MeanScore:0.000}  observed {bin.ObservedMatchRate:0.000}\n");
        }

        return sb.ToString();
    }
}
