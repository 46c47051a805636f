using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Comity.Application.Corpus;
using Comity.Application.Input;
using Comity.Application.Output;
using Comity.Application.Screening;
using Comity.Core.Matching;
using Comity.Core.Model;

namespace Comity.Benchmarks;

/// <summary>The repeatable end-to-end benchmark behind the README's performance table:
/// <c>dotnet run --project bench/Comity.Benchmarks -c Release -- e2e [--rows 100000] [--big 1000000] [--queries 2000]
/// [--list PATH]...</c> (default: the bundled default corpus).
/// Every figure is measured in the same run, with brute force as the baseline for the index.</summary>
internal static class EndToEnd
{
    public static int Run(string[] args)
    {
        var rows = Arg(args, "--rows", 100_000);
        var big = Arg(args, "--big", 1_000_000);
        var queryCount = Arg(args, "--queries", 2_000);
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"Comity end-to-end benchmark — {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC"));

        // 1. Load + index the bundled corpus (cold, in this process).
        var sw = Stopwatch.StartNew();
        var lists = Lists(args);
        var corpus = lists.Count > 0 ? CorpusLoader.Load(lists) : CorpusLoader.LoadDefault();
        var load = sw.Elapsed;
        Console.WriteLine(string.Create(inv, $"corpus load + index build: {load.TotalSeconds:0.00} s ({corpus.Entities.Length:N0} entities, {corpus.Datasets.Length} lists)"));

        // 2. Single-query latency in process, index vs brute force on the same queries.
        var rng = new Random(20261127);
        var queries = SampleQueries(corpus.Entities, queryCount, rng);
        var screener = new Screener(corpus, new ScreeningOptions());
        foreach (var q in queries.Take(200))
        {
            screener.Screen(q);
        }

        var indexed = Time(queries, q => corpus.Index.Match(q, 5, 0.5));
        var brute = Time(queries.Take(Math.Min(200, queries.Count)).ToList(), q => corpus.Index.MatchExhaustive(q, 5, 0.5));
        Console.WriteLine(string.Create(inv, $"single query, index: median {Ms(indexed, 0.5)} ms, p95 {Ms(indexed, 0.95)} ms, p99 {Ms(indexed, 0.99)} ms ({indexed.Length:N0} queries)"));
        Console.WriteLine(string.Create(inv, $"single query, brute force: median {Ms(brute, 0.5)} ms ({brute.Length:N0} queries) → index speed-up ×{Median(brute) / Median(indexed):0.0}"));

        // 3. Batch: a generated CSV screened end to end (read, parse, screen in parallel, write JSON Lines).
        var csv = Path.Combine(Path.GetTempPath(), $"comity-bench-{rows}.csv");
        WriteCsv(csv, corpus.Entities, rows, new Random(7));
        sw.Restart();
        var screened = 0;
        using (var writer = new ScreeningWriter(Stream.Null, OutputFormat.Jsonl))
        {
            foreach (var (row, result) in screener.ScreenMany(QueryCsvReader.Read(csv), r => r.Query))
            {
                if (result is not null)
                {
                    writer.Write(row, result);
                    screened++;
                }
            }
        }

        var batch = sw.Elapsed;
        Console.WriteLine(string.Create(inv, $"batch: {screened:N0} rows in {batch.TotalSeconds:0.00} s = {screened / batch.TotalSeconds:N0} rows/s (CSV in, JSON Lines out, {Environment.ProcessorCount} threads)"));
        File.Delete(csv);
        using (var self = Process.GetCurrentProcess())
        {
            self.Refresh();
            Console.WriteLine(string.Create(inv, $"peak memory (working set) after load, queries and batch: {self.PeakWorkingSet64 / 1048576.0:N0} MB"));
        }

        // 4. A generated 1,000,000-entity corpus: build time, latency, memory.
        if (big > 0)
        {
            corpus = null!;
            screener = null!;
            GC.Collect();
            var before = GC.GetTotalMemory(true);
            var entities = Synthetic(big, new Random(11));
            sw.Restart();
            var index = MatchIndex.Build(entities);
            var build = sw.Elapsed;
            var after = GC.GetTotalMemory(true);
            var bigQueries = SampleQueries(entities, 1_000, new Random(13));
            var bigTimes = Time(bigQueries, q => index.Match(q, 5, 0.5));
            using var self = Process.GetCurrentProcess();
            self.Refresh();
            Console.WriteLine(string.Create(inv, $"generated corpus: {entities.Count:N0} entities, index build {build.TotalSeconds:0.0} s, managed heap {(after - before) / 1048576.0:N0} MB (entities + index), peak working set {self.PeakWorkingSet64 / 1048576.0:N0} MB"));
            Console.WriteLine(string.Create(inv, $"generated corpus query: median {Ms(bigTimes, 0.5)} ms, p95 {Ms(bigTimes, 0.95)} ms ({bigTimes.Length:N0} queries)"));
            GC.KeepAlive(index);
        }

        return 0;
    }

    private static List<string> Lists(string[] args) =>
        [.. args.Select((a, i) => (a, i)).Where(x => x.a == "--list" && x.i + 1 < args.Length).Select(x => args[x.i + 1])];

    private static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static double[] Time(List<Query> queries, Action<Query> run)
    {
        var times = new double[queries.Count];
        for (var i = 0; i < queries.Count; i++)
        {
            var t = Stopwatch.GetTimestamp();
            run(queries[i]);
            times[i] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
        }

        Array.Sort(times);
        return times;
    }

    private static double Median(double[] sorted) => sorted[sorted.Length / 2];

    private static string Ms(double[] sorted, double q) =>
        sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))].ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>Queries as customers type them: listed names with a typo, reordered or cut, and names that are not
    /// listed at all (half and half).</summary>
    internal static List<Query> SampleQueries(IReadOnlyList<Entity> entities, int count, Random rng)
    {
        var list = new List<Query>(count);
        for (var i = 0; i < count; i++)
        {
            var e = entities[rng.Next(entities.Count)];
            var name = e.Names[rng.Next(e.Names.Length)].Full;
            name = (i % 4) switch
            {
                0 => name,
                1 => Typo(name, rng),
                2 => string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Reverse()),
                _ => RandomPerson(rng),
            };
            list.Add(new Query { Names = [name], Schema = e.Schema == Schema.Person ? Schema.Person : Schema.LegalEntity });
        }

        return list;
    }

    private static string Typo(string s, Random rng)
    {
        if (s.Length < 4)
        {
            return s;
        }

        var i = rng.Next(1, s.Length - 1);
        var c = (char)('a' + rng.Next(26));
        return s[..i] + c + s[(i + 1)..];
    }

    private static readonly string[] Given = ["Anna", "John", "Maria", "Ahmed", "Li", "Olga", "Pierre", "Fatima", "Carlos", "Yuki", "Ivan", "Amina", "Lukas", "Sofia", "Omar", "Chen", "Priya", "Mehmet", "Elena", "David"];
    private static readonly string[] Family = ["Schmidt", "Smith", "Garcia", "Hassan", "Wang", "Petrova", "Dubois", "Khan", "Silva", "Tanaka", "Ivanov", "Okafor", "Novak", "Rossi", "Yilmaz", "Nguyen", "Patel", "Kowalski", "Jensen", "Costa"];

    private static string RandomPerson(Random rng) => $"{Given[rng.Next(Given.Length)]} {Family[rng.Next(Family.Length)]}";

    private static void WriteCsv(string path, IReadOnlyList<Entity> entities, int rows, Random rng)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        w.WriteLine("id,name,dob,nationality");
        for (var i = 0; i < rows; i++)
        {
            string name;
            if (i % 10 == 0)
            {
                var e = entities[rng.Next(entities.Count)];
                name = Typo(e.Caption, rng);
            }
            else
            {
                name = RandomPerson(rng) + (rng.Next(3) == 0 ? " " + Family[rng.Next(Family.Length)] : string.Empty);
            }

            var dob = $"{1940 + rng.Next(65)}-{1 + rng.Next(12):00}-{1 + rng.Next(28):00}";
            w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"r{i},\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\",{dob},{(i % 3 == 0 ? "Germany" : "France")}"));
        }
    }

    /// <summary>A synthetic corpus: names recombined from syllables so that rarity and collisions look like real lists.</summary>
    internal static List<Entity> Synthetic(int count, Random rng)
    {
        string[] syl = ["al", "an", "ar", "ba", "ben", "da", "di", "el", "fa", "ga", "ha", "ib", "ja", "ka", "kh", "la", "ma", "mo", "na", "or", "pa", "ra", "ro", "sa", "sh", "ta", "to", "ul", "va", "ya", "za", "ov", "in", "ez", "us", "ic", "ko", "ri", "ne", "lo"];
        string Word(int n)
        {
            var sb = new StringBuilder();
            for (var k = 0; k < n; k++)
            {
                sb.Append(syl[rng.Next(syl.Length)]);
            }

            sb[0] = char.ToUpperInvariant(sb[0]);
            return sb.ToString();
        }

        var list = new List<Entity>(count);
        for (var i = 0; i < count; i++)
        {
            var person = i % 2 == 0;
            var primary = person ? $"{Word(2)} {Word(2)} {Word(3)}" : $"{Word(3)} {Word(2)} Trading LLC";
            var names = ImmutableArray.CreateBuilder<EntityName>(2);
            names.Add(new EntityName(primary));
            if (i % 3 == 0)
            {
                names.Add(new EntityName(person ? $"{Word(2)} {Word(3)}" : $"{Word(3)} Holding", NameKind.Alias));
            }

            list.Add(new Entity
            {
                Id = "synthetic:" + i.ToString(CultureInfo.InvariantCulture),
                Source = "synthetic",
                SourceId = i.ToString(CultureInfo.InvariantCulture),
                Schema = person ? Schema.Person : Schema.Organization,
                Names = names.ToImmutable(),
            });
        }

        return list;
    }
}
