using Comity.Core.Matching;
using Comity.Core.Model;
using static Comity.Core.Tests.Matching.TestEntities;

namespace Comity.Core.Tests.Matching;

/// <summary>The scorer's quantities exported for the learned-combination experiment describe the comparison the scorer
/// made: the same score, and the evidence the alignment saw.</summary>
public class NameFeaturesTests
{
    [Fact]
    public void The_exported_scores_are_the_scores_the_matcher_gives()
    {
        var listed = Person("Ivan Petrovich SIDOROV");
        var index = Index(listed);
        foreach (var name in new[] { "Ivan Petrovich Sidorov", "Ivan Sergeyevich Sidorov", "Sidorov", "Iwan Sidorow" })
        {
            var query = Q(name, Schema.Person);
            var f = index.Features(query, listed);
            Assert.Equal(NameFeatures.EntityCount, f.Length);
            Assert.Equal(index.Score(query, listed).Score, f[NameFeatures.EntityScore], 12);
            Assert.InRange(f[NameFeatures.Score], 0, 1);
            Assert.Equal(1, f[NameFeatures.Person]);
        }
    }

    [Fact]
    public void The_exported_evidence_names_what_differs()
    {
        var listed = Person("Ivan Petrovich SIDOROV");
        var index = Index(listed);
        var exact = index.Features(Q("Ivan Petrovich Sidorov", Schema.Person), listed);
        Assert.Equal(0, exact[NameFeatures.QueryLeftWords]);
        Assert.Equal(0, exact[NameFeatures.ListedLeftWords]);
        Assert.Equal(0, exact[NameFeatures.FuzzyPairs]);
        Assert.Equal(1, exact[NameFeatures.MinSimilarity]);

        var patronymic = index.Features(Q("Ivan Sergeyevich Sidorov", Schema.Person), listed);
        Assert.Equal(1, patronymic[NameFeatures.PatronymicConflict]);
        Assert.True(patronymic[NameFeatures.Score] < exact[NameFeatures.Score]);

        var surname = index.Features(Q("Sidorov", Schema.Person), listed);
        Assert.Equal(1, surname[NameFeatures.SingleContentWord]);
        Assert.True(surname[NameFeatures.ListedLeftShare] > 0);

        var dated = index.Features(new Query { Names = ["Ivan Petrovich Sidorov"], Schema = Schema.Person, BirthDates = [new FuzzyDate(new PartialDate(1970, 5, 1))] },
            listed with { BirthDates = [new FuzzyDate(new PartialDate(1980, 2, 3))] });
        Assert.True(dated[NameFeatures.DateEvidence] < 0);
    }
}
