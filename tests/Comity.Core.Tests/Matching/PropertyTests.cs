using Comity.Core.Matching;
using Comity.Core.Model;
using CsCheck;

namespace Comity.Core.Tests.Matching;

/// <summary>Properties over generated entities and queries (CsCheck, fixed seed, one thread).</summary>
public class PropertyTests
{
    private const string Seed = "0000001diAn7";
    private static readonly MatchIndex Index = TestEntities.Index();

    private static readonly Gen<string> Word = Gen.OneOf(
        Gen.OneOfConst("mohammed", "ali", "kim", "jong", "ivanov", "trading", "company", "ltd", "ooo", "al", "bin", "qadhafi", "gaddafi", "sergey", "lavrov", "star", "1"),
        Gen.String[Gen.Char['a', 'z'], 1, 9],
        Gen.String[Gen.Char['а', 'я'], 2, 8]);

    private static readonly Gen<string> Name = Word.Array[1, 4].Select(w => string.Join(' ', w));

    private static readonly Gen<PartialDate> Date = Gen.Select(Gen.Int[1940, 2005], Gen.Int[0, 12], Gen.Int[1, 28], (y, m, d) => new PartialDate(y, m, m == 0 ? 0 : d));

    private static readonly Gen<Entity> EntityGen = Gen.Select(
        Name.Array[1, 3], Gen.OneOfConst(Schema.Person, Schema.Company, Schema.Organization), Date.Array[0, 2], Gen.OneOfConst("ru", "ir", "us"),
        (names, schema, dates, country) => TestEntities.Make(schema, names, e => e with
        {
            BirthDates = [.. dates.Select(d => new FuzzyDate(d))],
            Nationalities = [country],
            Identifiers = [new Identifier(IdentifierType.Passport, "P" + string.Concat(names).Length.ToString("D6", System.Globalization.CultureInfo.InvariantCulture))],
        }));

    private static Query AsQuery(Entity e) => new()
    {
        Names = [.. e.Names.Select(n => n.Full)],
        Schema = e.Schema,
        BirthDates = e.BirthDates,
        Countries = e.Nationalities,
        Identifiers = e.Identifiers,
        Gender = e.Gender,
    };

    [Fact]
    public void Scores_are_in_unit_range_and_deterministic() =>
        Gen.Select(Name, EntityGen).Sample((name, entity) =>
        {
            var q = new Query { Names = [name] };
            var a = Index.Score(q, entity);
            var b = Index.Score(q, entity);
            Assert.InRange(a.Score, 0, 1);
            Assert.Equal(a.Score, b.Score);
            Assert.Equal(a.Explanation, b.Explanation with { Features = a.Explanation.Features });
        }, seed: Seed, iter: 400, threads: 1);

    [Fact]
    public void An_entity_matches_itself() =>
        EntityGen.Sample(entity => Assert.True(Index.Score(AsQuery(entity), entity).Score >= 0.99), seed: Seed, iter: 300, threads: 1);

    [Fact]
    public void A_conflicting_birth_date_never_raises_a_score() =>
        Gen.Select(Name, EntityGen, Date).Sample((name, entity, date) =>
        {
            var q = new Query { Names = [name], Schema = entity.Schema };
            var before = Index.Score(q, entity).Score;
            var conflicting = new FuzzyDate(new PartialDate(date.Year < 1970 ? 2010 : 1930, 1, 1));
            var after = Index.Score(q with { BirthDates = [conflicting] }, entity).Score;
            Assert.True(after <= before, $"{after} > {before}");
        }, seed: Seed, iter: 400, threads: 1);
}
