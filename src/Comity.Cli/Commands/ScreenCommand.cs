using System.CommandLine;
using System.Diagnostics;
using Comity.Application.Input;
using Comity.Application.Output;
using Comity.Application.Screening;

namespace Comity.Cli.Commands;

/// <summary><c>comity screen</c>: screen a CSV of customers (or stdin) against the corpus. Every option, the profile,
/// the output path and the input's header are checked before the corpus is loaded.</summary>
internal static class ScreenCommand
{
    public static Command Create(CliContext context)
    {
        var input = new Argument<string>("input") { Description = "CSV file with a header row, or - for standard input. One record per line; a line with an unterminated quote is reported and reading goes on at the next line." };
        var lists = CorpusOptions.List();
        var threshold = new Option<double?>("--threshold") { Description = "Match threshold (default: the calibrated one)." };
        var minScore = new Option<double>("--min-score") { Description = "Report hits scoring at least this.", DefaultValueFactory = _ => 0.5 };
        var limit = new Option<int>("--limit") { Description = "At most this many hits per row.", DefaultValueFactory = _ => 5 };
        var format = new Option<string>("--format") { Description = "jsonl (one object per row) or csv (one line per hit).", DefaultValueFactory = _ => "jsonl" };
        var output = new Option<string?>("--out", "-o") { Description = "Write results to this file instead of standard output." };
        var map = new Option<string[]>("--map") { Description = "Bind a column to a field: COLUMN=FIELD (repeatable), e.g. --map 'Client Name=name'.", Arity = ArgumentArity.ZeroOrMore };
        var allowSkipped = new Option<bool>("--allow-skipped") { Description = "Exit 0 even when rows could not be screened (they are still reported, in the output and on standard error); default: exit 4." };

        var profile = new ProfileOptions();
        var cmd = new Command("screen", "Screen a CSV of names against the lists; JSON Lines with ranked, explained hits (and, with --jurisdiction, the legal decision for each).")
        {
            input, lists, threshold, minScore, limit, format, output, map, allowSkipped,
        };
        foreach (var o in profile.All)
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(r =>
        {
            var options = new ScreeningOptions
            {
                Threshold = r.GetValue(threshold) ?? new ScreeningOptions().Threshold,
                MinScore = r.GetValue(minScore),
                Limit = r.GetValue(limit),
            };
            if (options.Limit < 1)
            {
                throw new UsageException($"--limit {options.Limit}: must be at least 1");
            }

            UnitInterval.Check("--threshold", options.Threshold);
            UnitInterval.Check("--min-score", options.MinScore);

            var outputFormat = ParseFormat(r.GetValue(format)!);
            var outPath = r.GetValue(output);
            CheckOutput(outPath);
            var listPaths = CorpusOptions.Paths(r, lists);
            var law = profile.Build(r, context);
            var mappings = ParseMappings(r.GetValue(map));
            using var csv = OpenInput(context, r.GetValue(input)!, mappings);
            foreach (var note in csv.Notes)
            {
                context.Error.WriteLine($"comity: {note}");
            }

            if (csv.UnrecognisedMessage is { } unrecognised)
            {
                context.Error.WriteLine($"comity: {unrecognised}");
            }

            var corpus = CorpusOptions.Load(context, listPaths);
            var screener = new Screener(corpus, options, law);
            foreach (var gap in screener.Law?.Gaps ?? [])
            {
                context.Error.WriteLine($"comity: coverage gap: {gap.Regime} binds this screener but {gap.Detail} ({gap.ReasonName}): decisions that would say not_binding, enhanced_due_diligence or inactive say unknown_coverage");
            }

            var skipped = Run(context, screener, csv.Rows(), outputFormat, outPath);
            return skipped > 0 && !r.GetValue(allowSkipped) ? ExitCodes.SkippedRows : ExitCodes.Ok;
        });
        return cmd;
    }

    internal static OutputFormat ParseFormat(string text) => text.Trim().ToLowerInvariant() switch
    {
        "jsonl" or "json" => OutputFormat.Jsonl,
        "csv" => OutputFormat.Csv,
        _ => throw new UsageException($"--format {text}: expected jsonl or csv"),
    };

    internal static Dictionary<string, string> ParseMappings(string[]? values)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var v in values ?? [])
        {
            var i = v.LastIndexOf('=');
            if (i <= 0 || i == v.Length - 1)
            {
                throw new UsageException($"--map {v}: expected COLUMN=FIELD");
            }

            result[v[..i].Trim()] = v[(i + 1)..].Trim();
        }

        return result;
    }

    private static void CheckOutput(string? outPath)
    {
        if (outPath is null)
        {
            return;
        }

        if (Directory.Exists(outPath))
        {
            throw new UsageException($"--out {outPath}: is a folder");
        }

        var dir = Path.GetDirectoryName(Path.GetFullPath(outPath));
        if (dir is not null && !Directory.Exists(dir))
        {
            throw new UsageException($"--out {outPath}: no such folder {dir}");
        }
    }

    internal static QueryCsv OpenInput(CliContext context, string path, Dictionary<string, string> mappings)
    {
        try
        {
            return path == "-"
                ? QueryCsvReader.Open(context.In, mappings, "standard input")
                : QueryCsvReader.Open(path, mappings);
        }
        catch (Exception e) when (e is ArgumentException or InvalidDataException or FileNotFoundException)
        {
            throw new UsageException(e.Message, e);
        }
    }

    /// <summary>Screens every row; returns how many could not be screened.</summary>
    private static int Run(CliContext context, Screener screener, IEnumerable<InputRow> rows, OutputFormat format, string? outPath)
    {
        var err = context.Error;
        var sw = Stopwatch.StartNew();
        int total = 0, matched = 0, skipped = 0;
        var progress = new Progress(err, !context.ErrorIsTerminal);
        var file = outPath is null ? null : File.Create(outPath);
        try
        {
            var buffered = new BufferedStream(file ?? context.Stdout, 1 << 16);
            using (var writer = new ScreeningWriter(buffered, format))
            {
                foreach (var (row, result) in screener.ScreenMany(rows, r => r.Query))
                {
                    total++;
                    foreach (var warning in row.Warnings)
                    {
                        err.WriteLine($"comity: row {row.Row} (line {row.Line}): {warning}");
                    }

                    if (result is null)
                    {
                        skipped++;
                        err.WriteLine($"comity: skipped row {row.Row}: {row.Error}");
                        writer.WriteError(row);
                        continue;
                    }

                    if (result.HasMatch)
                    {
                        matched++;
                    }

                    writer.Write(row, result);
                    progress.Tick(total, sw.Elapsed);
                }
            }

            buffered.Flush();
        }
        finally
        {
            file?.Dispose();
        }

        progress.Done();
        var seconds = Math.Max(sw.Elapsed.TotalSeconds, 1e-6);
        var cores = Environment.ProcessorCount;
        err.WriteLine($"comity: {total:N0} rows, {matched:N0} with a match, {skipped:N0} skipped, {total / seconds:N0} rows/s ({sw.Elapsed.TotalSeconds:0.00} s; {cores} core{(cores == 1 ? string.Empty : "s")}, {total / seconds / cores:N0} rows/s per core)");
        if (skipped > 0)
        {
            err.WriteLine($"comity: {skipped:N0} row{(skipped == 1 ? " was" : "s were")} not screened (see the rows with \"error\" in the output)");
        }

        return skipped;
    }

    /// <summary>A one-line progress indicator on stderr, only when stderr is a terminal.</summary>
    private sealed class Progress(TextWriter err, bool redirected)
    {
        private TimeSpan _last;

        public void Tick(int rows, TimeSpan elapsed)
        {
            if (redirected || elapsed - _last < TimeSpan.FromMilliseconds(250))
            {
                return;
            }

            _last = elapsed;
            var rate = rows / Math.Max(elapsed.TotalSeconds, 1e-6);
            err.Write($"\rcomity: {rows:N0} rows screened, {rate:N0} rows/s   ");
        }

        public void Done()
        {
            if (!redirected && _last > TimeSpan.Zero)
            {
                err.WriteLine();
            }
        }
    }
}
