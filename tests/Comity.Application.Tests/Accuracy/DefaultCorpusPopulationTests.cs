using Comity.Application.Evaluation;
using Comity.Application.Tests.Evaluation;
using Comity.Core.Matching;

namespace Comity.Application.Tests.Accuracy;

/// <summary>False alerts of the generated non-listed population (<c>data/eval/population.csv</c>, held-out
/// <c>test</c> split) against the whole default corpus, persons and companies apart: a ceiling so that the issue-9
/// recall fixes (birth-date slips, identifiers, syllables) cannot be bought with more false alerts.</summary>
/// <remarks>The target is ≤ 0.5 %; this is a regression ceiling, not the target. Measured 2026-12-02 on the
/// rebuilt population (40 locales, native scripts) at the default threshold 0.65: persons 0.92 % (44 of 4,789),
/// companies 1.24 % (14 of 1,125); on the old population and matcher (2026-12-01): persons 3.69 %, companies 1.81 %.
/// 2026-12-07, population regenerated with titles, nicknames, acronym companies, Khmer and katakana locales (43 locales):
/// before the issue-9 class fixes persons 0.71 % (34 of 4,789), companies 0.90 % (10 of 1,105); after persons 0.84 %
/// (40), companies 0.63 % (7). Ceilings tightened to 0.90 % and 0.70 %.</remarks>
[Collection(nameof(BundledCorpusCollection))]
public sealed class DefaultCorpusPopulationTests(BundledCorpusFixture fixture)
{
    private const double PersonCeiling = 0.0090;
    private const double CompanyCeiling = 0.0070;

    [Fact]
    public void Population_false_alerts_on_the_default_corpus_do_not_grow()
    {
        var population = PopulationCsv.Read(RepoFiles.Path("data/eval/population.csv")).Rows.Where(p => p.Split == "test").ToList();
        var screened = AccuracyEvaluation.Screen(fixture.Corpus, population, MatcherOptions.DefaultThreshold);
        double Rate(string kind)
        {
            var rows = screened.Where(s => s.Entry.Kind == kind).ToList();
            Assert.True(rows.Count > 500, $"{rows.Count} {kind} rows");
            return (double)rows.Count(r => r.Best >= MatcherOptions.DefaultThreshold) / rows.Count;
        }

        var persons = Rate("person");
        var companies = Rate("company");
        var summary = $"false alerts: persons {persons:0.0000}, companies {companies:0.0000}";
        Assert.True(persons <= PersonCeiling, summary);
        Assert.True(companies <= CompanyCeiling, summary);
    }
}
