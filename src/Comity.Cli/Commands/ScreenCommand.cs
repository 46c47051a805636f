using System.CommandLine;
using System.Diagnostics;
using Comity.Application.Input;
using Comity.Application.Output;
using Comity.Application.Screening;

namespace Comity.Cli.Commands;

/// <summary><c>comity screen</c>: screen a CSV of customers (or stdin) against the corpus.</summary>
internal static class ScreenCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("input") { Description = "CSV file with a header row, or - for standard input." };
        var lists = CorpusOptions.List();
        var threshold = new Option<double?>("--threshold") { Description = "Match threshold (default: the calibrated one)." };
        var minScore = new Option<double>("--min-score") { Description = "Report hits scoring at least this.", DefaultValueFactory = _ => 0.5 };
        var limit = new Option<int>("--limit") { Description = "At most this many hits per row.", DefaultValueFactory = _ => 5 };
        var format = new Option<OutputFormat>("--format") { Description = "jsonl (one object per row) or csv (one line per hit).", DefaultValueFactory = _ => OutputFormat.Jsonl };
        var output = new Option<string?>("--out", "-o") { Description = "Write results to this file instead of standard output." };
        var map = new Option<string[]>("--map") { Description = "Bind a column to a field: COLUMN=FIELD (repeatable), e.g. --map 'Client Name=name'.", Arity = ArgumentArity.ZeroOrMore };

        var cmd = new Command("screen", "Screen a CSV of names against the lists; JSON Lines with ranked, explained hits.")
        {
            input, lists, threshold, minScore, limit, format, output, map,
        };
        cmd.SetAction(r =>
        {
            var options = new ScreeningOptions
            {
                Threshold = r.GetValue(threshold) ?? new ScreeningOptions().Threshold,
                MinScore = r.GetValue(minScore),
                Limit = r.GetValue(limit),
            };
            if (options.Limit < 1 || options.Threshold is < 0 or > 1 || options.MinScore is < 0 or > 1)
            {
                throw new ArgumentException("--limit must be >= 1; --threshold and --min-score must be in [0, 1]");
            }

            var mappings = ParseMappings(r.GetValue(map));
            var rows = QueryCsvReader.Read(r.GetValue(input)!, mappings);
            var corpus = CorpusOptions.Load(r.GetValue(lists));
            var screener = new Screener(corpus, options);
            return Run(screener, rows, r.GetValue(format), r.GetValue(output));
        });
        return cmd;
    }

    internal static Dictionary<string, string> ParseMappings(string[]? values)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var v in values ?? [])
        {
            var i = v.LastIndexOf('=');
            if (i <= 0 || i == v.Length - 1)
            {
                throw new ArgumentException($"--map {v}: expected COLUMN=FIELD");
            }

            result[v[..i].Trim()] = v[(i + 1)..].Trim();
        }

        return result;
    }

    private static int Run(Screener screener, IEnumerable<InputRow> rows, OutputFormat format, string? outPath)
    {
        var sw = Stopwatch.StartNew();
        int total = 0, matched = 0, skipped = 0;
        var progress = new Progress(Console.IsErrorRedirected);
        using (var stream = outPath is null ? Console.OpenStandardOutput() : File.Create(outPath))
        using (var writer = new ScreeningWriter(new BufferedStream(stream, 1 << 16), format))
        {
            foreach (var (row, result) in screener.ScreenMany(rows, r => r.Query))
            {
                total++;
                foreach (var warning in row.Warnings)
                {
                    Console.Error.WriteLine($"comity: row {row.Row} (line {row.Line}): {warning}");
                }

                if (result is null)
                {
                    skipped++;
                    Console.Error.WriteLine($"comity: skipped row {row.Row}: {row.Error}");
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

        progress.Done();
        var seconds = Math.Max(sw.Elapsed.TotalSeconds, 1e-6);
        Console.Error.WriteLine($"comity: {total:N0} rows, {matched:N0} with a match, {skipped:N0} skipped, {total / seconds:N0} rows/s ({sw.Elapsed.TotalSeconds:0.00} s)");
        return 0;
    }

    /// <summary>A one-line progress indicator on stderr, only when stderr is a terminal.</summary>
    private sealed class Progress(bool redirected)
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
            Console.Error.Write($"\rcomity: {rows:N0} rows screened, {rate:N0} rows/s   ");
        }

        public void Done()
        {
            if (!redirected && _last > TimeSpan.Zero)
            {
                Console.Error.WriteLine();
            }
        }
    }
}
