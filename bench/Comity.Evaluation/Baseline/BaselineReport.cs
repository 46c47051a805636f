using System.Globalization;
using System.Text;
using Comity.Application.Evaluation;
using Comity.Evaluation.Text;

namespace Comity.Evaluation.Baseline;

/// <summary>A naive reference matcher — character-trigram Dice of the sorted normalised tokens of both names — run
/// through the calibration metrics, so that the real matcher has a floor to beat on the same pairs.</summary>
internal static class BaselineReport
{
    public static double Score(string name1, string name2) => Similarity.TrigramDice(NameKey.Sorted(name1), NameKey.Sorted(name2));

    public static string Render(IReadOnlyList<LabelledPair> pairs, string label)
    {
        var scored = pairs.Select(p => new ScoredPair(Score(p.Name1, p.Name2), p.IsMatch)).ToList();
        var report = Calibration.Report(scored);
        var best = report.Best;
        var sb = new StringBuilder();
        Line(sb, $"baseline (trigram Dice of sorted normalised tokens) on {label}: {report.Positives} positives, {report.Negatives} negatives");
        Line(sb, $"best F1 {best.F1:F3} at threshold {best.Threshold:F2}: precision {best.Precision:F3}, recall {best.Recall:F3}, false-alert rate {best.FalseAlertRate:F3}");
        Line(sb, $"expected calibration error {report.ExpectedCalibrationError:F3}");
        sb.AppendLine();
        sb.AppendLine("threshold  precision  recall  F1     false-alert");
        foreach (var m in report.Thresholds.Where((_, i) => i % 10 == 0))
        {
            Line(sb, $"{m.Threshold,9:F2}  {m.Precision,9:F3}  {m.Recall,6:F3}  {m.F1:F3}  {m.FalseAlertRate,11:F3}");
        }

        sb.AppendLine();
        sb.AppendLine("score bin   pairs  matches  mean score  match rate");
        foreach (var b in report.Reliability)
        {
            Line(sb, $"{b.Lower:F1}-{b.Upper:F1}  {b.Count,7}  {b.Matches,7}  {b.MeanScore,10:F3}  {b.ObservedMatchRate,10:F3}");
        }

        sb.AppendLine();
        Line(sb, $"by kind at threshold {best.Threshold:F2} (recall for matches, false-alert rate for non-matches):");
        foreach (var group in pairs.Zip(scored).GroupBy(x => (x.First.Kind ?? "-", x.First.IsMatch)).OrderBy(g => g.Key.IsMatch).ThenBy(g => g.Key.Item1, StringComparer.Ordinal))
        {
            var alerts = group.Count(x => x.Second.Score >= best.Threshold);
            Line(sb, $"  {group.Key.Item1,-18} {(group.Key.IsMatch ? "recall" : "false-alert"),-11} {(double)alerts / group.Count(),6:F3}  ({alerts}/{group.Count()})");
        }

        return sb.ToString();
    }

    private static void Line(StringBuilder sb, FormattableString text) => sb.AppendLine(text.ToString(CultureInfo.InvariantCulture));
}
