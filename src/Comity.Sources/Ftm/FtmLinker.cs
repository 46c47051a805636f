using System.Collections.Immutable;
using Comity.Core.Model;
using Comity.Core.Text;
using Comity.Sources.Abstractions;
using Comity.Sources.Building;

namespace Comity.Sources.Ftm;

/// <summary>Collects FtM records in any order and links the non-screened ones (Sanction, Identification, Address) to the
/// entities they describe once everything is read.</summary>
internal sealed class FtmLinker
{
    private readonly Dictionary<string, EntityDraft> _drafts = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private readonly List<(FtmRecord Record, string Location)> _sanctions = [];
    private readonly List<(FtmRecord Record, string Location)> _identifications = [];
    private readonly Dictionary<string, string> _addresses = new(StringComparer.Ordinal);
    private readonly List<(string EntityId, string AddressId)> _addressLinks = [];

    public int SanctionCount => _sanctions.Count;

    /// <summary>The newest <c>last_change</c> seen (ISO date), as the dataset's date.</summary>
    public string? Newest { get; private set; }

    public void Add(FtmRecord r, string location)
    {
        if (r.LastChange is { Length: >= 10 } lc && (Newest is null || string.CompareOrdinal(lc[..10], Newest) > 0))
        {
            Newest = lc[..10];
        }

        switch (r.Schema)
        {
            case "Sanction":
                _sanctions.Add((r, location));
                return;
            case "Identification" or "Passport":
                _identifications.Add((r, location));
                return;
            case "Address":
                var full = r.Values("full") is [var f, ..] ? f : r.Caption;
                if (full is not null)
                {
                    _addresses[r.Id] = full;
                }

                return;
            default:
                break;
        }

        if (FtmEntityBuilder.SchemaOf(r.Schema) is not { } schema)
        {
            return;
        }

        var source = r.Datasets.Count > 0 ? r.Datasets[0] : FtmJsonReader.DefaultSource;
        var draft = FtmEntityBuilder.Build(r, source, schema);
        if (_drafts.TryAdd(r.Id, draft))
        {
            _order.Add(r.Id);
        }
        else
        {
            // A later version of the same id (delta MOD) replaces the earlier one.
            _drafts[r.Id] = draft;
        }

        foreach (var a in r.Values("addressEntity"))
        {
            _addressLinks.Add((r.Id, a));
        }
    }

    public ImmutableArray<Entity> Build(string file, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        foreach (var (s, location) in _sanctions)
        {
            var targets = s.Values("entity");
            if (targets.Count == 0)
            {
                diagnostics.Add(new Diagnostic(file, location, "orphan-sanction", $"Sanction {s.Id} names no entity"));
            }

            foreach (var target in targets)
            {
                if (!_drafts.TryGetValue(target, out var d))
                {
                    diagnostics.Add(new Diagnostic(file, location, "orphan-sanction", $"Sanction {s.Id} points to {target}, which is not in the file"));
                    continue;
                }

                var ids = s.Values("programId");
                foreach (var p in ids.Count > 0 ? ids : s.Values("program"))
                {
                    d.AddProgram(p);
                }

                foreach (var p in s.Values("program"))
                {
                    d.AddProperty("program", p);
                }

                foreach (var date in s.Values("listingDate").Concat(s.Values("startDate")))
                {
                    d.SetListedOn(FtmEntityBuilder.IsoDate(date));
                }

                foreach (var a in s.Values("authority"))
                {
                    d.AddProperty("authority", a);
                }

                foreach (var e in s.Values("endDate"))
                {
                    d.AddProperty("endDate", e);
                }

                d.AddProperty("sanctionId", s.Id);
                d.AddTopic("sanction");
            }
        }

        foreach (var (i, location) in _identifications)
        {
            foreach (var holder in i.Values("holder"))
            {
                if (!_drafts.TryGetValue(holder, out var d))
                {
                    diagnostics.Add(new Diagnostic(file, location, "orphan-identification", $"{i.Schema} {i.Id} points to {holder}, which is not in the file"));
                    continue;
                }

                var types = i.Values("type");
                var type = i.Schema == "Passport" || types.Any(t => t.Contains("passport", StringComparison.OrdinalIgnoreCase))
                    ? IdentifierType.Passport
                    : IdentifierType.NationalId;
                var country = i.Values("country") is [var c, ..] ? Countries.Resolve(c) : null;
                foreach (var n in i.Values("number").Concat(i.Values("passportNumber")))
                {
                    d.AddIdentifier(type, n, country, types.Count > 0 ? types[0] : null);
                }
            }
        }

        foreach (var (entityId, addressId) in _addressLinks)
        {
            if (_addresses.TryGetValue(addressId, out var full) && _drafts.TryGetValue(entityId, out var d))
            {
                d.AddAddress(new Address(full));
            }
        }

        var result = ImmutableArray.CreateBuilder<Entity>(_order.Count);
        foreach (var id in _order)
        {
            if (_drafts[id].BuildNamed() is { } e)
            {
                result.Add(e);
            }
            else
            {
                diagnostics.Add(new Diagnostic(file, id, "no-name", $"entity {id} has no name: skipped", DiagnosticSeverity.Error));
            }
        }

        return result.ToImmutable();
    }
}
