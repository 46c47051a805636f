using Comity.Core.Model;

namespace Comity.Sources.Building;

/// <summary>Collects the facts of one listed subject from one or many source rows (denormalised lists repeat them)
/// and builds an immutable <see cref="Entity"/>. Every collection is de-duplicated in order of first appearance;
/// a name seen with several kinds keeps the strongest (Primary, then Alias, Former, WeakAlias). Primary names come
/// first in the built entity.</summary>
internal sealed class EntityDraft(string source, string sourceId, Schema schema)
{
    private readonly List<EntityName> _names = [];
    private readonly OrderedSet<FuzzyDate> _birthDates = new(BirthDateComparer.Instance);
    private readonly OrderedSet<Place> _birthPlaces = new();
    private readonly OrderedSet<string> _nationalities = new(StringComparer.Ordinal);
    private readonly OrderedSet<string> _citizenships = new(StringComparer.Ordinal);
    private readonly OrderedSet<Address> _addresses = new();
    private readonly OrderedSet<Identifier> _identifiers = new(IdentifierComparer.Instance);
    private readonly OrderedSet<string> _programs = new(StringComparer.Ordinal);
    private readonly OrderedSet<string> _topics = new(StringComparer.Ordinal);
    private readonly OrderedSet<string> _titles = new(StringComparer.Ordinal);
    private readonly OrderedSet<string> _remarks = new(StringComparer.Ordinal);
    private readonly OrderedSet<CrossReference> _crossReferences = new();
    private readonly OrderedSet<EntityProperty> _properties = new();

    public string Source { get; } = source;

    public string SourceId { get; } = sourceId;

    public Schema Schema { get; set; } = schema;

    public Gender Gender { get; set; }

    public PartialDate? ListedOn { get; set; }

    public int NameCount => _names.Count;

    /// <summary>Adds a name; an equal name (full text and language) already present keeps the stronger kind and
    /// the parts it has.</summary>
    public void AddName(EntityName? name)
    {
        if (name is null)
        {
            return;
        }

        for (var i = 0; i < _names.Count; i++)
        {
            var existing = _names[i];
            if (string.Equals(existing.Full, name.Full, StringComparison.Ordinal)
                && string.Equals(existing.Language, name.Language, StringComparison.Ordinal))
            {
                if (Strength(name.Kind) > Strength(existing.Kind))
                {
                    _names[i] = existing with { Kind = name.Kind, Parts = existing.Parts ?? name.Parts };
                }
                else if (existing.Parts is null && name.Parts is not null)
                {
                    _names[i] = existing with { Parts = name.Parts };
                }

                return;
            }
        }

        _names.Add(name);
    }

    /// <summary>When no name is primary, promotes the first strong alias (else the first name); true when it did.</summary>
    public bool EnsurePrimary()
    {
        if (_names.Count == 0 || _names.Exists(n => n.Kind == NameKind.Primary))
        {
            return false;
        }

        var i = _names.FindIndex(n => n.Kind == NameKind.Alias);
        i = i < 0 ? 0 : i;
        _names[i] = _names[i] with { Kind = NameKind.Primary };
        return true;
    }

    public void AddBirthDate(FuzzyDate? date)
    {
        if (date is not null)
        {
            _birthDates.Add(date);
        }
    }

    public void AddBirthPlace(Place? place)
    {
        if (place is not null)
        {
            _birthPlaces.Add(place);
        }
    }

    public void AddNationality(string? iso2) => AddCode(_nationalities, iso2);

    public void AddCitizenship(string? iso2) => AddCode(_citizenships, iso2);

    public void AddAddress(Address? address)
    {
        if (address is not null)
        {
            _addresses.Add(address);
        }
    }

    public void AddIdentifier(Identifier? identifier)
    {
        if (identifier is not null && identifier.Normalized.Length > 0)
        {
            _identifiers.Add(identifier);
        }
    }

    public void AddProgram(string? program) => AddText(_programs, program);

    public void AddTopic(string topic) => _topics.Add(topic);

    public void AddTitle(string? title) => AddText(_titles, title);

    public void AddRemark(string? remark) => AddText(_remarks, remark);

    public void AddCrossReference(string scheme, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            _crossReferences.Add(new CrossReference(scheme, value.Trim()));
        }
    }

    public void AddProperty(string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            _properties.Add(new EntityProperty(name, value));
        }
    }

    public bool HasProperty(string name) => _properties.Items.Any(p => string.Equals(p.Name, name, StringComparison.Ordinal));

    public Entity Build() => new()
    {
        Id = Entity.MakeId(Source, SourceId),
        Source = Source,
        SourceId = SourceId,
        Schema = Schema,
        Names = [.. _names.Where(n => n.Kind == NameKind.Primary), .. _names.Where(n => n.Kind != NameKind.Primary)],
        BirthDates = [.. _birthDates.Items],
        BirthPlaces = [.. _birthPlaces.Items],
        Nationalities = [.. _nationalities.Items],
        Citizenships = [.. _citizenships.Items],
        Gender = Gender,
        Addresses = [.. _addresses.Items],
        Identifiers = [.. _identifiers.Items],
        Programs = [.. _programs.Items],
        Topics = [.. _topics.Items],
        ListedOn = ListedOn,
        Titles = [.. _titles.Items],
        Remarks = _remarks.Count == 0 ? null : string.Join("\n", _remarks.Items),
        CrossReferences = [.. _crossReferences.Items],
        Properties = [.. _properties.Items],
    };

    private static int Strength(NameKind kind) => kind switch
    {
        NameKind.Primary => 3,
        NameKind.Alias => 2,
        NameKind.Former => 1,
        _ => 0,
    };

    private static void AddCode(OrderedSet<string> set, string? iso2)
    {
        if (!string.IsNullOrEmpty(iso2))
        {
            set.Add(iso2);
        }
    }

    private static void AddText(OrderedSet<string> set, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            set.Add(text);
        }
    }

    /// <summary>Birth dates are equal when they denote the same value (the raw text may differ).</summary>
    private sealed class BirthDateComparer : IEqualityComparer<FuzzyDate>
    {
        public static readonly BirthDateComparer Instance = new();

        public bool Equals(FuzzyDate? x, FuzzyDate? y) =>
            x is not null && y is not null && x.From == y.From && x.To == y.To && x.Circa == y.Circa && x.Calendar == y.Calendar;

        public int GetHashCode(FuzzyDate obj) => HashCode.Combine(obj.From, obj.To, obj.Circa, obj.Calendar);
    }

    /// <summary>Identifiers are equal when type, normalised value and country agree.</summary>
    private sealed class IdentifierComparer : IEqualityComparer<Identifier>
    {
        public static readonly IdentifierComparer Instance = new();

        public bool Equals(Identifier? x, Identifier? y) =>
            x is not null && y is not null && x.Type == y.Type && string.Equals(x.Normalized, y.Normalized, StringComparison.Ordinal)
            && string.Equals(x.Country, y.Country, StringComparison.Ordinal);

        public int GetHashCode(Identifier obj) => HashCode.Combine(obj.Type, obj.Normalized, obj.Country);
    }
}
