using System.Globalization;
using Comity.Core.Matching;
using Comity.Core.Model;
using nietras.SeparatedValues;

namespace Comity.Application.Tests.Matching;

/// <summary>How <see cref="MatcherOptions.DefaultThreshold"/> is chosen, reproduced as a test: on the
/// <c>dev</c> split of <c>data/eval</c> only, the threshold (0.50–0.90, step 0.01) with the best F1 on labelled
/// name pairs among those whose false-alert rate on the generated non-listed population stays at or below 1 % for
/// persons and for companies. The <c>test</c> split is only reported and guarded against regression.</summary>
public class CalibrationTests(ITestOutputHelper output)
{
    private const double MaxFalseAlertRate = 0.01;

    [Fact]
    public void Default_threshold_is_the_calibrated_one_and_held_out_quality_holds()
    {
        var index = BundledCorpus.Index;
        var byId = BundledCorpus.Entities.GroupBy(e => e.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var pairs = ScorePairs(index, byId);
        var population = ScorePopulation(index, "dev");
        var grid = Enumerable.Range(50, 41).Select(i => i / 100.0).ToArray();
        var best = double.NaN;
        var bestF1 = -1.0;
        foreach (var t in grid)
        {
            var f1 = F1(pairs.Where(p => p.Split == "dev"), t);
            var persons = AlertRate(population, "person", t);
            var companies = AlertRate(population, "company", t);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"t={t:0.00} dev F1={f1.F1:0.0000} P={f1.Precision:0.0000} R={f1.Recall:0.0000} false alerts persons={persons:P2} companies={companies:P2}"));
            if (persons <= MaxFalseAlertRate && companies <= MaxFalseAlertRate && f1.F1 > bestF1 + 1e-12)
            {
                best = t;
                bestF1 = f1.F1;
            }
        }

        var held = F1(pairs.Where(p => p.Split == "test"), MatcherOptions.DefaultThreshold);
        var heldPopulation = ScorePopulation(index, "test");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"calibrated {best:0.00}; held-out test at {MatcherOptions.DefaultThreshold:0.00}: F1={held.F1:0.0000} P={held.Precision:0.0000} R={held.Recall:0.0000}, false alerts persons={AlertRate(heldPopulation, "person", MatcherOptions.DefaultThreshold):P2} companies={AlertRate(heldPopulation, "company", MatcherOptions.DefaultThreshold):P2}"));
        Assert.Equal(MatcherOptions.DefaultThreshold, best, 6);
        Assert.True(held.F1 >= 0.87, $"held-out F1 {held.F1:0.0000}");
        Assert.True(held.Precision >= 0.95, $"held-out precision {held.Precision:0.0000}");
    }

    private static List<(string Split, bool Match, double Score)> ScorePairs(MatchIndex index, Dictionary<string, Entity> byId)
    {
        var rows = new List<(string, bool, double)>();
        using var reader = Sep.Reader().FromFile(BundledCorpus.Data("eval/pairs.csv"));
        foreach (var row in reader)
        {
            Assert.True(Schemata.TryParse(row["schema"].Span, out var schema));
            var listed = byId[row["entity2"].ToString()] with
            {
                Names = [new EntityName(row["name2"].ToString())],
                BirthDates = [],
                Identifiers = [],
                Nationalities = [],
                Citizenships = [],
                Addresses = [],
                BirthPlaces = [],
            };
            var score = index.Score(new Query { Names = [row["name1"].ToString()], Schema = schema }, listed).Score;
            rows.Add((row["split"].ToString(), row["is_match"].ToString() == "1", score));
        }

        return rows;
    }

    private static List<(string Kind, double Top)> ScorePopulation(MatchIndex index, string split)
    {
        var rows = new List<(string, double)>();
        using var reader = Sep.Reader().FromFile(BundledCorpus.Data("eval/population.csv"));
        foreach (var row in reader)
        {
            if (row["split"].ToString() != split)
            {
                continue;
            }

            Assert.True(Schemata.TryParse(row["schema"].Span, out var schema));
            var query = new Query { Names = [row["name"].ToString()], Schema = schema };
            if (PartialDate.TryParseIso(row["dob"].Span, out var dob))
            {
                query = query with { BirthDates = [new FuzzyDate(dob)] };
            }

            var nationality = row["nationality"].ToString();
            if (nationality.Length > 0)
            {
                query = query with { Countries = [nationality] };
            }

            var hits = index.Match(query, limit: 1, minScore: 0.5);
            rows.Add((row["kind"].ToString(), hits.Count > 0 ? hits[0].Score : 0));
        }

        return rows;
    }

    private static double AlertRate(List<(string Kind, double Top)> population, string kind, double threshold)
    {
        var rows = population.Where(p => p.Kind == kind).ToArray();
        return rows.Count(p => p.Top >= threshold) / (double)rows.Length;
    }

    private static (double F1, double Precision, double Recall) F1(IEnumerable<(string Split, bool Match, double Score)> pairs, double threshold)
    {
        int tp = 0, fp = 0, fn = 0;
        foreach (var (_, match, score) in pairs)
        {
            var hit = score >= threshold;
            tp += match && hit ? 1 : 0;
            fp += !match && hit ? 1 : 0;
            fn += match && !hit ? 1 : 0;
        }

        var precision = tp / (double)Math.Max(1, tp + fp);
        var recall = tp / (double)Math.Max(1, tp + fn);
        return (precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall), precision, recall);
    }
}
