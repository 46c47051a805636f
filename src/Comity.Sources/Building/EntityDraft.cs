using Comity.Core.Model;
using Comity.Core.Text;

namespace Comity.Sources.Building;

/// <summary>Collects the facts of one listed subject from one or many source rows (denormalised lists repeat them)
/// and builds an immutable <see cref="Entity"/>. Every reader builds its entities through this one class.</summary>
/// <remarks>
/// <para><b>The duplicate rule.</b> Every collection keeps its values in order of first appearance and drops a value
/// equal to one already present, where equal means:</para>
/// <list type="bullet">
/// <item>names: the same full text (ordinal). The strongest kind seen wins (Primary, then Alias, Former,
/// WeakAlias); the first language seen is kept, and the first name parts (filled in from a later copy when missing);</item>
/// <item>birth dates: the same value (from, to, circa, calendar), whatever the raw text;</item>
/// <item>identifiers: the same type, normalised value and country (the first note wins); an identifier whose
/// normalised value is empty is dropped;</item>
/// <item>birth places, addresses, cross-references and properties: every field equal;</item>
/// <item>countries, programmes, topics and titles: the same text (ordinal).</item>
/// </list>
/// <para>Blank values (null, empty, white space) are ignored. Names, places and identifiers given as text, and
/// programmes, topics, titles and cross-references, are cleaned with <see cref="TextValue.Clean(string?)"/> before
/// they are compared; remarks, property values and values passed as model records are taken as they are.
/// In the built entity the names are ordered by kind, strongest first (primary, alias, former, weak alias), and in
/// order of first appearance within a kind.</para>
/// </remarks>
internal sealed class EntityDraft(string source, string sourceId, Schema schema)
{
    private readonly List<EntityName> _names = [];
    private readonly Dictionary<string, int> _nameIndex = new(StringComparer.Ordinal);
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

    /// <summary>The names collected so far, in order of first appearance.</summary>
    public IReadOnlyList<EntityName> Names => _names;

    /// <summary>The programmes collected so far.</summary>
    public IReadOnlyList<string> Programs => _programs.Items;

    /// <summary>The remarks collected so far.</summary>
    public IReadOnlyList<string> Remarks => _remarks.Items;

    /// <summary>Adds a name; a name with the same full text already present keeps the stronger kind, its language,
    /// and the parts it has (taking them from <paramref name="name"/> when it has none).</summary>
    public void AddName(EntityName? name)
    {
        if (name is null || string.IsNullOrWhiteSpace(name.Full))
        {
            return;
        }

        if (!_nameIndex.TryGetValue(name.Full, out var i))
        {
            _nameIndex.Add(name.Full, _names.Count);
            _names.Add(name);
            return;
        }

        var existing = _names[i];
        var merged = existing with
        {
            Kind = Strength(name.Kind) > Strength(existing.Kind) ? name.Kind : existing.Kind,
            Parts = existing.Parts ?? name.Parts,
        };
        if (merged != existing)
        {
            _names[i] = merged;
        }
    }

    /// <summary>Adds a name from its cleaned text; empty <paramref name="parts"/> are dropped.</summary>
    public void AddName(string? full, NameKind kind, NameParts? parts = null, string? language = null)
    {
        if (TextValue.Clean(full) is { } f)
        {
            AddName(new EntityName(f, kind, parts is { IsEmpty: false } ? parts : null, language));
        }
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

    public void AddBirthDates(IEnumerable<FuzzyDate> dates)
    {
        foreach (var d in dates)
        {
            AddBirthDate(d);
        }
    }

    public void AddBirthPlace(Place? place)
    {
        if (place is not null && !string.IsNullOrWhiteSpace(place.Text))
        {
            _birthPlaces.Add(place);
        }
    }

    /// <summary>Adds a place of birth from its cleaned text; without <paramref name="country"/>, the country is
    /// resolved from the text after its last comma (or the whole text).</summary>
    public void AddBirthPlace(string? text, string? country = null)
    {
        if (TextValue.Clean(text) is { } t)
        {
            AddBirthPlace(new Place(t, country ?? Countries.Resolve(LastPart(t))));
        }
    }

    /// <summary>Adds a nationality given as an ISO alpha-2 code (lowercase).</summary>
    public void AddNationality(string? iso2) => AddCode(_nationalities, iso2);

    /// <summary>Adds a citizenship given as an ISO alpha-2 code (lowercase).</summary>
    public void AddCitizenship(string? iso2) => AddCode(_citizenships, iso2);

    /// <summary>Adds a nationality given as a country name or code; false when it does not resolve.</summary>
    public bool TryAddNationality(string? text) => TryAddCountry(_nationalities, text);

    /// <summary>Adds a citizenship given as a country name or code; false when it does not resolve.</summary>
    public bool TryAddCitizenship(string? text) => TryAddCountry(_citizenships, text);

    public void AddAddress(Address? address)
    {
        if (address is not null && !string.IsNullOrWhiteSpace(address.Full))
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

    /// <summary>Adds an identifier from its cleaned value and note.</summary>
    public void AddIdentifier(IdentifierType type, string? value, string? country = null, string? note = null)
    {
        if (TextValue.Clean(value) is { } v)
        {
            AddIdentifier(new Identifier(type, v, country, TextValue.Clean(note)));
        }
    }

    public void AddProgram(string? program) => AddText(_programs, program);

    public void AddTopic(string? topic) => AddText(_topics, topic);

    public void AddTitle(string? title) => AddText(_titles, title);

    /// <summary>Adds a remark as given (free text keeps its spacing and line breaks); blank remarks are ignored.</summary>
    public void AddRemark(string? remark)
    {
        if (!string.IsNullOrWhiteSpace(remark))
        {
            _remarks.Add(remark);
        }
    }

    public void AddCrossReference(string scheme, string? value)
    {
        if (TextValue.Clean(value) is { } v)
        {
            _crossReferences.Add(new CrossReference(scheme, v));
        }
    }

    /// <summary>Adds a property value as given; blank values are ignored.</summary>
    public void AddProperty(string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            _properties.Add(new EntityProperty(name, value));
        }
    }

    public bool HasProperty(string name) => _properties.Items.Any(p => string.Equals(p.Name, name, StringComparison.Ordinal));

    /// <summary>Keeps the earliest listing date seen.</summary>
    public void SetListedOn(PartialDate? date)
    {
        if (date is { } d && (ListedOn is null || d < ListedOn.Value))
        {
            ListedOn = d;
        }
    }

    public Entity Build() => new()
    {
        Id = Entity.MakeId(Source, SourceId),
        Source = Source,
        SourceId = SourceId,
        Schema = Schema,
        Names = [.. _names.OrderByDescending(n => Strength(n.Kind))],
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

    /// <summary>The entity, with a primary name ensured (<see cref="EnsurePrimary"/>), or null when it has no name.</summary>
    public Entity? BuildNamed()
    {
        if (_names.Count == 0)
        {
            return null;
        }

        EnsurePrimary();
        return Build();
    }

    private static int Strength(NameKind kind) => kind switch
    {
        NameKind.Primary => 3,
        NameKind.Alias => 2,
        NameKind.Former => 1,
        _ => 0,
    };

    private static void AddCode(OrderedSet<string> set, string? iso2)
    {
        if (!string.IsNullOrWhiteSpace(iso2))
        {
            set.Add(iso2);
        }
    }

    private static bool TryAddCountry(OrderedSet<string> set, string? text)
    {
        if (TextValue.Clean(text) is not { } t || !Countries.TryResolve(t, out var iso))
        {
            return false;
        }

        set.Add(iso);
        return true;
    }

    private static void AddText(OrderedSet<string> set, string? text)
    {
        if (TextValue.Clean(text) is { } t)
        {
            set.Add(t);
        }
    }

    private static string LastPart(string text)
    {
        var i = text.LastIndexOf(',');
        return i >= 0 ? text[(i + 1)..] : text;
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
