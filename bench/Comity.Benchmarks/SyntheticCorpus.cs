using System.Collections.Immutable;
using System.Globalization;
using Comity.Core.Model;

namespace Comity.Benchmarks;

/// <summary>Deterministic synthetic screening corpus: persons with aliases, birth dates and nationalities, companies
/// with legal forms, vessels; names built from syllables so that tokens have a realistic spread of frequencies.</summary>
internal static class SyntheticCorpus
{
    private static readonly string[] Syllables =
    [
        "ka", "ri", "mo", "ta", "sel", "van", "dor", "li", "ne", "ro", "mas", "ul", "zen", "pa", "bo", "ha", "mi", "sha", "ter",
        "lo", "gu", "in", "ar", "ko", "vi", "nu", "el", "sa", "dra", "yu", "fa", "ben", "tor", "qui", "al", "ja", "stan", "ov",
    ];

    private static readonly string[] CommonGiven = ["Mohammed", "Ali", "John", "Maria", "Sergey", "Ahmad", "Kim", "Li"];

    private static readonly string[] LegalForms = ["LLC", "Ltd", "JSC", "GmbH", "OOO", "S.A.", "Co., Ltd.", "Limited", "PJSC", "Inc."];

    private static readonly string[] Generic = ["Trading", "Shipping", "Group", "Holding", "Energy", "Industries", "International", "Services"];

    private static readonly string[] Countries = ["ru", "ir", "kp", "sy", "cn", "ve", "by", "ae"];

    public static Entity[] Generate(int count, int seed = 20261127)
    {
        var random = new Random(seed);
        var entities = new Entity[count];
        for (var i = 0; i < count; i++)
        {
            var id = i.ToString(CultureInfo.InvariantCulture);
            var kind = random.Next(10);
            entities[i] = kind switch
            {
                < 6 => Person(id, random),
                < 9 => Company(id, random),
                _ => Vessel(id, random),
            };
        }

        return entities;
    }

    /// <summary>A query derived from a listed name: exact, with a typo, reordered or shortened.</summary>
    public static Query QueryFor(Entity entity, Random random)
    {
        var name = entity.Names[random.Next(entity.Names.Length)].Full;
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        switch (random.Next(4))
        {
            case 0 when words.Count > 1:
                words.Reverse();
                name = string.Join(' ', words);
                break;
            case 1:
                var chars = name.ToCharArray();
                var at = random.Next(chars.Length);
                chars[at] = chars[at] == ' ' ? ' ' : (char)('a' + random.Next(26));
                name = new string(chars);
                break;
            case 2 when words.Count > 2:
                words.RemoveAt(1);
                name = string.Join(' ', words);
                break;
            default:
                break;
        }

        return new Query { Names = [name], Schema = entity.Schema == Schema.Vessel ? Schema.Vessel : Schema.LegalEntity };
    }

    private static string Word(Random random)
    {
        var n = 2 + random.Next(2);
        var chars = new char[12];
        var len = 0;
        for (var s = 0; s < n; s++)
        {
            foreach (var c in Syllables[random.Next(Syllables.Length)])
            {
                chars[len++] = c;
            }
        }

        chars[0] = char.ToUpperInvariant(chars[0]);
        return new string(chars, 0, len);
    }

    private static Entity Person(string id, Random random)
    {
        var given = random.Next(5) == 0 ? CommonGiven[random.Next(CommonGiven.Length)] : Word(random);
        var family = Word(random);
        var middle = random.Next(3) == 0 ? " " + Word(random) : string.Empty;
        var names = ImmutableArray.CreateBuilder<EntityName>();
        names.Add(new EntityName($"{family.ToUpperInvariant()}, {given}{middle}"));
        for (var a = random.Next(3); a > 0; a--)
        {
            names.Add(new EntityName($"{given} {Word(random)}", NameKind.Alias));
        }

        return new Entity
        {
            Id = Entity.MakeId("synthetic", id),
            Source = "synthetic",
            SourceId = id,
            Schema = Schema.Person,
            Names = names.ToImmutable(),
            BirthDates = [new FuzzyDate(new PartialDate(1940 + random.Next(60), 1 + random.Next(12), 1 + random.Next(28)))],
            Nationalities = [Countries[random.Next(Countries.Length)]],
            Gender = random.Next(2) == 0 ? Gender.Male : Gender.Female,
        };
    }

    private static Entity Company(string id, Random random)
    {
        var core = random.Next(3) == 0 ? $"{Word(random)} {Generic[random.Next(Generic.Length)]}" : $"{Word(random)} {Word(random)}";
        var form = LegalForms[random.Next(LegalForms.Length)];
        return new Entity
        {
            Id = Entity.MakeId("synthetic", id),
            Source = "synthetic",
            SourceId = id,
            Schema = Schema.Company,
            Names = [new EntityName($"{core} {form}"), new EntityName(core.ToUpperInvariant(), NameKind.Alias)],
            Identifiers = [new Identifier(IdentifierType.Registration, (1_000_000 + random.Next(9_000_000)).ToString(CultureInfo.InvariantCulture))],
        };
    }

    private static Entity Vessel(string id, Random random) => new()
    {
        Id = Entity.MakeId("synthetic", id),
        Source = "synthetic",
        SourceId = id,
        Schema = Schema.Vessel,
        Names = [new EntityName($"{Word(random)} {Word(random)}")],
        CrossReferences = [new CrossReference("IMO", (9_000_000 + random.Next(999_999)).ToString(CultureInfo.InvariantCulture))],
    };
}
