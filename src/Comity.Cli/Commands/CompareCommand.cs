using System.CommandLine;
using System.Text.Json;
using Comity.Application.Compare;
using Comity.Application.Output;
using Comity.Core.Matching;
using Comity.Core.Model;
using nietras.SeparatedValues;

namespace Comity.Cli.Commands;

/// <summary><c>comity compare</c>: score two names, or a file of pairs. The score depends on the corpus (how rare each
/// name token is across the lists, and the name variants mined from them), so the corpus is loaded, after every
/// argument and the pairs file's header have been checked.</summary>
internal static class CompareCommand
{
    public static Command Create(CliContext context)
    {
        var names = new Argument<string[]>("names") { Description = "Two names: the query name and the listed name.", Arity = new ArgumentArity(0, 2) };
        var schema = new Option<string?>("--schema") { Description = "Schema of both names (Person, Organization, Company, Vessel, Airplane)." };
        var pairs = new Option<string?>("--pairs") { Description = "CSV with columns name1,name2 (optional schema): adds score and match columns." };
        var output = new Option<string?>("--out", "-o") { Description = "Output file for --pairs (default: standard output)." };
        var threshold = new Option<double?>("--threshold") { Description = "Match threshold (default: the calibrated one)." };
        var lists = CorpusOptions.List();
        var cmd = new Command("compare", "Score how well two names match, with the explanation.") { names, schema, pairs, output, threshold, lists };
        cmd.SetAction(r =>
        {
            var t = r.GetValue(threshold) ?? MatcherOptions.DefaultThreshold;
            if (t is < 0 or > 1)
            {
                throw new UsageException($"--threshold {t}: must be in [0, 1]");
            }

            var s = ParseSchema(r.GetValue(schema));
            var pairsFile = r.GetValue(pairs);
            var given = r.GetValue(names) ?? [];
            if (pairsFile is null && given.Length != 2)
            {
                throw new UsageException("compare needs two names, or --pairs FILE.csv");
            }

            if (pairsFile is not null && given.Length > 0)
            {
                throw new UsageException("compare takes two names or --pairs FILE.csv, not both");
            }

            if (pairsFile is not null && !File.Exists(pairsFile))
            {
                throw new UsageException($"--pairs {pairsFile}: no such file");
            }

            var outPath = r.GetValue(output);
            if (outPath is not null && Path.GetDirectoryName(Path.GetFullPath(outPath)) is { } dir && !Directory.Exists(dir))
            {
                throw new UsageException($"--out {outPath}: no such folder {dir}");
            }

            var listPaths = CorpusOptions.Paths(r, lists);
            if (pairsFile is null)
            {
                var scorer = new PairScorer(CorpusOptions.Load(context, listPaths, quiet: true));
                return One(context, scorer, given[0], given[1], s, t);
            }

            using var reader = Sep.Reader(o => o with { Unescape = true, DisableColCountCheck = true }).FromFile(pairsFile);
            if (!reader.Header.TryIndexOf("name1", out _) || !reader.Header.TryIndexOf("name2", out _))
            {
                throw new UsageException($"{pairsFile}: line 1: header needs columns name1 and name2");
            }

            return Many(context, new PairScorer(CorpusOptions.Load(context, listPaths, quiet: true)), reader, pairsFile, outPath, t);
        });
        return cmd;
    }

    private static Schema ParseSchema(string? text) =>
        text is null ? Schema.LegalEntity
        : Schemata.TryParse(text, out var s) ? s
        : throw new UsageException($"--schema {text}: unknown schema (Person, Organization, Company, LegalEntity, Vessel, Airplane)");

    private static int One(CliContext context, PairScorer scorer, string a, string b, Schema schema, double threshold)
    {
        var scored = scorer.Score(a, b, schema);
        var stdout = context.Stdout;
        using var w = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteString("name1", a);
        w.WriteString("name2", b);
        w.WriteString("schema", schema.Name());
        w.WriteNumber("score", JsonFormat.Round(scored.Score));
        w.WriteBoolean("match", scored.Score >= threshold);
        w.WriteNumber("threshold", threshold);
        w.WritePropertyName("explanation");
        JsonFormat.WriteExplanation(w, scored.Explanation);
        w.WriteEndObject();
        w.Flush();
        stdout.WriteByte((byte)'\n');
        stdout.Flush();
        return 0;
    }

    private static int Many(CliContext context, PairScorer scorer, SepReader reader, string path, string? outPath, double threshold)
    {
        reader.Header.TryIndexOf("name1", out var c1);
        reader.Header.TryIndexOf("name2", out var c2);
        var hasSchema = reader.Header.TryIndexOf("schema", out var cs);
        var header = reader.Header.ColNames;
        using var file = outPath is null ? null : File.Create(outPath);
        using var writer = new StreamWriter(file ?? context.Stdout, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        writer.WriteLine(string.Join(',', header.Select(CsvCell.Escape).Append("score").Append("match")));
        foreach (var row in reader)
        {
            if (row.ColCount != header.Count)
            {
                context.Error.WriteLine($"comity: {path}: line {row.LineNumberFrom}: {row.ColCount} columns, header has {header.Count}; skipped");
                continue;
            }

            var schema = hasSchema && Schemata.TryParse(row[cs].Span, out var s) ? s : Schema.LegalEntity;
            var score = scorer.Score(row[c1].ToString(), row[c2].ToString(), schema).Score;
            var cells = new List<string>(row.ColCount + 2);
            for (var i = 0; i < row.ColCount; i++)
            {
                cells.Add(CsvCell.Escape(row[i].ToString()));
            }

            cells.Add(JsonFormat.Number(score));
            cells.Add(score >= threshold ? "true" : "false");
            writer.WriteLine(string.Join(',', cells));
        }

        return 0;
    }
}
