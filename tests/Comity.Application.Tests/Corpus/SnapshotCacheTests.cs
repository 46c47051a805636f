using System.Collections;
using System.Reflection;
using Comity.Application.Corpus;
using Comity.Application.Tests.Measures;

namespace Comity.Application.Tests.Corpus;

/// <summary>The snapshot cache on a small real list (the UN consolidated XML): rebuilt when an input changes, a damaged,
/// truncated or foreign file is refused with a warning and rebuilt (never a crash, never a half-read corpus), an
/// unwritable folder only costs the snapshot, and concurrent loads of one key leave one good file.</summary>
public sealed class SnapshotCacheTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "comity-cache-test-" + Guid.NewGuid().ToString("N"));
    private readonly string _list;

    public SnapshotCacheTests()
    {
        Directory.CreateDirectory(_folder);
        _list = Path.Combine(_folder, "un.xml");
        File.Copy(EvalData.Path("data/lists/un/UN_consolidated.xml"), _list);
    }

    private string Cache => Path.Combine(_folder, "cache");

    [Fact]
    public void The_first_load_builds_and_writes_the_snapshot_the_second_reads_it()
    {
        var first = Source(out var warnings);
        var a = first.Load([_list], TestContext.Current.CancellationToken);
        Assert.Equal("built", first.LastOrigin);
        Assert.Single(SnapshotFiles());

        var second = Source(out _);
        var b = second.Load([_list], TestContext.Current.CancellationToken);
        Assert.Equal("snapshot", second.LastOrigin);
        Assert.Equal(a.Entities.Length, b.Entities.Length);
        Assert.Equal(a.Version, b.Version);
        Assert.Empty(warnings);
    }

    [Fact]
    public void A_changed_list_file_gets_a_new_key_and_is_rebuilt()
    {
        var key = CorpusCache.KeyOf([_list]);
        Source(out _).Load([_list], TestContext.Current.CancellationToken);
        File.AppendAllText(_list, "\n");
        Assert.NotEqual(key, CorpusCache.KeyOf([_list]));
        var source = Source(out _);
        source.Load([_list], TestContext.Current.CancellationToken);
        Assert.Equal("built", source.LastOrigin);
    }

    [Fact]
    public void A_file_added_to_a_list_folder_changes_the_key()
    {
        var folder = Path.Combine(_folder, "icc");
        CopyFolder(EvalData.Path("data/icc"), folder);
        var key = CorpusCache.KeyOf([folder]);
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "x");
        Assert.NotEqual(key, CorpusCache.KeyOf([folder]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(127)]
    [InlineData(128)]
    [InlineData(129)]
    [InlineData(-1)]
    [InlineData(-2)]
    public void A_truncated_snapshot_is_refused_with_a_warning_and_rebuilt(int keep)
    {
        var expected = Source(out _).Load([_list], TestContext.Current.CancellationToken);
        var file = SnapshotFiles().Single();
        var bytes = File.ReadAllBytes(file);
        var length = keep >= 0 ? keep : keep == -1 ? bytes.Length - 1 : bytes.Length / 2;
        File.WriteAllBytes(file, bytes[..length]);

        var source = Source(out var warnings);
        var corpus = source.Load([_list], TestContext.Current.CancellationToken);
        Assert.Equal("built", source.LastOrigin);
        Assert.Contains(warnings, w => w.Contains(file, StringComparison.Ordinal) && w.Contains("ignored and rebuilt", StringComparison.Ordinal));
        Assert.Equal(expected.Entities.Select(e => e.Id), corpus.Entities.Select(e => e.Id));
        Assert.Equal("snapshot", LoadAgain());
    }

    [Fact]
    public void Every_damaged_byte_of_the_payload_is_detected()
    {
        Source(out _).Load([_list], TestContext.Current.CancellationToken);
        var file = SnapshotFiles().Single();
        var original = File.ReadAllBytes(file);
        var random = new Random(20261207);
        for (var trial = 0; trial < 12; trial++)
        {
            var bytes = (byte[])original.Clone();
            var at = trial < 4 ? 128 + trial : random.Next(128, bytes.Length);
            bytes[at] ^= (byte)(1 << random.Next(8));
            File.WriteAllBytes(file, bytes);
            var source = Source(out var warnings);
            var corpus = source.Load([_list], TestContext.Current.CancellationToken);
            Assert.Equal("built", source.LastOrigin);
            Assert.Contains(warnings, w => w.Contains("checksum mismatch", StringComparison.Ordinal));
            Assert.Equal(1_003, corpus.Entities.Length);
        }
    }

    [Fact]
    public void A_damaged_header_or_a_foreign_file_is_refused_and_rebuilt()
    {
        Source(out _).Load([_list], TestContext.Current.CancellationToken);
        var file = SnapshotFiles().Single();
        var bytes = File.ReadAllBytes(file);
        bytes[0] = (byte)'X';
        File.WriteAllBytes(file, bytes);
        var source = Source(out var warnings);
        source.Load([_list], TestContext.Current.CancellationToken);
        Assert.Equal("built", source.LastOrigin);
        Assert.Contains(warnings, w => w.Contains("not a Comity corpus snapshot", StringComparison.Ordinal));

        // The header's payload length no longer matches the file.
        bytes = File.ReadAllBytes(file);
        bytes[80] ^= 1;
        File.WriteAllBytes(file, bytes);
        source = Source(out warnings);
        source.Load([_list], TestContext.Current.CancellationToken);
        Assert.Equal("built", source.LastOrigin);
        Assert.Contains(warnings, w => w.Contains("truncated", StringComparison.Ordinal));
    }

    [Fact]
    public void A_snapshot_of_another_engine_build_is_not_read()
    {
        Source(out _).Load([_list], TestContext.Current.CancellationToken);
        var file = SnapshotFiles().Single();
        var bytes = File.ReadAllBytes(file);
        bytes[16] ^= 0xFF; // the engine version
        File.WriteAllBytes(file, bytes);
        var source = Source(out var warnings);
        source.Load([_list], TestContext.Current.CancellationToken);
        Assert.Equal("built", source.LastOrigin);
        Assert.Empty(warnings);
        Assert.Equal("snapshot", LoadAgain());
    }

    [Fact]
    public void An_unwritable_cache_folder_costs_only_the_snapshot()
    {
        File.WriteAllText(Cache, "a file where the folder should be");
        var source = Source(out var warnings);
        var corpus = source.Load([_list], TestContext.Current.CancellationToken);
        Assert.Equal(1_003, corpus.Entities.Length);
        Assert.Equal("built-uncached", source.LastOrigin);
        Assert.Contains(warnings, w => w.Contains("not written", StringComparison.Ordinal));
    }

    [Fact]
    public void Snapshots_off_build_every_time()
    {
        var source = new CachedCorpusSource(new CorpusCache(null));
        source.Load([_list], TestContext.Current.CancellationToken);
        Assert.Equal("built-uncached", source.LastOrigin);
        Assert.False(Directory.Exists(Cache));
    }

    [Fact]
    public void A_missing_list_fails_as_without_snapshots()
    {
        var missing = Path.Combine(_folder, "nope.xml");
        var e = Record.Exception(() => Source(out _).Load([missing], TestContext.Current.CancellationToken));
        var plain = Record.Exception(() => new ListCorpusSource().Load([missing], TestContext.Current.CancellationToken));
        Assert.NotNull(e);
        Assert.Equal(plain!.GetType(), e.GetType());
        Assert.Equal(plain.Message, e.Message);
    }

    [Fact]
    public void Concurrent_loads_of_one_key_leave_one_good_snapshot()
    {
        var corpora = new ScreeningCorpus[4];
        Parallel.For(0, corpora.Length, i => corpora[i] = Source(out _).Load([_list], TestContext.Current.CancellationToken));
        Assert.All(corpora, c => Assert.Equal(1_003, c.Entities.Length));
        Assert.Single(SnapshotFiles());
        Assert.Empty(Directory.GetFiles(Cache, "*.tmp-*"));
        Assert.Equal("snapshot", LoadAgain());
    }

    [Fact]
    public void The_engine_version_covers_every_assembly_whose_types_a_corpus_holds()
    {
        // A corpus (entities, index, links, datasets) holds objects of these assemblies; their compiled code decides
        // what a snapshot contains, so each must feed the engine version (else a change to it could leave a stale
        // snapshot in use).
        var corpus = Source(out _).Load([_list], TestContext.Current.CancellationToken);
        var assemblies = Reachable(corpus).Select(t => t.Assembly).Where(a => a.GetName().Name!.StartsWith("Comity.", StringComparison.Ordinal)).Distinct().ToList();
        Assert.NotEmpty(assemblies);
        foreach (var a in assemblies)
        {
            Assert.Contains(a, CorpusCache.EngineAssemblies);
        }

        Assert.Matches("^[0-9a-f]{64}$", CorpusCache.EngineVersion);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private CachedCorpusSource Source(out List<string> warnings)
    {
        var list = new List<string>();
        var source = new CachedCorpusSource(new CorpusCache(Cache));
        source.Warning += m =>
        {
            lock (list)
            {
                list.Add(m);
            }
        };
        warnings = list;
        return source;
    }

    private string? LoadAgain()
    {
        var source = Source(out _);
        source.Load([_list], TestContext.Current.CancellationToken);
        return source.LastOrigin;
    }

    private string[] SnapshotFiles() => Directory.GetFiles(Cache, "corpus-*.snapshot");

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var f in Directory.GetFiles(from))
        {
            File.Copy(f, Path.Combine(to, Path.GetFileName(f)));
        }
    }

    private static HashSet<Type> Reachable(object root)
    {
        var types = new HashSet<Type>();
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<object>([root]);
        while (stack.Count > 0 && seen.Count < 2_000_000)
        {
            var o = stack.Pop();
            var type = o.GetType();
            if (!type.IsValueType && !seen.Add(o))
            {
                continue;
            }

            types.Add(type);
            if (o is string || type.IsPrimitive || type.IsEnum || o is Delegate || o is Type || o is Assembly)
            {
                continue;
            }

            if (o is IEnumerable items && o is not string)
            {
                foreach (var item in items)
                {
                    if (item is not null)
                    {
                        stack.Push(item);
                    }
                }
            }

            for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
            {
                foreach (var f in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    if (!f.FieldType.IsPrimitive && f.GetValue(o) is { } v)
                    {
                        stack.Push(v);
                    }
                }
            }
        }

        return types;
    }
}
