using System.Globalization;
using Comity.Core.Matching;
using Comity.Core.Model;
using nietras.SeparatedValues;

namespace Comity.Application.Tests.Measures;

/// <summary>How <see cref="MatcherOptions.DefaultThreshold"/> is chosen: on the <c>dev</c> split of <c>data/eval</c>
/// only, the threshold (0.50–0.90, step 0.01) with the best F1 on labelled name pairs among those whose false-alert
/// rate on the generated non-listed population stays at or below 1 % for persons and for companies; F1 within
/// <see cref="F1Tolerance"/> of the best counts as a tie, and the lowest tied threshold wins. Shared by the
/// test (<c>Matching.CalibrationTests</c>, population sampled) and the full benchmark
/// (<c>dotnet run --project bench/Comity.Benchmarks -c Release -- calibration</c>).</summary>
internal static class ThresholdCalibration
{
    public const double MaxFalseAlertRate = 0.01;

    /// <summary>The fixed seed of the population sample.</summary>
    public const int Seed = 20261201;

    public static readonly double[] Grid = [.. Enumerable.Range(50, 41).Select(i => i / 100.0)];

    /// <summary>Every labelled pair scored by the index's scorer: the query is <c>name1</c>, the listed side is
    /// <c>entity2</c> reduced to the name <c>name2</c> (no dates, identifiers or countries). Two threads.</summary>
    public static (string Split, bool Match, double Score)[] ScorePairs(MatchIndex index, IReadOnlyList<Entity> entities, string pairsCsv) =>
        [.. ScorePairsWithKind(index, entities, pairsCsv).Select(p => (p.Split, p.Match, p.Score))];

    /// <summary>As <see cref="ScorePairs"/>, with each pair's kind (<c>typo1</c>, <c>similar_other</c>...).</summary>
    public static (string Split, bool Match, double Score, string Kind)[] ScorePairsWithKind(MatchIndex index, IReadOnlyList<Entity> entities, string pairsCsv)
    {
        var byId = entities.GroupBy(e => e.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var rows = new List<(string Split, bool Match, Schema Schema, string Name1, string Name2, Entity Listed, string Kind)>();
        using (var reader = Sep.Reader().FromFile(pairsCsv))
        {
            foreach (var row in reader)
            {
                rows.Add((row["split"].ToString(), row["is_match"].ToString() == "1", ParseSchema(row["schema"].ToString(), pairsCsv, row.LineNumberFrom),
                    row["name1"].ToString(), row["name2"].ToString(), byId[row["entity2"].ToString()], row["kind"].ToString()));
            }
        }

        var scored = new (string, bool, double, string)[rows.Count];
        Parallel.For(0, rows.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            var (split, match, schema, name1, name2, entity, kind) = rows[i];
            var listed = entity with
            {
                Names = [new EntityName(name2)],
                BirthDates = [],
                Identifiers = [],
                Nationalities = [],
                Citizenships = [],
                Addresses = [],
                BirthPlaces = [],
            };
            scored[i] = (split, match, index.Score(new Query { Names = [name1], Schema = schema }, listed).Score, kind);
        });
        return scored;
    }

    /// <summary>For each population entry of <paramref name="split"/> (name, schema, date of birth, nationality), its kind
    /// and the best index score at or above 0.5 (0 when none). With <paramref name="fraction"/> below 1 only a fixed-seed
    /// sample of the rows is screened: each row is kept with that probability, drawn in file order from
    /// <see cref="Seed"/>. Two threads.</summary>
    public static (string Kind, double Top)[] ScorePopulation(MatchIndex index, string populationCsv, string split, double fraction = 1)
    {
        var random = new Random(Seed);
        var queries = new List<(string Kind, Query Query)>();
        using (var reader = Sep.Reader().FromFile(populationCsv))
        {
            foreach (var row in reader)
            {
                if (row["split"].ToString() != split || (fraction < 1 && random.NextDouble() >= fraction))
                {
                    continue;
                }

                var query = new Query { Names = [row["name"].ToString()], Schema = ParseSchema(row["schema"].ToString(), populationCsv, row.LineNumberFrom) };
                if (PartialDate.TryParseIso(row["dob"].Span, out var dob))
                {
                    query = query with { BirthDates = [new FuzzyDate(dob)] };
                }

                var nationality = row["nationality"].ToString();
                if (nationality.Length > 0)
                {
                    query = query with { Countries = [nationality] };
                }

                queries.Add((row["kind"].ToString(), query));
            }
        }

        var top = new (string, double)[queries.Count];
        Parallel.For(0, queries.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            var hits = index.Match(queries[i].Query, limit: 1, minScore: 0.5);
            top[i] = (queries[i].Kind, hits.Count > 0 ? hits[0].Score : 0);
        });
        return top;
    }

    /// <summary>The calibrated threshold: best dev F1 among grid thresholds whose dev false-alert rates (persons,
    /// companies) are at most <see cref="MaxFalseAlertRate"/>; NaN when none qualifies. <paramref name="log"/> gets one
    /// line per threshold.</summary>
    public static double Calibrate(IReadOnlyList<(string Split, bool Match, double Score)> pairs, IReadOnlyList<(string Kind, double Top)> devPopulation, Action<string> log)
    {
        var qualifying = new List<(double Threshold, double F1)>();
        foreach (var t in Grid)
        {
            var f1 = F1(pairs.Where(p => p.Split == "dev"), t);
            var persons = AlertRate(devPopulation, "person", t);
            var companies = AlertRate(devPopulation, "company", t);
            log(string.Create(CultureInfo.InvariantCulture, $"t={t:0.00} dev F1={f1.F1:0.0000} P={f1.Precision:0.0000} R={f1.Recall:0.0000} false alerts persons={persons:P2} companies={companies:P2}"));
            if (persons <= MaxFalseAlertRate && companies <= MaxFalseAlertRate)
            {
                qualifying.Add((t, f1.F1));
            }
        }

        if (qualifying.Count == 0)
        {
            return double.NaN;
        }

        // The F1 curve is flat near its top: differences under F1Tolerance are a handful of pairs, not a signal. Among
        // those, the lowest threshold wins (more recall for the same F1: a miss is the legal risk).
        var best = qualifying.Max(q => q.F1);
        return qualifying.First(q => q.F1 >= best - F1Tolerance).Threshold;
    }

    /// <summary>Dev F1 differences below this are ties (about 15 of 15,000 pairs); the lowest tied threshold is chosen.</summary>
    public const double F1Tolerance = 0.001;

    public static double AlertRate(IReadOnlyList<(string Kind, double Top)> population, string kind, double threshold)
    {
        var rows = population.Where(p => p.Kind == kind).ToArray();
        return rows.Count(p => p.Top >= threshold) / (double)rows.Length;
    }

    public static int Count(IReadOnlyList<(string Kind, double Top)> population, string kind) => population.Count(p => p.Kind == kind);

    public static (double F1, double Precision, double Recall) F1(IEnumerable<(string Split, bool Match, double Score)> pairs, double threshold)
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

    private static Schema ParseSchema(string text, string file, int line) =>
        Schemata.TryParse(text, out var schema) ? schema : throw new InvalidDataException($"{file}: line {line}: unknown schema '{text}'");
}
