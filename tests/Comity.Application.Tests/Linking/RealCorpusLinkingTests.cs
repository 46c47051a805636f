using Comity.Application.Corpus;
using Comity.Application.Screening;
using Comity.Core.Model;

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

    [Theory]
    [InlineData("Korea Mining Development Trading Corporation", Schema.Organization,
        "au-dfat:1113 gb-fcdo:DPR0157 gb-hmt-ofsi:10892 un-sc:KPe.001 us-ofac-sdn:9345 us-trade-csl:9345 us-trade-csl:50723cae952f93ac4fa9a86dfadd78135fd95459")]
    [InlineData("Nicolas Maduro Moros", Schema.Person,
        "ca-sema:jvcfor-1-2f8933d0 ca-sema:venezuela-1-4c3a2d13 us-ofac-sdn:22790 us-trade-csl:22790")]
    [InlineData("Vladimir Putin", Schema.Person,
        "au-dfat:6678 ca-sema:russia-1-part-1-503-07789b1a gb-fcdo:RUS0251 gb-hmt-ofsi:14196 icc-warrants:icc-putin-vladimir us-ofac-sdn:35096 us-trade-csl:35096")]
    public void A_known_multi_listed_subject_is_one_hit_with_every_listing(string name, Schema schema, string listings)
    {
        var screener = new Screener(fixture.Corpus, new ScreeningOptions());
        var result = screener.Screen(new Query { Names = [name], Schema = schema });
        var matches = result.Hits.Where(h => h.Match).ToList();
        var expected = listings.Split(' ').Order(StringComparer.Ordinal).ToList();
        var hit = Assert.Single(matches, h => h.Listings.Any(l => l.EntityId == expected[0]));
        Assert.Equal(expected, hit.Listings.Select(l => l.EntityId).Order(StringComparer.Ordinal).ToList());
        Assert.DoesNotContain(matches, h => h != hit && h.Listings.Any(l => expected.Contains(l.EntityId)));
    }

    [Fact]
    public void Name_links_never_join_two_listings_of_one_list_except_per_regulation_schedules()
    {
        foreach (var s in fixture.Corpus.Links.Linked)
        {
            var byName = s.Entities.Where(e => fixture.Corpus.Links.LinkReasons.GetValueOrDefault(e.Id, "").StartsWith("name", StringComparison.Ordinal)).ToList();
            foreach (var e in byName)
            {
                var sameList = s.Entities.Where(o => o.Id != e.Id && SubjectLinksTests.ListOf(o) == SubjectLinksTests.ListOf(e)).ToList();
                Assert.True(sameList.Count == 0 || e.Source == "ca-sema" || fixture.Corpus.Links.LinkReasons.GetValueOrDefault(e.Id) == "name_and_dob"
                    || sameList.All(o => !fixture.Corpus.Links.LinkReasons.GetValueOrDefault(o.Id, "").StartsWith("name", StringComparison.Ordinal)),
                    $"{e.Id} joined by name beside {string.Join(", ", sameList.Select(o => o.Id))}");
            }
        }
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
    internal ScreeningCorpus Corpus { get; } = CorpusLoader.LoadDefault();
}
