using Comity.Core.Matching;
using Comity.Core.Model;
using static Comity.Core.Tests.Matching.TestEntities;

namespace Comity.Core.Tests.Matching;

public class MatchIndexTests
{
    [Fact]
    public void Results_are_sorted_limited_and_above_min_score()
    {
        var index = Index(Person("Mohammed Ali Dovranov"), Person("Mohammed Ali Dovranov"), Person("Mohammed Dovranov"));
        var hits = index.Match(Q("Mohammed Ali Dovranov", Schema.Person), limit: 3, minScore: 0.3);
        Assert.Equal(3, hits.Count);
        for (var i = 1; i < hits.Count; i++)
        {
            Assert.True(hits[i - 1].Score > hits[i].Score
                || (hits[i - 1].Score == hits[i].Score && string.CompareOrdinal(hits[i - 1].Entity.Id, hits[i].Entity.Id) < 0));
        }

        Assert.All(hits, h => Assert.True(h.Score >= 0.3));
        Assert.Empty(index.Match(Q("Mohammed Ali Dovranov"), limit: 0));
        Assert.Empty(index.Match(new Query()));
    }

    [Fact]
    public void Many_aliases_never_hurt_the_best_alias_wins()
    {
        var many = Person(["Hizballah Dovranov", .. Enumerable.Range(0, 120).Select(i => $"Alias Number{i} Zyxw{i}")]);
        var index = Index(many);
        var hit = Assert.Single(index.Match(Q("Hizballah Dovranov"), limit: 5, minScore: MatcherOptions.DefaultThreshold));
        Assert.Equal(many.Id, hit.Entity.Id);
        Assert.Equal("Hizballah Dovranov", hit.Explanation.MatchedName);
    }

    [Fact]
    public void Variants_are_mined_from_aliases_and_used()
    {
        var index = Index();
        var v = index.Vocabulary;
        int Id(string t) => v.Find(new Comity.Core.Text.NameToken(t, Comity.Core.Text.TokenClass.Word));
        Assert.True(index.Variants.Support(Id("qadhafi"), Id("gaddafi")) >= 2);
        Assert.True(index.Variants.Support(Id("yusuf"), Id("yousef")) >= 1);
        var qadhafi = Background.First(e => e.Caption == "Muammar QADHAFI");
        var r = index.Score(Q("Moammar Gaddafi", Schema.Person), qadhafi);
        Assert.True(r.Score >= MatcherOptions.DefaultThreshold);
    }

    [Fact]
    public void Index_equals_exhaustive_on_a_synthetic_corpus()
    {
        var random = new Random(20261127);
        var syllables = new[] { "ka", "ri", "mo", "ta", "sel", "van", "dor", "li", "ne", "ro", "mas", "ul", "zen", "pa", "bo" };
        string Word() => string.Concat(Enumerable.Range(0, 2 + random.Next(2)).Select(_ => syllables[random.Next(syllables.Length)]));
        var entities = Enumerable.Range(0, 600)
            .Select(i => Make(i % 3 == 0 ? Schema.Company : Schema.Person, [$"{Word()} {Word()}", $"{Word()} {Word()} {Word()}"]))
            .ToArray();
        var index = MatchIndex.Build(entities);
        int expected = 0, found = 0;
        for (var i = 0; i < 150; i++)
        {
            var source = entities[random.Next(entities.Length)].Names[random.Next(2)].Full;
            var chars = source.ToCharArray();
            var at = random.Next(chars.Length);
            if (chars[at] != ' ')
            {
                chars[at] = (char)('a' + random.Next(26));
            }

            var q = Q(new string(chars));
            var exhaustive = index.MatchExhaustive(q, 10, MatcherOptions.DefaultThreshold);
            var indexed = index.Match(q, 10, MatcherOptions.DefaultThreshold).Select(h => h.Entity.Id).ToHashSet();
            expected += exhaustive.Count;
            found += exhaustive.Count(h => indexed.Contains(h.Entity.Id));
            foreach (var h in index.Match(q, 10, MatcherOptions.DefaultThreshold))
            {
                Assert.Equal(h.Score, index.Score(q, h.Entity).Score, 12);
            }
        }

        Assert.True(expected >= 150, $"{expected}");
        Assert.True(found >= expected * 0.995, $"{found}/{expected}");
    }

    [Fact]
    public void Concurrent_queries_give_the_same_answers()
    {
        var index = Index();
        var queries = Background.Select(e => Q(e.Caption)).ToArray();
        var sequential = queries.Select(q => string.Join(",", index.Match(q).Select(h => $"{h.Entity.Id}:{h.Score:R}"))).ToArray();
        var parallel = new string[queries.Length];
        Parallel.For(0, queries.Length, i => parallel[i] = string.Join(",", index.Match(queries[i]).Select(h => $"{h.Entity.Id}:{h.Score:R}")));
        Assert.Equal(sequential, parallel);
    }

    [Fact]
    public void Query_parts_compose_a_name()
    {
        var listed = Person("Marek Ilyich Dovranov");
        var index = Index(listed);
        var q = new Query { Schema = Schema.Person, Parts = new NameParts(Given: "Marek", Patronymic: "Ilyich", Family: "Dovranov") };
        Assert.Equal(listed.Id, Assert.Single(index.Match(q, 5, MatcherOptions.DefaultThreshold)).Entity.Id);
    }
}
