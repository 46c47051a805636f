using System.Xml.Linq;
using Comity.Core.Model;
using Comity.Core.Text;
using Comity.Sources.Building;
using Comity.Sources.Common;
using Comity.Sources.OfacEnhanced;

namespace Comity.Sources.OfacAdvanced;

/// <summary>Builds an entity draft from one <c>DistinctParty</c> subtree, resolving every type ID through the file's
/// value sets and attaching the locations and ID documents read before it.</summary>
internal static class AdvancedParty
{
    private static readonly string[] GivenOrder = ["First Name", "Middle Name", "Patronymic", "Matronymic"];

    public static (EntityDraft Draft, string? ProfileId)? Build(XElement party, AdvancedValueSets values,
        IReadOnlyDictionary<string, AdvancedLocation> locations, IReadOnlyDictionary<string, List<AdvancedDocument>> documents)
    {
        var fixedRef = party.Attr("FixedRef");
        var profile = party.El("Profile");
        if (fixedRef is null || profile is null)
        {
            return null;
        }

        var d = new EntityDraft("us-ofac", fixedRef, SchemaOf(profile, values));
        d.AddCrossReference("OFAC", fixedRef);
        d.AddTopic("sanction");
        d.AddRemark(party.Text("Comment"));

        // Primary identity first, so that the caption comes from it.
        foreach (var identity in profile.Els("Identity").OrderBy(i => i.Attr("Primary") == "true" ? 0 : 1))
        {
            AddNames(d, identity, values);
            if (identity.Attr("ID") is { } identityId && documents.TryGetValue(identityId, out var docs))
            {
                foreach (var doc in docs)
                {
                    d.AddIdentifier(doc.IdentifierType, doc.Number, doc.Country, doc.Note);
                    if (doc.IdentifierType == IdentifierType.Imo)
                    {
                        d.AddCrossReference("IMO", Identifier.NormalizeValue(doc.Number));
                    }
                }
            }
        }

        foreach (var feature in profile.Els("Feature"))
        {
            AddFeature(d, feature, values, locations);
        }

        return (d, profile.Attr("ID"));
    }

    private static Schema SchemaOf(XElement profile, AdvancedValueSets values)
    {
        var subTypeId = profile.Attr("PartySubTypeID");
        var subType = values.Label("PartySubType", subTypeId);
        var partyType = values.Label("PartyType", values.Attribute("PartySubType", subTypeId, "PartyTypeID"));
        if (subType is "Vessel" || partyType is "Vessel")
        {
            return Schema.Vessel;
        }

        if (subType is "Aircraft" || partyType is "Aircraft")
        {
            return Schema.Airplane;
        }

        return partyType switch
        {
            "Individual" => Schema.Person,
            "Entity" => Schema.Organization,
            _ => Schema.LegalEntity,
        };
    }

    private static void AddNames(EntityDraft d, XElement identity, AdvancedValueSets values)
    {
        var groupTypes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in identity.El("NamePartGroups")?.Descendants().Where(e => e.Name.LocalName == "NamePartGroup") ?? [])
        {
            if (group.Attr("ID") is { } id && values.Label("NamePartType", group.Attr("NamePartTypeID")) is { } type)
            {
                groupTypes[id] = type;
            }
        }

        var primaryIdentity = identity.Attr("Primary") == "true";
        foreach (var alias in identity.Els("Alias").OrderBy(a => a.Attr("Primary") == "true" ? 0 : 1))
        {
            var aliasType = values.Label("AliasType", alias.Attr("AliasTypeID"));
            var kind = alias.Attr("Primary") == "true" && primaryIdentity ? NameKind.Primary
                : alias.Attr("LowQuality") == "true" ? NameKind.WeakAlias
                : aliasType == "F.K.A." ? NameKind.Former
                : NameKind.Alias;
            foreach (var documented in alias.Els("DocumentedName"))
            {
                var parts = new List<(string? Type, string Value, string? Script)>();
                foreach (var value in documented.Els("DocumentedNamePart").SelectMany(p => p.Els("NamePartValue")))
                {
                    if (TextValue.Clean(value.Value) is { } text)
                    {
                        var groupId = value.Attr("NamePartGroupID");
                        parts.Add((groupId is not null && groupTypes.TryGetValue(groupId, out var t) ? t : null, text, values.Label("Script", value.Attr("ScriptID"))));
                    }
                }

                if (parts.Count == 0)
                {
                    continue;
                }

                var script = parts.Select(p => p.Script).FirstOrDefault(s => s is not null);
                var language = script is null or "Latin" ? null : script;
                var (full, nameParts) = Compose(parts);

                // A non-Latin rendering of the primary name is an alias in that script.
                d.AddName(full, kind == NameKind.Primary && language is not null ? NameKind.Alias : kind, nameParts, language);
            }
        }
    }

    /// <summary>Builds the display name from the part types (never from document order): <c>LAST, First Middle</c> for
    /// persons, the name part for entities, vessels and aircraft; untyped parts in document order.</summary>
    private static (string Full, NameParts? Parts) Compose(List<(string? Type, string Value, string? Script)> parts)
    {
        string? Of(string type) => parts.Where(p => p.Type == type).Select(p => p.Value).FirstOrDefault();

        var last = Of("Last Name");
        var given = GivenOrder.Select(Of).OfType<string>().ToList();
        var names = new NameParts(Given: Of("First Name"), Middle: Of("Middle Name"), Family: last, Patronymic: Of("Patronymic"));
        if (last is not null && given.Count > 0)
        {
            var rest = parts.Where(p => p.Type is not null && p.Type != "Last Name" && !GivenOrder.Contains(p.Type)).Select(p => p.Value);
            return (string.Join(' ', new[] { last + "," }.Concat(given).Concat(rest)), names);
        }

        return (string.Join(' ', parts.Select(p => p.Value)), names.IsEmpty ? null : names);
    }

    private static void AddFeature(EntityDraft d, XElement feature, AdvancedValueSets values, IReadOnlyDictionary<string, AdvancedLocation> locations)
    {
        var label = values.Label("FeatureType", feature.Attr("FeatureTypeID"));
        if (label is null)
        {
            return;
        }

        foreach (var version in feature.Els("FeatureVersion"))
        {
            var date = AdvancedDates.Period(version.El("DatePeriod"));
            string? text = null;
            foreach (var detail in version.Els("VersionDetail"))
            {
                text ??= values.Label("DetailReference", detail.Attr("DetailReferenceID")) ?? TextValue.Clean(detail.Value);
            }

            AdvancedLocation? location = null;
            if (version.El("VersionLocation")?.Attr("LocationID") is { } locationId)
            {
                locations.TryGetValue(locationId, out location);
            }

            switch (label)
            {
                case "Place of Birth":
                    d.AddBirthPlace(location?.Text ?? text, location?.Country);
                    continue;
                case "Nationality Country" or "Citizenship Country":
                    OfacFeatures.Apply(d, label, text ?? location?.CountryName, date, location?.Country);
                    continue;
                default:
                    break;
            }

            if (location is not null && text is null && date is null)
            {
                d.AddAddress(location.ToAddress());
                continue;
            }

            OfacFeatures.Apply(d, label, text ?? location?.Text, date, location?.Country);
        }
    }
}
