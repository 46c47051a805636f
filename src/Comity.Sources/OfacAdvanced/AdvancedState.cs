using System.Collections.Immutable;
using System.Xml;
using System.Xml.Linq;
using Comity.Core.Model;
using Comity.Sources.Abstractions;
using Comity.Sources.Common;

namespace Comity.Sources.OfacAdvanced;

/// <summary>What the single pass accumulates.</summary>
internal sealed class AdvancedState(string file)
{
    private static readonly HashSet<string> Handled =
        new(["DateOfIssue", "ReferenceValueSets", "Location", "IDRegDocument", "DistinctParty", "ProfileRelationship", "SanctionsEntry"], StringComparer.Ordinal);

    private readonly AdvancedValueSets _values = new();
    private readonly Dictionary<string, AdvancedLocation> _locations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<AdvancedDocument>> _documents = new(StringComparer.Ordinal);
    private readonly List<Entity> _entities = [];
    private readonly Dictionary<string, int> _byProfile = new(StringComparer.Ordinal);
    private readonly Dictionary<int, AdvancedEntry> _pending = [];
    private readonly List<(string From, string To, string? Type, string? Former)> _relationships = [];
    private readonly HashSet<string> _onSdn = new(StringComparer.Ordinal);
    private readonly ImmutableArray<Diagnostic>.Builder _diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private string? _published;

    private static bool Handles(string local) => Handled.Contains(local);

    /// <summary>Reads the element the reader is on when it is one the pass handles (true), else leaves it (false).</summary>
    public bool Visit(XmlReader xml)
    {
        if (!Handles(xml.LocalName))
        {
            return false;
        }

        var line = SafeXml.Line(xml);
        var local = xml.LocalName;
        Accept(local, SafeXml.ReadElement(xml), line);
        return true;
    }

    /// <summary>True when a <c>ReferenceValueSets</c> element was read, so type ids resolve to labels.</summary>
    public bool HasValueSets => _counts.ContainsKey("ReferenceValueSets");

    /// <summary>True when an element that refers to reference values (anything but <c>DateOfIssue</c>) was read.</summary>
    public bool HasTypedRecords => _counts.Keys.Any(k => k is not ("DateOfIssue" or "ReferenceValueSets"));

    /// <summary>Adds a diagnostic about the file as a whole.</summary>
    public void Report(Diagnostic diagnostic) => _diagnostics.Add(diagnostic);

    public void Accept(string local, XElement e, int line)
    {
        _counts[local] = _counts.GetValueOrDefault(local) + 1;
        var location = $"{local}[{_counts[local]}] (line {line})";
        switch (local)
        {
            case "DateOfIssue":
                _published = AdvancedDates.Date(e)?.ToString();
                break;
            case "ReferenceValueSets":
                _values.Load(e);
                break;
            case "Location":
                if (e.Attr("ID") is { } locationId)
                {
                    _locations[locationId] = AdvancedLocation.From(e, _values);
                }

                break;
            case "IDRegDocument":
                if (AdvancedDocument.From(e, _values) is { } doc)
                {
                    if (!_documents.TryGetValue(doc.IdentityId, out var list))
                    {
                        _documents[doc.IdentityId] = list = [];
                    }

                    list.Add(doc);
                }
                else
                {
                    _diagnostics.Add(new Diagnostic(file, location, "bad-document", "IDRegDocument without identity or number: skipped"));
                }

                break;
            case "DistinctParty":
                Party(e, location);
                break;
            case "ProfileRelationship":
                if (e.Attr("From-ProfileID") is { } from && e.Attr("To-ProfileID") is { } to)
                {
                    _relationships.Add((from, to, _values.Label("RelationType", e.Attr("RelationTypeID")), e.Attr("Former")));
                }

                break;
            case "SanctionsEntry":
                Entry(e, location);
                break;
            default:
                break;
        }
    }

    private void Party(XElement e, string location)
    {
        if (AdvancedParty.Build(e, _values, _locations, _documents) is not var (draft, profileId))
        {
            _diagnostics.Add(new Diagnostic(file, location, "bad-party", "DistinctParty without FixedRef or Profile: skipped", DiagnosticSeverity.Error));
            return;
        }

        if (draft.BuildNamed() is not { } entity)
        {
            _diagnostics.Add(new Diagnostic(file, $"{location} FixedRef={draft.SourceId}", "bad-party", "DistinctParty has no name: skipped", DiagnosticSeverity.Error));
            return;
        }

        // The entity is built now; what arrives later (entries, relationships) is kept per profile and merged at the end.
        _entities.Add(entity);
        if (profileId is not null)
        {
            _byProfile[profileId] = _entities.Count - 1;
        }
    }

    private void Entry(XElement e, string location)
    {
        var profileId = e.Attr("ProfileID");
        if (profileId is null || !_byProfile.TryGetValue(profileId, out var index))
        {
            _diagnostics.Add(new Diagnostic(file, location, "orphan-entry", $"SanctionsEntry for profile {profileId} that is not in the file"));
            return;
        }

        var pending = Pending(index);
        var list = _values.Label("List", e.Attr("ListID"));
        pending.Add("lists", list);
        if (list == "SDN List")
        {
            pending.OnSdn = true;
        }

        foreach (var ev in e.Els("EntryEvent"))
        {
            if (AdvancedDates.Date(ev.El("Date")) is { } date && (pending.ListedOn is null || date < pending.ListedOn.Value))
            {
                pending.ListedOn = date;
            }

            var legalBasisId = ev.Attr("LegalBasisID");
            pending.Add("legalBasis", _values.Label("LegalBasis", legalBasisId));
            pending.Add("legalBasisProgram", _values.Label("SanctionsProgram", _values.Attribute("LegalBasis", legalBasisId, "SanctionsProgramID")));
        }

        foreach (var measure in e.Els("SanctionsMeasure"))
        {
            var type = _values.Label("SanctionsType", measure.Attr("SanctionsTypeID"));
            var comment = measure.Text("Comment");
            if (type == "Program")
            {
                if (comment is not null && !pending.Programs.Contains(comment))
                {
                    pending.Programs.Add(comment);
                }
            }
            else
            {
                pending.Add("sanctionsType", comment is null ? type : $"{type}: {comment}");
            }
        }
    }

    private AdvancedEntry Pending(int index)
    {
        if (!_pending.TryGetValue(index, out var pending))
        {
            _pending[index] = pending = new AdvancedEntry();
        }

        return pending;
    }

    public LoadResult Finish(string path, string format)
    {
        foreach (var (from, to, type, former) in _relationships)
        {
            if (!_byProfile.TryGetValue(from, out var index))
            {
                continue;
            }

            var target = _byProfile.TryGetValue(to, out var t) ? _entities[t].SourceId : to;
            var pending = Pending(index);
            pending.Add("linkedTo", target);
            pending.Add("relationship", $"{type ?? "related to"}: {target}" + (former == "true" ? " (former)" : string.Empty));
        }

        var onSdn = _entities.Count > 0 && Enumerable.Range(0, _entities.Count).All(i => _pending.TryGetValue(i, out var p) && p.OnSdn);
        var source = onSdn ? "us-ofac-sdn" : "us-ofac-cons";
        var entities = ImmutableArray.CreateBuilder<Entity>(_entities.Count);
        for (var i = 0; i < _entities.Count; i++)
        {
            var e = _entities[i];
            e = e with { Source = source, Id = Entity.MakeId(source, e.SourceId) };
            entities.Add(_pending.TryGetValue(i, out var p) ? p.ApplyTo(e) : e);
        }

        var counts = _counts.Select(kv => (kv.Key, kv.Value)).Append(("ReferenceValue", _values.Count)).ToArray();
        var provenance = new Provenance(source, "US Treasury OFAC", format, _published, [SourceFiles.Describe(path)], ReadSupport.Counts(counts));
        return new LoadResult(provenance, entities.ToImmutable(), _diagnostics.ToImmutable());
    }
}
