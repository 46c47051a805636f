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
/// (each list read, the index build, the cross-list links), in one process; run twice to see JIT apart.
/// <c>startup-profile --snapshot-steps</c>: where a warm load (from the snapshot in <c>COMITY_CACHE_DIR</c>, written
/// first when missing) spends its time, step by step; round 1 is what a fresh process pays (JIT included).</summary>
internal static class StartupProfile
{
    public static int Run(string[] args)
    {
        var inv = CultureInfo.InvariantCulture;
        var lists = args.Select((a, i) => (a, i)).Where(x => x.a == "--list" && x.i + 1 < args.Length).Select(x => args[x.i + 1]).ToList();
        var paths = lists.Count > 0 ? lists.Select(Path.GetFullPath).ToList() : [.. DefaultCorpus.Paths()];
        if (args is ["--snapshot-steps", ..])
        {
            return SnapshotSteps(paths, Args.Int(args, "--rounds", 3));
        }

        if (args is ["--snapshot", ..])
        {
            var source = new CachedCorpusSource(CorpusCache.FromEnvironment());
            for (var round = 1; round <= 3; round++)
            {
                var sw = Stopwatch.StartNew();
                var key = CorpusCache.KeyOf(paths);
                Console.WriteLine(string.Create(inv, $"  key {sw.Elapsed.TotalMilliseconds:N0} ms"));
                var c = source.Load(lists);
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

    private static int SnapshotSteps(IReadOnlyList<string> paths, int rounds)
    {
        var inv = CultureInfo.InvariantCulture;
        var cache = CorpusCache.FromEnvironment();
        var source = new CachedCorpusSource(cache);
        var process = Stopwatch.StartNew();
        for (var round = 1; round <= rounds; round++)
        {
            var total = Stopwatch.StartNew();
            var step = Stopwatch.StartNew();
            var steps = new List<(string Name, double Ms, double CpuMs, double AllocatedMb, int Gcs)>();
            var cpu = Environment.CpuUsage.TotalTime;
            var allocated = GC.GetTotalAllocatedBytes(precise: false);
            var gcs = GC.CollectionCount(0);
            void Mark(string name)
            {
                var nowAllocated = GC.GetTotalAllocatedBytes(precise: false);
                var nowCpu = Environment.CpuUsage.TotalTime;
                steps.Add((name, step.Elapsed.TotalMilliseconds, (nowCpu - cpu).TotalMilliseconds, (nowAllocated - allocated) / 1048576.0, GC.CollectionCount(0) - gcs));
                cpu = nowCpu;
                allocated = nowAllocated;
                gcs = GC.CollectionCount(0);
                step.Restart();
            }

            var key = CorpusCache.KeyOf(paths);
            Mark("input key (sha256 of the list files)");
            var path = cache.PathOf(key);
            if (!File.Exists(path))
            {
                source.Load(paths);
                Console.WriteLine(string.Create(inv, $"snapshot written ({source.LastOrigin}); run again"));
                continue;
            }

            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
            {
                var header = SnapshotFile.ReadHeader(stream)!;
                Mark("header");
                // As CorpusCache.TryRead reads it (in a no-GC region when the heap is small).
                var noGc = CorpusCache.EnterNoGcRegion(header.PayloadLength);
                var corpus = SnapshotFile.ReadPayload(stream, header, DateTimeOffset.UnixEpoch, null, Mark);
                CorpusCache.LeaveNoGcRegion(noGc);
                Mark(noGc ? "end of the no-GC region" : "(no no-GC region: heap not small)");
                Console.WriteLine(string.Create(inv, $"round {round}: {corpus.Entities.Length:N0} entities, snapshot {stream.Length / 1048576.0:N1} MB"));
            }

            foreach (var (name, ms, cpuMs, mb, n) in steps)
            {
                Console.WriteLine(string.Create(inv, $"  {name,-44} {ms,8:N1} ms (cpu {cpuMs,7:N1} ms) {mb,7:N1} MB allocated {n,3} GCs"));
            }

            Console.WriteLine(string.Create(inv, $"  {"total",-44} {total.Elapsed.TotalMilliseconds,8:N1} ms (process so far {process.Elapsed.TotalMilliseconds:N0} ms, cpu {Environment.CpuUsage.TotalTime.TotalMilliseconds:N0} ms)"));
        }

        return 0;
    }
}
