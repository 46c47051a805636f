using System.Collections.Immutable;
using Comity.Core.Model;
using Comity.Core.Text;
using Comity.Sources.Common;

namespace Comity.Sources.Custom;

/// <summary>A mutable entity under construction: collects values with de-duplication, then builds the immutable
/// <see cref="Entity"/>.</summary>
internal sealed class EntityDraft(string source, string sourceId, Schema schema)
{
    private readonly List<EntityName> _names = [];
    private readonly HashSet<string> _nameKeys = new(StringComparer.Ordinal);
    private readonly List<FuzzyDate> _birthDates = [];
    private readonly List<Place> _birthPlaces = [];
    private readonly List<string> _nationalities = [];
    private readonly List<string> _citizenships = [];
    private readonly List<Address> _addresses = [];
    private readonly List<Identifier> _identifiers = [];
    private readonly List<string> _programs = [];
    private readonly List<string> _topics = [];
    private readonly List<string> _titles = [];
    private readonly List<string> _remarks = [];
    private readonly List<CrossReference> _crossReferences = [];
    private readonly List<EntityProperty> _properties = [];

    public string Source { get; } = source;

    public string SourceId { get; } = sourceId;

    public Schema Schema { get; set; } = schema;

    public Gender Gender { get; set; }

    public PartialDate? ListedOn { get; private set; }

    public IReadOnlyList<EntityName> Names => _names;

    public IReadOnlyList<string> Programs => _programs;

    /// <summary>Adds a name unless the same text is already present (the first kind wins, so add primaries first).</summary>
    public void AddName(string? full, NameKind kind, NameParts? parts = null, string? language = null)
    {
        var f = TextValue.Clean(full);
        if (f is null || !_nameKeys.Add(f))
        {
            return;
        }

        _names.Add(new EntityName(f, kind, parts is { IsEmpty: false } ? parts : null, language));
    }

    public void AddBirthDate(FuzzyDate? date)
    {
        if (date is not null && !_birthDates.Any(d => d.From == date.From && d.To == date.To && d.Circa == date.Circa))
        {
            _birthDates.Add(date);
        }
    }

    public void AddBirthPlace(string? text, string? country = null)
    {
        var t = TextValue.Clean(text);
        if (t is not null && !_birthPlaces.Any(p => p.Text == t))
        {
            _birthPlaces.Add(new Place(t, country ?? Countries.Resolve(LastPart(t))));
        }
    }

    /// <summary>Adds a nationality given as a name or code; returns false when it does not resolve.</summary>
    public bool AddNationality(string? text) => AddCountry(_nationalities, text);

    public bool AddCitizenship(string? text) => AddCountry(_citizenships, text);

    public void AddAddress(Address? address)
    {
        if (address is not null && !string.IsNullOrEmpty(address.Full) && !_addresses.Any(a => a.Full == address.Full))
        {
            _addresses.Add(address);
        }
    }

    public void AddIdentifier(IdentifierType type, string? value, string? country = null, string? note = null)
    {
        var v = TextValue.Clean(value);
        if (v is null)
        {
            return;
        }

        var id = new Identifier(type, v, country, TextValue.Clean(note));
        if (id.Normalized.Length > 0 && !_identifiers.Any(i => i.Type == type && i.Normalized == id.Normalized && i.Country == country))
        {
            _identifiers.Add(id);
        }
    }

    public void AddProgram(string? program) => AddText(_programs, program);

    public void AddTopic(string topic) => AddText(_topics, topic);

    public void AddTitle(string? title) => AddText(_titles, title);

    public void AddRemark(string? remark) => AddText(_remarks, remark);

    public void AddCrossReference(string scheme, string? value)
    {
        var v = TextValue.Clean(value);
        if (v is not null && !_crossReferences.Any(c => c.Scheme == scheme && c.Value == v))
        {
            _crossReferences.Add(new CrossReference(scheme, v));
        }
    }

    /// <summary>Adds a property value unless the same name and value are already present.</summary>
    public void AddProperty(string name, string? value)
    {
        var v = TextValue.Clean(value);
        if (v is not null && !_properties.Any(p => p.Name == name && p.Value == v))
        {
            _properties.Add(new EntityProperty(name, v));
        }
    }

    public bool HasProperty(string name) => _properties.Any(p => p.Name == name);

    /// <summary>Keeps the earliest listing date seen.</summary>
    public void SetListedOn(PartialDate? date)
    {
        if (date is { } d && (ListedOn is null || d < ListedOn.Value))
        {
            ListedOn = d;
        }
    }

    /// <summary>The entity, or null when it has no name.</summary>
    public Entity? Build()
    {
        if (_names.Count == 0)
        {
            return null;
        }

        // The caption is the first primary name: make sure one exists.
        var names = _names.Any(n => n.Kind == NameKind.Primary)
            ? _names.ToImmutableArray()
            : _names.Select((n, i) => i == 0 ? n with { Kind = NameKind.Primary } : n).ToImmutableArray();
        return new Entity
        {
            Id = Entity.MakeId(Source, SourceId),
            Source = Source,
            SourceId = SourceId,
            Schema = Schema,
            Names = names,
            BirthDates = [.. _birthDates],
            BirthPlaces = [.. _birthPlaces],
            Nationalities = [.. _nationalities],
            Citizenships = [.. _citizenships],
            Gender = Gender,
            Addresses = [.. _addresses],
            Identifiers = [.. _identifiers],
            Programs = [.. _programs],
            Topics = [.. _topics],
            ListedOn = ListedOn,
            Titles = [.. _titles],
            Remarks = _remarks.Count == 0 ? null : string.Join(" ", _remarks),
            CrossReferences = [.. _crossReferences],
            Properties = [.. _properties],
        };
    }

    private static bool AddCountry(List<string> list, string? text)
    {
        var t = TextValue.Clean(text);
        if (t is null || !Countries.TryResolve(t, out var iso))
        {
            return false;
        }

        if (!list.Contains(iso))
        {
            list.Add(iso);
        }

        return true;
    }

    private static void AddText(List<string> list, string? value)
    {
        var v = TextValue.Clean(value);
        if (v is not null && !list.Contains(v))
        {
            list.Add(v);
        }
    }

    private static string LastPart(string text)
    {
        var i = text.LastIndexOf(',');
        return i >= 0 ? text[(i + 1)..] : text;
    }
}
