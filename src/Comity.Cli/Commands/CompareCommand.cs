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
        var allowSkipped = new Option<bool>("--allow-skipped") { Description = "With --pairs: exit 0 even when rows could not be scored (they are still reported in the error column and on standard error); default: exit 4." };
        var lists = CorpusOptions.List();
        var cmd = new Command("compare", "Score how well two names match, with the explanation. With --pairs, a row that cannot be scored keeps its place in the output with an error column naming its line and the run exits 4.") { names, schema, pairs, output, threshold, allowSkipped, lists };
        cmd.SetAction(r =>
        {
            var t = UnitInterval.Check("--threshold", r.GetValue(threshold) ?? MatcherOptions.DefaultThreshold);

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

            var skipped = Many(context, new PairScorer(CorpusOptions.Load(context, listPaths, quiet: true)), reader, pairsFile, outPath, t);
            return skipped > 0 && !r.GetValue(allowSkipped) ? ExitCodes.SkippedRows : ExitCodes.Ok;
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

    /// <summary>Scores every row; returns how many rows could not be scored. Each such row is still written, in its
    /// place, with empty score and match and an <c>error</c> cell naming its line and the problem (too few or too many
    /// columns, an empty name, an unknown schema, a name beyond the query limits).</summary>
    private static int Many(CliContext context, PairScorer scorer, SepReader reader, string path, string? outPath, double threshold)
    {
        reader.Header.TryIndexOf("name1", out var c1);
        reader.Header.TryIndexOf("name2", out var c2);
        var hasSchema = reader.Header.TryIndexOf("schema", out var cs);
        var header = reader.Header.ColNames;
        using var file = outPath is null ? null : File.Create(outPath);
        using var writer = new StreamWriter(file ?? context.Stdout, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        writer.WriteLine(string.Join(',', header.Select(CsvCell.Escape).Append("score").Append("match").Append("error")));
        int scored = 0, skipped = 0;
        foreach (var row in reader)
        {
            var cells = new List<string>(header.Count + 3);
            for (var i = 0; i < header.Count; i++)
            {
                cells.Add(i < row.ColCount ? CsvCell.Escape(row[i].ToString()) : string.Empty);
            }

            var error = RowError(row, header.Count, c1, c2, hasSchema ? cs : -1, out var schema);
            if (error is null)
            {
                var score = scorer.Score(row[c1].ToString(), row[c2].ToString(), schema).Score;
                cells.Add(JsonFormat.Number(score));
                cells.Add(score >= threshold ? "true" : "false");
                cells.Add(string.Empty);
                scored++;
            }
            else
            {
                var message = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"line {row.LineNumberFrom}: {error}");
                context.Error.WriteLine($"comity: {path}: {message}; not scored");
                cells.Add(string.Empty);
                cells.Add(string.Empty);
                cells.Add(CsvCell.Escape(message));
                skipped++;
            }

            writer.WriteLine(string.Join(',', cells));
        }

        writer.Flush();
        context.Error.WriteLine(skipped == 0
            ? $"comity: {scored} pairs scored"
            : $"comity: {scored} pairs scored, {skipped} not scored (see the error column)");
        return skipped;
    }

    private static string? RowError(SepReader.Row row, int columns, int c1, int c2, int cs, out Schema schema)
    {
        schema = Schema.LegalEntity;
        if (row.ColCount != columns)
        {
            return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{row.ColCount} columns, the header has {columns}");
        }

        foreach (var (column, name) in new[] { (c1, "name1"), (c2, "name2") })
        {
            var text = row[column].ToString();
            if (string.IsNullOrWhiteSpace(text))
            {
                return $"{name} is empty";
            }

            if (QueryLimits.CheckName(text, name) is { } violation)
            {
                return violation.Message;
            }
        }

        if (cs >= 0 && row[cs].Span.Trim().Length > 0 && !Schemata.TryParse(row[cs].Span.Trim(), out schema))
        {
            return $"schema {row[cs].ToString()}: unknown (Person, Organization, Company, LegalEntity, Vessel, Airplane)";
        }

        return null;
    }
}
