using System.Collections.Frozen;
using System.Text;
using Comity.Core.Model;

namespace Comity.Server.Yente;

/// <summary>An entity's FtM properties: every value a string, every property a list, absent ones omitted. Only
/// properties the FtM model defines for the entity's schema are written, each value in the form of its type (ISO
/// date prefixes, lower-case country codes, known topics, absolute URLs, E.164 phones); facts about the listing
/// (regime, listing and delisting dates, measures, status, the authority's references) go to the entity's
/// <see cref="Sanction(Entity, string)">Sanction</see>; anything the model has no place for is kept as a labelled
/// line in <c>notes</c> (on the entity) or <c>summary</c> (on the sanction), never dropped.</summary>
internal static class FtmProperties
{
    private enum Target
    {
        /// <summary>The entity property of this name.</summary>
        Entity,

        /// <summary>The Sanction property of this name.</summary>
        Sanction,

        /// <summary>A labelled line in the Sanction's <c>summary</c>.</summary>
        SanctionSummary,

        /// <summary>Both the entity's and the Sanction's property of this name.</summary>
        Both,

        /// <summary>Not a property: entity metadata (<c>first_seen</c>, <c>last_change</c>, <c>datasets</c> of FtM
        /// input files), written by <see cref="FtmWriter"/>.</summary>
        Metadata,
    }

    /// <summary>Where the list-specific properties the readers keep (<see cref="Entity.Properties"/>) go, when their
    /// name is not the FtM property itself.</summary>
    private static readonly FrozenDictionary<string, (Target Target, string Property)> Routes = new Dictionary<string, (Target, string)>(StringComparer.Ordinal)
    {
        // The regime or programme, and the list a listing is on.
        ["regime"] = (Target.Both, "program"),
        ["program"] = (Target.Both, "program"),
        ["list"] = (Target.Both, "program"),
        ["lists"] = (Target.Both, "program"),
        ["sourceList"] = (Target.Both, "program"),
        ["regulation"] = (Target.Both, "program"),
        ["legalAuthority"] = (Target.Both, "program"),
        ["situation"] = (Target.Both, "program"),

        // Dates of the listing.
        ["designatedOn"] = (Target.Sanction, "listingDate"),
        ["designated"] = (Target.Sanction, "listingDate"),
        ["listingDate"] = (Target.Sanction, "listingDate"),
        ["listingInformation"] = (Target.Sanction, "listingDate"),
        ["issued"] = (Target.Sanction, "startDate"),
        ["effectiveDate"] = (Target.Sanction, "startDate"),
        ["delistedOn"] = (Target.Sanction, "endDate"),
        ["delisted"] = (Target.Sanction, "endDate"),
        ["delistingDate"] = (Target.Sanction, "endDate"),
        ["endDate"] = (Target.Sanction, "endDate"),

        // Status, reason, measures, issuing authority and its references.
        ["status"] = (Target.Sanction, "status"),
        ["enforcement_status"] = (Target.Sanction, "status"),
        ["designationDetails"] = (Target.Sanction, "reason"),
        ["case"] = (Target.Sanction, "reason"),
        ["sanctionsImposed"] = (Target.Sanction, "provisions"),
        ["sanctionsType"] = (Target.Sanction, "provisions"),
        ["standardOrder"] = (Target.Sanction, "provisions"),
        ["licenseRequirement"] = (Target.Sanction, "provisions"),
        ["licensePolicy"] = (Target.Sanction, "provisions"),
        ["secondarySanctionsRisk"] = (Target.Sanction, "provisions"),
        ["transactionsProhibited"] = (Target.Sanction, "provisions"),
        ["eo13662Directive"] = (Target.Sanction, "provisions"),
        ["eo14024Directive"] = (Target.Sanction, "provisions"),
        ["additionalSanctionsInformation"] = (Target.Sanction, "provisions"),
        ["schedule"] = (Target.Sanction, "provisions"),
        ["instrument"] = (Target.Sanction, "provisions"),
        ["authority"] = (Target.Sanction, "authority"),
        ["designationSource"] = (Target.Sanction, "authority"),
        ["item"] = (Target.Sanction, "authorityId"),
        ["dataid"] = (Target.Sanction, "recordId"),
        ["sanctionId"] = (Target.Sanction, "recordId"),
        ["directivesLink"] = (Target.Sanction, "programUrl"),
        ["sourceUrl"] = (Target.Both, "sourceUrl"),
        ["federalRegisterNotice"] = (Target.SanctionSummary, "Federal Register notice"),
        ["frCitation"] = (Target.SanctionSummary, "Federal Register citation"),
        ["action"] = (Target.SanctionSummary, "Action"),
        ["verification"] = (Target.SanctionSummary, "Verification"),
        ["sources"] = (Target.SanctionSummary, "Sources"),
        ["unconfirmed_reason"] = (Target.SanctionSummary, "Unconfirmed because"),
        ["enforcement_note"] = (Target.SanctionSummary, "Enforcement"),
        ["status_note"] = (Target.SanctionSummary, "Status note"),
        ["status_date"] = (Target.SanctionSummary, "Status date"),
        ["curated"] = (Target.SanctionSummary, "Curated"),

        // Renamed entity properties.
        ["vesselType"] = (Target.Entity, "type"),
        ["lastUpdated"] = (Target.Entity, "modifiedAt"),
        ["lastUpdate"] = (Target.Entity, "modifiedAt"),
        ["organizationType"] = (Target.Entity, "sector"),
        ["targetType"] = (Target.Entity, "classification"),

        ["first_seen"] = (Target.Metadata, string.Empty),
        ["last_change"] = (Target.Metadata, string.Empty),
        ["datasets"] = (Target.Metadata, string.Empty),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The FtM property an identifier type is written under (when the schema has it).</summary>
    public static string PropertyOf(IdentifierType type) => type switch
    {
        IdentifierType.Passport => "passportNumber",
        IdentifierType.NationalId => "idNumber",
        IdentifierType.TaxId => "taxNumber",
        IdentifierType.Registration => "registrationNumber",
        IdentifierType.Imo => "imoNumber",
        IdentifierType.Mmsi => "mmsi",
        IdentifierType.CallSign => "callSign",
        IdentifierType.AircraftSerial => "serialNumber",
        IdentifierType.SwiftBic => "swiftBic",
        IdentifierType.Lei => "leiCode",
        IdentifierType.CryptoAddress => "cryptoWallet",
        IdentifierType.Email => "email",
        IdentifierType.Phone => "phone",
        IdentifierType.Website => "website",
        IdentifierType.UnReference => "unscId",
        _ => "idNumber",
    };

    /// <summary>The properties of <paramref name="e"/> in a stable order.</summary>
    public static List<KeyValuePair<string, List<string>>> Of(Entity e) => Split(e).Entity.Properties;

    /// <summary>The properties of the Sanction entity that records <paramref name="e"/>'s listing by
    /// <paramref name="authority"/> (the dataset's issuing authority): <c>entity</c>, <c>authority</c>, programme,
    /// dates, measures, status, references.</summary>
    public static List<KeyValuePair<string, List<string>>> Sanction(Entity e, string authority)
    {
        var s = Split(e).Sanction;
        s.Insert("authority", authority);
        s.Insert("entity", e.Id);
        return s.Properties;
    }

    /// <summary>The listing dates of <paramref name="e"/> (its Sanction's <c>listingDate</c> values).</summary>
    public static IEnumerable<string> ListingDates(Entity e) =>
        Split(e).Sanction.Properties.FirstOrDefault(kv => string.Equals(kv.Key, "listingDate", StringComparison.Ordinal)).Value ?? [];

    private static (Bag Entity, Bag Sanction) Split(Entity e)
    {
        var entity = new Bag(e.Schema.Name(), "notes");
        var sanction = new Bag("Sanction", "summary");
        foreach (var n in e.Names)
        {
            entity.Add(n.Kind switch
            {
                NameKind.Alias => "alias",
                NameKind.WeakAlias => "weakAlias",
                NameKind.Former => "previousName",
                _ => "name",
            }, n.Full);
        }

        if (!e.Names.IsDefaultOrEmpty && e.Names.FirstOrDefault(n => n.Kind == NameKind.Primary)?.Parts is { } p)
        {
            entity.Add("firstName", p.Given);
            entity.Add("middleName", p.Middle);
            entity.Add("lastName", p.Family);
            entity.Add("fatherName", p.Patronymic);
            entity.Add("title", p.Title);
        }

        foreach (var d in e.BirthDates)
        {
            if (d.Calendar == CalendarKind.Gregorian)
            {
                entity.Add("birthDate", d.From.ToString());
                if (d.To is { } to && to != d.From)
                {
                    entity.Add("birthDate", to.ToString());
                }
            }
            else if (d.Raw is { } raw)
            {
                entity.Note("birthDate", raw);
            }
        }

        foreach (var b in e.BirthPlaces)
        {
            entity.Add("birthPlace", b.Text);
            entity.Add("birthCountry", b.Country);
        }

        foreach (var c in e.Nationalities)
        {
            entity.Add("nationality", c);
        }

        foreach (var c in e.Citizenships)
        {
            entity.Add("citizenship", c);
        }

        if (e.Gender != Gender.Unknown)
        {
            entity.Add("gender", e.Gender switch { Gender.Male => "male", Gender.Female => "female", _ => "other" });
        }

        foreach (var a in e.Addresses)
        {
            entity.Add("address", a.Full);
            entity.Add("country", a.Country);
        }

        foreach (var id in e.Identifiers)
        {
            var property = PropertyOf(id.Type);
            if (id.Type == IdentifierType.UnReference)
            {
                sanction.Add(property, id.Value);
            }
            else if (entity.Defines(property) || id.Type is IdentifierType.CryptoAddress or IdentifierType.Email or IdentifierType.Phone or IdentifierType.Website)
            {
                entity.Add(property, id.Value);
            }
            else
            {
                // An identifier of a kind the schema has no property for (a passport number on an unspecified legal
                // entity, an IMO number on a person): the schema's general identifier, else a note.
                entity.Add(entity.Defines("idNumber") ? "idNumber" : entity.Defines("registrationNumber") ? "registrationNumber" : property, id.Value);
            }
        }

        foreach (var t in e.Topics)
        {
            entity.Add("topics", t);
        }

        foreach (var prog in e.Programs)
        {
            if (!entity.Add("programId", prog, note: false))
            {
                entity.Add("program", prog);
            }

            if (!sanction.Add("programId", prog, note: false))
            {
                sanction.Add("program", prog);
            }
        }

        foreach (var t in e.Titles)
        {
            entity.Add("position", t);
        }

        if (e.ListedOn is { } listed)
        {
            entity.Add("createdAt", listed.ToString());
            sanction.Add("listingDate", listed.ToString());
        }

        entity.Add("notes", e.Remarks);
        foreach (var x in e.Properties)
        {
            if (!Routes.TryGetValue(x.Name, out var route))
            {
                route = entity.Defines(x.Name) || !sanction.Defines(x.Name) ? (Target.Entity, x.Name) : (Target.Sanction, x.Name);
            }

            switch (route.Target)
            {
                case Target.Entity:
                    entity.Add(route.Property, x.Value, noteLabel: x.Name);
                    break;
                case Target.Sanction:
                    sanction.Add(route.Property, x.Value, noteLabel: x.Name);
                    break;
                case Target.SanctionSummary:
                    sanction.Line(route.Property, x.Value);
                    break;
                case Target.Both:
                    entity.Add(route.Property, x.Value, noteLabel: x.Name);
                    sanction.Add(route.Property, x.Value, noteLabel: x.Name);
                    break;
                default:
                    break;
            }
        }

        entity.Finish();
        sanction.Finish();
        return (entity, sanction);
    }

    /// <summary>Turns a property name into a label for a note line: <c>secondarySanctionsRisk</c> →
    /// <c>Secondary sanctions risk</c>, <c>status_note</c> → <c>Status note</c>.</summary>
    internal static string Label(string name)
    {
        var sb = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (c == '_' || c == '-')
            {
                sb.Append(' ');
            }
            else if (char.IsUpper(c) && sb.Length > 0)
            {
                sb.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(sb.Length == 0 ? char.ToUpperInvariant(c) : c);
            }
        }

        return sb.ToString();
    }

    /// <summary>The properties of one entity of one schema, with the lines that have no FtM place.</summary>
    private sealed class Bag(string schema, string noteProperty)
    {
        private readonly FrozenDictionary<string, (string Type, int MaxLength)> _defined = FtmModelTable.Properties[schema];
        private readonly List<string> _notes = [];

        public List<KeyValuePair<string, List<string>>> Properties { get; } = [];

        public bool Defines(string property) => _defined.ContainsKey(property);

        /// <summary>Adds a value to a property the schema defines, in its type's FtM form; a property the schema does
        /// not define, or a value that is not in its type's form, becomes a note line (when <paramref name="note"/>).
        /// Returns true when the value went to the property.</summary>
        public bool Add(string property, string? value, bool note = true, string? noteLabel = null)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return true;
            }

            value = value.Trim();
            if (_defined.TryGetValue(property, out var def) && def.Type != "entity"
                && FtmValues.Clean(def.Type, value) is { } clean && clean.Length <= def.MaxLength)
            {
                Put(property, clean);
                return true;
            }

            if (note)
            {
                Note(noteLabel ?? property, value);
            }

            return false;
        }

        /// <summary>A labelled line for a property with no FtM place.</summary>
        public void Note(string name, string value) => Line(Label(name), value);

        public void Line(string label, string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return;
            }

            var line = label + ": " + value.Trim();
            if (!_notes.Contains(line, StringComparer.Ordinal))
            {
                _notes.Add(line);
            }
        }

        /// <summary>Puts a value first in its property (for <c>entity</c> and <c>authority</c>).</summary>
        public void Insert(string property, string value)
        {
            var i = Properties.FindIndex(kv => string.Equals(kv.Key, property, StringComparison.Ordinal));
            var values = i < 0 ? [] : Properties[i].Value;
            if (i >= 0)
            {
                Properties.RemoveAt(i);
            }

            values.Remove(value);
            values.Insert(0, value);
            Properties.Insert(0, new(property, values));
        }

        /// <summary>Writes the note lines into the schema's note property (<c>notes</c>, <c>summary</c>).</summary>
        public void Finish()
        {
            foreach (var line in _notes)
            {
                Put(noteProperty, line);
            }

            _notes.Clear();
        }

        private void Put(string property, string value)
        {
            foreach (var kv in Properties)
            {
                if (string.Equals(kv.Key, property, StringComparison.Ordinal))
                {
                    if (!kv.Value.Contains(value, StringComparer.Ordinal))
                    {
                        kv.Value.Add(value);
                    }

                    return;
                }
            }

            Properties.Add(new(property, [value]));
        }
    }
}
