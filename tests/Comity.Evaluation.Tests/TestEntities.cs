using System.Collections.Immutable;
using Comity.Core.Model;

namespace Comity.Evaluation.Tests;

/// <summary>Hand-built listed entities for generator tests.</summary>
internal static class TestEntities
{
    public static Entity Make(string sourceId, Schema schema, string primary, params string[] aliases) => new()
    {
        Id = Entity.MakeId("test-list", sourceId),
        Source = "test-list",
        SourceId = sourceId,
        Schema = schema,
        Names = [new EntityName(primary), .. aliases.Select(a => new EntityName(a, NameKind.Alias))],
    };

    public static Entity Person(string sourceId, string primary, params string[] aliases) => Make(sourceId, Schema.Person, primary, aliases);

    public static Entity WithPassport(this Entity e, string number) =>
        e with { Identifiers = e.Identifiers.Add(new Identifier(IdentifierType.Passport, number)) };

    public static Entity WithUnReference(this Entity e, string reference) =>
        e with { CrossReferences = e.CrossReferences.Add(new CrossReference("UN", reference)) };

    public static ImmutableArray<Entity> Corpus { get; } =
    [
        Person("1", "MADURO MOROS, Nicolas", "Nicolas MADURO") with { Gender = Gender.Male },
        Person("2", "AL-BAGHDADI, Abu Bakr", "Ibrahim Awwad Ibrahim Ali al-BADRI", "Abu Du'a") with { Gender = Gender.Male },
        Person("3", "LAVROV, Sergey Viktorovich", "LAVROV, Sergei Viktorovich") with { Gender = Gender.Male },
        Person("4", "KIM, Yo Jong") with { Gender = Gender.Female },
        Make("5", Schema.Organization, "GAZPROM NEFT PJSC", "GAZPROMNEFT"),
        Make("6", Schema.Organization, "ANGLO-CARIBBEAN CO., LTD.", "AVIA IMPORT"),
        Make("7", Schema.Organization, "BANK MELLI IRAN", "NATIONAL BANK OF IRAN"),
        Make("8", Schema.Organization, "MOBIN HOLDING LIMITED"),
        Make("9", Schema.Vessel, "LONG XING 638"),
        Make("10", Schema.Vessel, "LONG XING 635"),
        Make("11", Schema.Organization, "SEVERO ZAPADNOE PGO AO"),
        Make("12", Schema.Organization, "DALNEVOSTOCHNOE PGO AO"),
    ];
}
