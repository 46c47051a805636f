using System.Diagnostics;
using System.Globalization;
using Comity.Application.Corpus;
using Comity.Application.Linking;
using Comity.Core.Matching;
using Comity.Core.Model;
using Comity.Sources.Abstractions;
using Comity.Sources.Registry;

namespace Comity.Benchmarks.Table;

/// <summary><c>startup-profile [--list PATH]...</c>: where a cold load of the corpus spends its time, step by step
/// (each list read, the index build, the cross-list links), in one process; run twice to see JIT apart.</summary>
internal static class StartupProfile
{
    public static int Run(string[] args)
    {
        var inv = CultureInfo.InvariantCulture;
        var lists = args.Select((a, i) => (a, i)).Where(x => x.a == "--list" && x.i + 1 < args.Length).Select(x => args[x.i + 1]).ToList();
        var paths = lists.Count > 0 ? lists.Select(Path.GetFullPath).ToList() : [.. DefaultCorpus.Paths()];
        if (args is ["--snapshot", ..])
        {
            var source = new CachedCorpusSource(CorpusCache.FromEnvironment());
            for (var round = 1; round <= 3; round++)
            {
                var sw = Stopwatch.StartNew();
                var key = CorpusCache.KeyOf(paths);
                Console.WriteLine(string.Create(inv, $"  key {sw.Elapsed.TotalMilliseconds:N0} ms"));
                var c = source.Load([]);
                Console.WriteLine(string.Create(inv, $"  round {round}: {source.LastOrigin} {sw.Elapsed.TotalMilliseconds:N0} ms"));
            }

            return 0;
        }

        for (var round = 1; round <= 2; round++)
        {
            Console.WriteLine(string.Create(inv, $"round {round}"));
            var total = Stopwatch.StartNew();
            var entities = new List<Entity>();
            foreach (var path in paths)
            {
                var sw = Stopwatch.StartNew();
                var probe = ListProbe.Open(path);
                var reader = ListReaders.Detect(probe);
                var result = reader.Read(probe);
                entities.AddRange(result.Entities);
                Console.WriteLine(string.Create(inv, $"  read {Path.GetFileName(path),-40} {reader.Format,-18} {result.Entities.Length,7:N0} entities {sw.Elapsed.TotalMilliseconds,8:N0} ms"));
            }

            var step = Stopwatch.StartNew();
            var index = MatchIndex.Build(entities);
            Console.WriteLine(string.Create(inv, $"  index build ({entities.Count:N0} entities, vocabulary {index.VocabularySize:N0}) {step.Elapsed.TotalMilliseconds:N0} ms"));
            step.Restart();
            var links = SubjectLinks.Build(entities);
            Console.WriteLine(string.Create(inv, $"  links ({links.Linked.Length:N0} linked subjects) {step.Elapsed.TotalMilliseconds:N0} ms"));
            Console.WriteLine(string.Create(inv, $"  total {total.Elapsed.TotalMilliseconds:N0} ms"));
        }

        return 0;
    }
}
