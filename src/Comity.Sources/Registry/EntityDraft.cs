using System.Collections.Immutable;
using Comity.Core.Model;

namespace Comity.Sources.Registry;

/// <summary>A mutable entity under construction. Readers add values in any order and with repeats;
/// <see cref="Build"/> removes duplicates (names by text, dates by value, identifiers by type, number and
/// country) and returns the immutable <see cref="Entity"/>.</summary>
internal sealed class EntityDraft(string source, string sourceId, Schema schema)
{
    public string Source { get; } = source;

    public string SourceId { get; } = sourceId;

    public Schema Schema { get; set; } = schema;

    public List<EntityName> Names { get; } = [];

    public List<FuzzyDate> BirthDates { get; } = [];

    public List<Place> BirthPlaces { get; } = [];

    public List<string> Nationalities { get; } = [];

    public List<string> Citizenships { get; } = [];

    public Gender Gender { get; set; }

    public List<Address> Addresses { get; } = [];

    public List<Identifier> Identifiers { get; } = [];

    public List<string> Programs { get; } = [];

    public List<string> Topics { get; } = [];

    public PartialDate? ListedOn { get; set; }

    public List<string> Titles { get; } = [];

    public string? Remarks { get; set; }

    public List<CrossReference> CrossReferences { get; } = [];

    public List<EntityProperty> Properties { get; } = [];

    public void AddProperty(string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            Properties.Add(new EntityProperty(name, value));
        }
    }

    public Entity Build() => new()
    {
        Id = Entity.MakeId(Source, SourceId),
        Source = Source,
        SourceId = SourceId,
        Schema = Schema,
        Names = DistinctNames(Names),
        BirthDates = [.. BirthDates.DistinctBy(d => (d.From, d.To, d.Circa, d.Calendar))],
        BirthPlaces = [.. BirthPlaces.Distinct()],
        Nationalities = [.. Nationalities.Distinct(StringComparer.Ordinal)],
        Citizenships = [.. Citizenships.Distinct(StringComparer.Ordinal)],
        Gender = Gender,
        Addresses = [.. Addresses.Distinct()],
        Identifiers = [.. Identifiers.DistinctBy(i => (i.Type, i.Normalized, i.Country))],
        Programs = [.. Programs.Distinct(StringComparer.Ordinal)],
        Topics = [.. Topics.Distinct(StringComparer.Ordinal)],
        ListedOn = ListedOn,
        Titles = [.. Titles.Distinct(StringComparer.Ordinal)],
        Remarks = Remarks,
        CrossReferences = [.. CrossReferences.Distinct()],
        Properties = [.. Properties.Distinct()],
    };

    /// <summary>Keeps the first occurrence of each full name, so a primary name wins over an identical alias and a
    /// strong alias over an identical weak one (readers add them in that order).</summary>
    private static ImmutableArray<EntityName> DistinctNames(List<EntityName> names)
    {
        var ordered = names.OrderBy(n => Rank(n.Kind)).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = ImmutableArray.CreateBuilder<EntityName>(ordered.Count);
        foreach (var n in ordered)
        {
            if (seen.Add(n.Full))
            {
                result.Add(n);
            }
        }

        return result.ToImmutable();
    }

    private static int Rank(NameKind kind) => kind switch
    {
        NameKind.Primary => 0,
        NameKind.Alias => 1,
        NameKind.Former => 2,
        _ => 3,
    };
}
