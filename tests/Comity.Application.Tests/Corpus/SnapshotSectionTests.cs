using System.Security.Cryptography;
using Comity.Application.Corpus;
using Comity.Application.Tests.Measures;
using Comity.Core.Matching;
using Comity.Core.Snapshots;

namespace Comity.Application.Tests.Corpus;

/// <summary>The sections a snapshot stores instead of recomputing (token infos, token lookup, identifier and acronym
/// postings, variant rows, entity blocks decoded in parallel), each checked on reading: damage the checksum cannot see
/// (a payload re-signed after the damage, as a writer bug would leave it) is refused with a warning and the corpus
/// rebuilt, or reads back as a corpus; never a crash, never half a corpus.</summary>
public sealed class SnapshotSectionTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "comity-section-test-" + Guid.NewGuid().ToString("N"));
    private readonly string _list;

    public SnapshotSectionTests()
    {
        Directory.CreateDirectory(_folder);
        _list = Path.Combine(_folder, "un.xml");
        File.Copy(EvalData.Path("data/lists/un/UN_consolidated.xml"), _list);
    }

    [Fact]
    public void The_index_section_read_back_equals_the_built_index_and_any_cut_of_it_is_refused()
    {
        var corpus = Source(out _).Load([_list], TestContext.Current.CancellationToken);
        var bytes = IndexBytes(corpus.Index);
        var entities = corpus.Entities.ToArray();

        var restored = MatchIndex.ReadSnapshot(new SnapshotReader(bytes, 0, bytes.Length), entities);
        Assert.Null(DeepEquality.FirstDifference(corpus.Index, restored, f => f.Name is "_pool" or "_memo" or "_memoPairs"));

        var random = new Random(20261207);
        var cuts = Enumerable.Range(0, 150).Select(_ => random.Next(bytes.Length)).Append(0).Append(bytes.Length - 1).ToArray();
        foreach (var cut in cuts)
        {
            Assert.Throws<InvalidDataException>(() => MatchIndex.ReadSnapshot(new SnapshotReader(bytes, 0, cut), entities));
        }
    }

    [Fact]
    public void A_stored_key_table_reads_back_in_row_order_and_refuses_a_value_out_of_range()
    {
        // The form of the token lookup's six key tables, the identifier postings and the acronym postings.
        var first = new GrowableInts();
        first.Add(3);
        first.Add(9);
        var second = new GrowableInts();
        second.Add(0);
        var table = KeyedPostings.Build([new("irgc", first), new("kcst", second), new("mmsi", new GrowableInts())]);
        using var stream = new MemoryStream();
        using (var writer = new SnapshotWriter(stream))
        {
            table.Write(writer);
        }

        var bytes = stream.ToArray();
        var read = KeyedPostings.Read(new SnapshotReader(bytes, 0, bytes.Length), 10, "test");
        Assert.Equal(["irgc", "kcst", "mmsi"], read.Keys);
        Assert.Equal([3, 9], read["irgc"].ToArray());
        Assert.Equal([0], read["kcst"].ToArray());
        Assert.True(read.TryGet("mmsi", out var empty) && empty.IsEmpty);
        Assert.False(read.TryGet("absent", out _));

        var e = Assert.Throws<InvalidDataException>(() => KeyedPostings.Read(new SnapshotReader(bytes, 0, bytes.Length), 9, "test"));
        Assert.Contains("out of range", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Damage_behind_a_valid_checksum_is_refused_and_rebuilt_or_reads_back_whole()
    {
        var expected = Source(out _).Load([_list], TestContext.Current.CancellationToken);
        var file = Directory.GetFiles(Cache, "corpus-*.snapshot").Single();
        var original = File.ReadAllBytes(file);
        var random = new Random(20261208);
        var refused = 0;
        for (var trial = 0; trial < 40; trial++)
        {
            var bytes = (byte[])original.Clone();
            var at = random.Next(SnapshotFile.HeaderBytes, bytes.Length);
            bytes[at] ^= (byte)(1 << random.Next(8));
            SHA256.HashData(bytes.AsSpan(SnapshotFile.HeaderBytes)).CopyTo(bytes.AsSpan(88));
            File.WriteAllBytes(file, bytes);

            var source = Source(out var warnings);
            var corpus = source.Load([_list], TestContext.Current.CancellationToken);
            Assert.Equal(expected.Entities.Length, corpus.Entities.Length);
            Assert.Equal(expected.Index.Count, corpus.Index.Count);
            if (source.LastOrigin == "built")
            {
                Assert.Contains(warnings, w => w.Contains("ignored and rebuilt", StringComparison.Ordinal));
                refused++;
            }
            else
            {
                Assert.Equal("snapshot", source.LastOrigin);
                Assert.Empty(warnings);
            }
        }

        Assert.True(refused > 0, "no damage was detected in 40 trials");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Cache => Path.Combine(_folder, "cache");

    private static byte[] IndexBytes(MatchIndex index)
    {
        using var stream = new MemoryStream();
        using (var writer = new SnapshotWriter(stream))
        {
            index.WriteSnapshot(writer);
        }

        return stream.ToArray();
    }

    private CachedCorpusSource Source(out List<string> warnings)
    {
        var list = new List<string>();
        var source = new CachedCorpusSource(new CorpusCache(Cache));
        source.Warning += list.Add;
        warnings = list;
        return source;
    }
}
