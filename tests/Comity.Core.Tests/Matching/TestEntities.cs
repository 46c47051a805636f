using System.Collections.Immutable;
using Comity.Core.Matching;
using Comity.Core.Model;

namespace Comity.Core.Tests.Matching;

/// <summary>Hand-built entities and a small background corpus that gives common words (Mohammed, Company,
/// Trading, Limited) realistic low rarity.</summary>
internal static class TestEntities
{
    private static int s_next;

    public static Entity Make(Schema schema, params string[] names) => Make(schema, names, null);

    public static Entity Make(Schema schema, string[] names, Func<Entity, Entity>? configure)
    {
        var id = Interlocked.Increment(ref s_next).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var e = new Entity
        {
            Id = Entity.MakeId("test", id),
            Source = "test",
            SourceId = id,
            Schema = schema,
            Names = [.. names.Select((n, i) => new EntityName(n, i == 0 ? NameKind.Primary : NameKind.Alias))],
        };
        return configure is null ? e : configure(e);
    }

    public static Entity Person(params string[] names) => Make(Schema.Person, names);

    public static Entity Company(params string[] names) => Make(Schema.Company, names);

    public static Entity Vessel(params string[] names) => Make(Schema.Vessel, names);

    public static readonly ImmutableArray<Entity> Background =
    [
        Person("Mohammed Ali Hassan"), Person("Mohammed Abdullah"), Person("Muhammad Yusuf", "Mohamed Yousef"),
        Person("Mohammed Omar"), Person("Ali Reza Mohammadi"), Person("Ahmed Mohammed Saleh"), Person("John Smith"),
        Person("John Williams"), Person("Juan Carlos Perez"), Person("Maria Garcia"), Person("Kim Jong Un", "Kim Jong-un"),
        Person("Kim Jong Man"), Person("George Habbash", "George Habash"), Person("Abu Bakr al-Baghdadi"),
        Person("Ivan Ivanovich Petrov"), Person("Sergey Ivanov"), Person("Nicolas MADURO MOROS"),
        Person("Muammar QADHAFI", "Muammar GADDAFI", "Muammar AL-QADHAFI"), Person("Saif al-Islam QADHAFI", "Saif al-Islam GADDAFI"),
        Company("Global Trading Company Limited"), Company("Sea Star Trading LLC"), Company("Al Noor Trading Company"),
        Company("Eastern Shipping Company"), Company("Petro Energy Group Ltd"), Company("Emma LLC"), Company("11420 CORP."),
        Company("Rosneft Oil Company", "OAO Rosneft"), Company("Bank Melli Iran"), Company("Alpha Beta Company"),
        Company("National Iranian Oil Company"), Company("Golden Star Company"), Company("United Aviation Company"),
        Company("LAU Aviation"), Company("Deutsche Bank GmbH"), Company("Guangzhou Haige Communications Group Incorporated Company"),
        Company("Lukoil Oil Company"), Company("Mahan Air"), Company("Iran Air"), Vessel("Snow Storm 1"), Vessel("Ocean Star"),
        Make(Schema.Airplane, "EP-MNA"),
    ];

    public static MatchIndex Index(params Entity[] extra) => MatchIndex.Build([.. Background, .. extra]);

    public static Query Q(string name, Schema schema = Schema.LegalEntity) => new() { Names = [name], Schema = schema };
}
