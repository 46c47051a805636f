using Comity.Application.Corpus;
using Comity.Application.Input;
using Comity.Application.Output;
using Comity.Application.Screening;
using Comity.Application.Tests.Law;
using Comity.Application.Tests.Measures;
using Comity.Core.Model;
using Comity.Law;

namespace Comity.Application.Tests.Corpus;

/// <summary>The default corpus written to a snapshot and read back, once for the class.</summary>
public sealed class DefaultSnapshotFixture : IDisposable
{
    public DefaultSnapshotFixture()
    {
        Built = EvalData.DefaultCorpus;
        Directory.CreateDirectory(Folder);
        var cache = new CorpusCache(Folder);
        var key = CorpusCache.KeyOf(DefaultCorpus.Paths());
        Written = cache.TryWrite(key, Built, Warnings.Add);
        Restored = cache.TryRead(key, Built.LoadedAt, null, Warnings.Add);
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "comity-snapshot-test-" + Guid.NewGuid().ToString("N"));

    internal ScreeningCorpus Built { get; }

    internal ScreeningCorpus? Restored { get; }

    public bool Written { get; }

    public List<string> Warnings { get; } = [];

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}

/// <summary>A corpus read from its snapshot is the corpus built from the files: the same object graph field by field,
/// and the same screening output, byte for byte, for a fixed sample of queries.</summary>
public sealed class SnapshotRoundTripTests(DefaultSnapshotFixture fixture) : IClassFixture<DefaultSnapshotFixture>
{
    [Fact]
    public void The_default_corpus_reads_back_from_its_snapshot_without_warnings()
    {
        Assert.True(fixture.Written);
        Assert.Empty(fixture.Warnings);
        Assert.NotNull(fixture.Restored);
        Assert.Equal(fixture.Built.Entities.Length, fixture.Restored.Entities.Length);
        Assert.Equal(fixture.Built.Version, fixture.Restored.Version);
    }

    [Fact]
    public void Every_field_of_the_restored_corpus_equals_the_built_one()
    {
        // Datasets, every entity, the index (vocabulary and token infos, name table, postings, variants, affixes,
        // lookups, identifiers, options) and the links; aside: the load time, and what queries fill in as they run (the
        // per-query buffer pool, the neighbour memo of listed tokens), which other tests may have used on the built one.
        var difference = DeepEquality.FirstDifference(fixture.Built, fixture.Restored,
            f => f.Name is "<LoadedAt>k__BackingField" or "_pool" or "_memo" or "_memoPairs");
        Assert.Null(difference);
    }

    [Fact]
    public void Screening_output_is_identical_from_the_snapshot_and_from_the_files()
    {
        var law = new LawContext(LawFixture.Engine, new ScreenerProfile("DE", Role.Financial, LawFixture.D("2026-10-01")));
        var built = new Screener(fixture.Built, new ScreeningOptions(), law);
        var restored = new Screener(fixture.Restored!, new ScreeningOptions(), law);
        var queries = Sample(fixture.Built.Entities);
        var compared = 0;
        var withHits = 0;
        foreach (var q in queries)
        {
            var a = Output(built.Screen(q));
            var b = Output(restored.Screen(q));
            Assert.Equal(a.Text, b.Text);
            compared++;
            withHits += a.Hits > 0 ? 1 : 0;
        }

        Assert.Equal(queries.Count, compared);
        Assert.True(withHits > queries.Count / 3, $"only {withHits} of {queries.Count} queries had hits: the sample does not exercise the index");
    }

    /// <summary>300 listed names turned into the recall test's variants, with birth dates and countries from the entity,
    /// 200 customers of the generated population (name, birth date, nationality), then the first 15 matching pairs of
    /// each evaluation class that reaches a lookup of its own (organisation acronyms, nicknames, shuffled or reversed
    /// letters, numerals and digits for letters, titles, katakana, Chinese-character and Khmer renderings): fixed
    /// seeds and file order.</summary>
    internal static List<Query> Sample(IReadOnlyList<Entity> entities)
    {
        var random = new Random(20261207);
        var queries = new List<Query>();
        foreach (var (q, _) in IndexRecall.Queries(entities, 300))
        {
            var e = entities[random.Next(entities.Count)];
            queries.Add(q with { BirthDates = e.BirthDates.IsDefaultOrEmpty ? [] : e.BirthDates, Countries = e.Nationalities.IsDefaultOrEmpty ? [] : e.Nationalities });
        }

        using var csv = QueryCsvReader.Open(EvalData.PopulationCsv);
        queries.AddRange(csv.Rows().Select(r => r.Query).OfType<Query>().Take(200));
        string[] classes = ["acronym", "nickname", "shuffled", "numeral", "digit_letter", "title", "katakana", "katakana_press", "hanzi_foreign", "khmer"];
        var pairs = Comity.Application.Evaluation.PairsCsv.Read(EvalData.PairsCsv).Rows;
        foreach (var kind in classes)
        {
            foreach (var pair in pairs.Where(p => p.IsMatch && p.Kind == kind).Take(15))
            {
                queries.Add(new Query { Names = [pair.Name1], Schema = Schemata.TryParse(pair.Schema, out var schema) ? schema : Schema.LegalEntity });
            }
        }

        return queries;
    }

    private static (string Text, int Hits) Output(ScreeningResult result)
    {
        using var buffer = new MemoryStream();
        using (var writer = new ScreeningWriter(buffer, OutputFormat.Jsonl))
        {
            writer.Write(new InputRow(1, 2, result.Query, null, []), result);
        }

        return (System.Text.Encoding.UTF8.GetString(buffer.ToArray()), result.Hits.Count);
    }
}
