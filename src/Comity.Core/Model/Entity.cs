using System.Collections.Immutable;

namespace Comity.Core.Model;

/// <summary>One listing of a subject by one authority: immutable.</summary>
/// <remarks>
/// <see cref="Id"/> is stable across runs: <c>{source}:{source_id}</c>. <see cref="Source"/> is a dataset name such
/// as <c>us-ofac-sdn</c> or <c>un-sc</c>; <see cref="SourceId"/> is the authority's own key.
/// </remarks>
public sealed record Entity
{
    public required string Id { get; init; }

    public required string Source { get; init; }

    public required string SourceId { get; init; }

    public required Schema Schema { get; init; }

    /// <summary>All names; the first <see cref="NameKind.Primary"/> one is the caption.</summary>
    public required ImmutableArray<EntityName> Names { get; init; }

    public ImmutableArray<FuzzyDate> BirthDates { get; init; } = [];

    public ImmutableArray<Place> BirthPlaces { get; init; } = [];

    /// <summary>Nationalities, ISO alpha-2 lowercase.</summary>
    public ImmutableArray<string> Nationalities { get; init; } = [];

    /// <summary>Citizenships, ISO alpha-2 lowercase.</summary>
    public ImmutableArray<string> Citizenships { get; init; } = [];

    public Gender Gender { get; init; }

    public ImmutableArray<Address> Addresses { get; init; } = [];

    public ImmutableArray<Identifier> Identifiers { get; init; } = [];

    /// <summary>Programme or regime codes as the list writes them (e.g. <c>SDGT</c>, <c>RUSSIA-EO14024</c>,
    /// <c>Al-Qaida</c>).</summary>
    public ImmutableArray<string> Programs { get; init; } = [];

    /// <summary>FtM topics, e.g. <c>sanction</c>, <c>wanted</c>.</summary>
    public ImmutableArray<string> Topics { get; init; } = [];

    public PartialDate? ListedOn { get; init; }

    /// <summary>Titles and positions (not matched).</summary>
    public ImmutableArray<string> Titles { get; init; } = [];

    public string? Remarks { get; init; }

    public ImmutableArray<CrossReference> CrossReferences { get; init; } = [];

    /// <summary>Other properties kept for display and for the law engine.</summary>
    public ImmutableArray<EntityProperty> Properties { get; init; } = [];

    /// <summary>The display name: the first primary name, else the first name.</summary>
    public string Caption => Names.IsDefaultOrEmpty
        ? SourceId
        : (Names.FirstOrDefault(n => n.Kind == NameKind.Primary) ?? Names[0]).Full;

    /// <summary>Countries of any kind (nationality, citizenship, address, birth place), distinct.</summary>
    public IEnumerable<string> AllCountries =>
        Nationalities.Concat(Citizenships)
            .Concat(Addresses.Select(a => a.Country).OfType<string>())
            .Concat(BirthPlaces.Select(p => p.Country).OfType<string>())
            .Distinct(StringComparer.Ordinal);

    /// <summary>The value of the first property with this name, if any.</summary>
    public string? Property(string name)
    {
        foreach (var p in Properties)
        {
            if (string.Equals(p.Name, name, StringComparison.Ordinal))
            {
                return p.Value;
            }
        }

        return null;
    }

    /// <summary>Builds the stable id from a dataset name and the authority's key.</summary>
    public static string MakeId(string source, string sourceId) => $"{source}:{sourceId}";
}
