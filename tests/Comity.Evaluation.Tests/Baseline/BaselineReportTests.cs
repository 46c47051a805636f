using Comity.Application.Evaluation;
using Comity.Evaluation.Baseline;

namespace Comity.Evaluation.Tests.Baseline;

public class BaselineReportTests
{
    [Fact]
    public void Baseline_score_ignores_order_case_and_punctuation()
    {
        Assert.Equal(1.0, BaselineReport.Score("MADURO MOROS, Nicolas", "Nicolas Maduro-Moros"));
        Assert.Equal(0.0, BaselineReport.Score("abc", "xyz"));
    }

    [Fact]
    public void Report_names_the_best_threshold_and_every_kind()
    {
        LabelledPair[] pairs =
        [
            new("Nicolas Maduro Moros", "MADURO MOROS, Nicolas", "Person", true, "reorder", "dev"),
            new("ACME Ltd", "Zenith Oil", "Company", false, "similar_other", "dev"),
        ];
        var text = BaselineReport.Render(pairs, "two pairs");
        Assert.Contains("1 positives, 1 negatives", text, StringComparison.Ordinal);

        // The match scores 1, the non-match 0: every threshold in (0, 1] separates them; the lowest is 0.01.
        Assert.Contains("best F1 1.000 at threshold 0.01", text, StringComparison.Ordinal);
        Assert.Contains("reorder", text, StringComparison.Ordinal);
        Assert.Contains("similar_other", text, StringComparison.Ordinal);
    }
}
