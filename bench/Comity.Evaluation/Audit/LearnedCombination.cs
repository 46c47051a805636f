using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Comity.Application.Corpus;
using Comity.Application.Evaluation;
using Comity.Core.Matching;
using Comity.Core.Model;

namespace Comity.Evaluation.Audit;

/// <summary>The learned-combination experiment of issue 9: a logistic regression over the quantities the hand-written
/// scorer combines (<see cref="NameFeatures"/>), trained on the dev split only (labelled pairs, and the population's
/// candidates as negatives), against the hand-written score. Both are compared on the held-out test split at a
/// threshold each chose on dev under the same rule: the best F1 on the dev pairs among thresholds whose dev
/// population false alerts are at most the target for persons and for companies.</summary>
/// <remarks>Candidates are those the product retrieves (hand-written score ≥ 0.5); the model rescoring them can only
/// reorder and cut, as a calibration layer in the product would. Fixed seed, deterministic full-batch gradient
/// descent.</remarks>
internal static class LearnedCombination
{
    private const double Gate = 0.5;

    private sealed record Row(double[] X, bool Label, double Hand, int Group, string Split, string Kind, bool Legacy);

    private static readonly HashSet<string> LegacyKinds = new(StringComparer.Ordinal)
    {
        "translit_cyrillic", "translit_arabic", "romanisation", "reorder", "middle_missing", "middle_extra",
        "initials", "typo1", "typo2", "legal_form", "punctuation", "glued",
    };

    public static string Run(ScreeningCorpus corpus, IReadOnlyList<LabelledPair> pairs, IReadOnlyList<PopulationEntry> population, double targetFalseAlerts)
    {
        var inv = CultureInfo.InvariantCulture;
        var index = corpus.Index;

        // Pairs: one row each (group = -1).
        var pairRows = new Row?[pairs.Count];
        Parallel.For(0, pairs.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            var p = pairs[i];
            var schema = p.Schema is not null && Schemata.TryParse(p.Schema, out var s) ? s : Schema.LegalEntity;
            var query = new Query { Names = [p.Name1], Schema = schema };
            var entity = new Entity
            {
                Id = "compare:1",
                Source = "compare",
                SourceId = "1",
                Schema = schema,
                Names = ImmutableArray.Create(new EntityName(p.Name2)),
            };
            var f = index.Features(query, entity);
            pairRows[i] = new Row(f, p.IsMatch, f[NameFeatures.EntityScore], -1, p.Split ?? "dev", p.Kind ?? "-", p.IsMatch && LegacyKinds.Contains(p.Kind ?? "-"));
        });

        // Population: every retrieved candidate of a row is a negative; the row alerts when its best candidate does.
        var popRows = new List<Row>[population.Count];
        Parallel.For(0, population.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            var e = population[i];
            var query = e.ToQuery();
            var list = new List<Row>();
            foreach (var hit in index.Match(query, 5, Gate))
            {
                var f = index.Features(query, hit.Entity);
                list.Add(new Row(f, false, hit.Score, i, e.Split ?? "dev", e.Kind ?? "-", false));
            }

            popRows[i] = list;
        });

        var all = pairRows.Select(r => r!).Concat(popRows.SelectMany(l => l)).ToList();
        var dev = all.Where(r => r.Split == "dev" && r.Hand >= Gate).ToList();

        // Standardise on dev; add the squares of the two scores (the hand score is not linear in the evidence).
        var width = Expand(all[0].X).Length;
        var mean = new double[width];
        var sd = new double[width];
        foreach (var r in dev)
        {
            var x = Expand(r.X);
            for (var k = 0; k < width; k++)
            {
                mean[k] += x[k] / dev.Count;
            }
        }

        foreach (var r in dev)
        {
            var x = Expand(r.X);
            for (var k = 0; k < width; k++)
            {
                sd[k] += (x[k] - mean[k]) * (x[k] - mean[k]) / dev.Count;
            }
        }

        for (var k = 0; k < width; k++)
        {
            sd[k] = sd[k] > 1e-12 ? Math.Sqrt(sd[k]) : 1;
        }

        double[] Standard(double[] raw)
        {
            var x = Expand(raw);
            for (var k = 0; k < width; k++)
            {
                x[k] = (x[k] - mean[k]) / sd[k];
            }

            return x;
        }

        var devX = dev.Select(r => Standard(r.X)).ToArray();
        var devY = dev.Select(r => r.Label ? 1.0 : 0.0).ToArray();

        // Each class weighs half of the loss: the population's candidates are many and alike.
        var positives = devY.Count(y => y > 0);
        var weights = devY.Select(y => y > 0 ? 0.5 / positives : 0.5 / (devY.Length - positives)).ToArray();
        var w = Train(devX, devY, weights, l2: 1e-3, iterations: 3000, rate: 2.0);

        double Learned(Row r) => r.Hand < Gate ? 0 : Sigmoid(Dot(w, Standard(r.X)));
        double Hand(Row r) => r.Hand < Gate ? 0 : r.Hand;

        var sb = new StringBuilder();
        sb.Append(inv, $"learned combination: logistic regression over {width} inputs ({NameFeatures.EntityCount} scorer quantities + 2 squares), trained on {dev.Count:N0} dev candidates ({positives:N0} positive)\n");
        sb.Append(inv, $"rule: threshold = best dev pair F1 with dev population false alerts <= {targetFalseAlerts:0.00} % for persons and companies\n\n");
        sb.Append("| Scorer | threshold (from dev) | test P / R / F1, all pairs | test recall, the twelve older variant kinds | test false alerts persons / companies | dev false alerts persons / companies |\n|---|---:|---|---:|---|---|\n");
        foreach (var (label, score) in new (string, Func<Row, double>)[] { ("hand-written", Hand), ("learned (logistic)", Learned) })
        {
            var t = Choose(pairRows!, popRows, population, score, targetFalseAlerts);
            if (t is null)
            {
                sb.Append(inv, $"| {label} | none meets the rule | | | | |\n");
                continue;
            }

            var (p, rc, f1) = Prf(pairRows!, score, t.Value, "test");
            var legacy = pairRows!.Where(r => r!.Split == "test" && r.Legacy).ToList();
            var legacyRecall = legacy.Count(r => score(r!) >= t.Value) / (double)legacy.Count;
            var (tp, tc) = FalseAlerts(popRows, population, score, t.Value, "test");
            var (dp, dc) = FalseAlerts(popRows, population, score, t.Value, "dev");
            sb.Append(inv, $"| {label} | {t.Value:0.000} | {p:0.000} / {rc:0.000} / {f1:0.000} | {legacyRecall * 100:0.0} % | {tp:0.00} % / {tc:0.00} % | {dp:0.00} % / {dc:0.00} % |\n");
        }

        sb.Append("\nweights (standardised inputs), largest first:\n");
        var names = NameFeatures.Names.Concat(["score^2", "entity_score^2"]).ToArray();
        foreach (var k in Enumerable.Range(0, width).OrderByDescending(k => Math.Abs(w[k + 1])))
        {
            sb.Append(inv, $"  {names[k],-24} {w[k + 1],8:0.000}\n");
        }

        sb.Append(inv, $"  {"(bias)",-24} {w[0],8:0.000}\n");
        return sb.ToString();
    }

    private static double[] Expand(double[] x)
    {
        var e = new double[x.Length + 2];
        x.CopyTo(e, 0);
        e[x.Length] = x[NameFeatures.Score] * x[NameFeatures.Score];
        e[x.Length + 1] = x[NameFeatures.EntityScore] * x[NameFeatures.EntityScore];
        return e;
    }

    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    private static double Dot(double[] w, double[] x)
    {
        var z = w[0];
        for (var k = 0; k < x.Length; k++)
        {
            z += w[k + 1] * x[k];
        }

        return z;
    }

    /// <summary>Weighted logistic regression by full-batch gradient descent (bias first).</summary>
    private static double[] Train(double[][] x, double[] y, double[] weight, double l2, int iterations, double rate)
    {
        var d = x[0].Length;
        var w = new double[d + 1];
        var g = new double[d + 1];
        for (var it = 0; it < iterations; it++)
        {
            Array.Clear(g);
            for (var i = 0; i < x.Length; i++)
            {
                var err = (Sigmoid(Dot(w, x[i])) - y[i]) * weight[i];
                g[0] += err;
                for (var k = 0; k < d; k++)
                {
                    g[k + 1] += err * x[i][k];
                }
            }

            for (var k = 0; k <= d; k++)
            {
                w[k] -= rate * (g[k] + (k > 0 ? l2 * w[k] : 0));
            }
        }

        return w;
    }

    private static double? Choose(IReadOnlyList<Row?> pairs, List<Row>[] pop, IReadOnlyList<PopulationEntry> population, Func<Row, double> score, double target)
    {
        double? best = null;
        var bestF1 = -1.0;
        for (var t = 0.05; t <= 0.995; t += 0.005)
        {
            var (persons, companies) = FalseAlerts(pop, population, score, t, "dev");
            if (persons > target || companies > target)
            {
                continue;
            }

            var (_, _, f1) = Prf(pairs, score, t, "dev");
            if (f1 > bestF1)
            {
                bestF1 = f1;
                best = t;
            }
        }

        return best;
    }

    private static (double P, double R, double F1) Prf(IReadOnlyList<Row?> pairs, Func<Row, double> score, double t, string split)
    {
        int tp = 0, fp = 0, fn = 0;
        foreach (var r in pairs)
        {
            if (r!.Split != split)
            {
                continue;
            }

            var hit = score(r) >= t;
            tp += hit && r.Label ? 1 : 0;
            fp += hit && !r.Label ? 1 : 0;
            fn += !hit && r.Label ? 1 : 0;
        }

        var p = tp + fp > 0 ? tp / (double)(tp + fp) : 0;
        var rc = tp + fn > 0 ? tp / (double)(tp + fn) : 0;
        return (p, rc, p + rc > 0 ? 2 * p * rc / (p + rc) : 0);
    }

    private static (double Persons, double Companies) FalseAlerts(List<Row>[] pop, IReadOnlyList<PopulationEntry> population, Func<Row, double> score, double t, string split)
    {
        int persons = 0, personAlerts = 0, companies = 0, companyAlerts = 0;
        for (var i = 0; i < population.Count; i++)
        {
            var e = population[i];
            if (!string.Equals(e.Split, split, StringComparison.Ordinal))
            {
                continue;
            }

            var alert = pop[i].Any(r => score(r) >= t);
            if (e.Kind == "person")
            {
                persons++;
                personAlerts += alert ? 1 : 0;
            }
            else if (e.Kind == "company")
            {
                companies++;
                companyAlerts += alert ? 1 : 0;
            }
        }

        return (100.0 * personAlerts / Math.Max(1, persons), 100.0 * companyAlerts / Math.Max(1, companies));
    }
}
