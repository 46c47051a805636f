using Comity.Application.Corpus;

namespace Comity.Application.Tests.Linking;

/// <summary>Linking on the bundled default corpus (every authority): real subjects listed by several authorities
/// become one subject.</summary>
public sealed class RealCorpusLinkingTests(FullCorpusFixture fixture) : IClassFixture<FullCorpusFixture>
{
    [Fact]
    public void A_un_designee_is_linked_to_its_uk_listings_by_un_reference()
    {
        // Khalid Sheikh Mohammed: UN QDi.291, quoted by the OFSI ConList as (UN Ref) and by the FCDO list via the OFSI group.
        var subject = fixture.Corpus.Links.SubjectOf("un-sc:QDi.291");
        Assert.NotNull(subject);
        var sources = subject.Entities.Select(e => e.Source).ToHashSet();
        Assert.Contains("gb-hmt-ofsi", sources);
        Assert.Contains("gb-fcdo", sources);
    }

    [Fact]
    public void Treasury_rows_of_the_consolidated_screening_list_join_their_ofac_entry()
    {
        var subject = fixture.Corpus.Links.SubjectOf("us-ofac-sdn:306");
        Assert.NotNull(subject);
        Assert.Contains(subject.Entities, e => e.Source == "us-trade-csl");
    }

    [Fact]
    public void Links_stay_small_no_runaway_merges()
    {
        var largest = fixture.Corpus.Links.Linked.MaxBy(s => s.Entities.Length)!;
        Assert.True(largest.Entities.Length <= 12, string.Join("; ", largest.Entities.Select(e => e.Id + " " + e.Caption)));
        foreach (var s in fixture.Corpus.Links.Linked)
        {
            Assert.True(s.Entities.Select(e => e.Source).Distinct().Count() >= 2);
        }
    }

    [Fact]
    public void Un_entries_are_linked_to_several_other_lists()
    {
        var counts = fixture.Corpus.Links.LinkedCounts("un-sc");
        Assert.True(counts.GetValueOrDefault("gb-hmt-ofsi") > 800, string.Join(", ", counts));
        Assert.True(counts.GetValueOrDefault("au-dfat") > 300, string.Join(", ", counts));
        Assert.True(counts.GetValueOrDefault("us-ofac-sdn") > 250, string.Join(", ", counts));
    }
}

/// <summary>The whole bundled default corpus, loaded once.</summary>
public sealed class FullCorpusFixture
{
    public ScreeningCorpus Corpus { get; } = CorpusLoader.LoadDefault();
}
