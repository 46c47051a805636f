using System.Globalization;
using System.Xml.Linq;
using Comity.Core.Model;
using Comity.Core.Text;
using Comity.Sources.Abstractions;
using Comity.Sources.Building;
using Comity.Sources.Common;

namespace Comity.Sources.Ch;

/// <summary>Maps one SECO <c>target</c> element to an entity (LIST-FORMATS §6): names from every identity
/// (main=false identities give aliases), partial dates, nationalities, places resolved through the trailing
/// <c>place</c> list, programmes through sanctions-set ids, and the current status from the newest modification.
/// De-listed targets are kept, marked <c>status</c> = <c>delisted</c> and without the <c>sanction</c> topic.</summary>
internal static class SecoTargetMapper
{
    public const string Source = "ch-seco";
    public const string Authority = "State Secretariat for Economic Affairs (SECO), Switzerland";

    /// <summary>A place from the <c>place</c> list: its text and country code.</summary>
    internal sealed record SecoPlace(string Text, string? Country);

    public static Entity? Map(
        XElement target,
        IReadOnlyDictionary<string, string> programsBySet,
        IReadOnlyDictionary<string, SecoPlace> places,
        string file,
        string location,
        List<Diagnostic> diagnostics)
    {
        var ssid = target.Attr("ssid");
        var subject = target.Elements().FirstOrDefault(e => e.Name.LocalName is "individual" or "entity" or "object");
        if (ssid is null || subject is null)
        {
            diagnostics.Add(new Diagnostic(file, location, ssid is null ? "missing-id" : "no-subject",
                "target without ssid or without individual/entity/object; skipped", DiagnosticSeverity.Error));
            return null;
        }

        var draft = new EntityDraft(Source, ssid, SchemaOf(subject));
        draft.Gender = subject.Attr("sex") switch
        {
            "male" => Gender.Male,
            "female" => Gender.Female,
            _ => Gender.Unknown,
        };
        foreach (var set in target.Els("sanctions-set-id").Select(s => TextValue.Clean(s.Value)).OfType<string>())
        {
            if (programsBySet.TryGetValue(set, out var program))
            {
                draft.AddProgram(program);
            }
            else
            {
                diagnostics.Add(new Diagnostic(file, location, "unknown-set", $"sanctions-set-id {set} is not declared by any sanctions-program"));
            }
        }

        foreach (var foreign in target.Els("foreign-identifier").Select(f => TextValue.Clean(f.Value)).OfType<string>())
        {
            draft.AddCrossReference(
                UnReferenceIds.IsMatch(foreign) ? "UN" : foreign.StartsWith("EU.", StringComparison.Ordinal) ? "EU" : "FOREIGN",
                foreign);
        }

        foreach (var identity in subject.Els("identity"))
        {
            AddIdentity(draft, identity, string.Equals(identity.Attr("main"), "true", StringComparison.OrdinalIgnoreCase), places);
        }

        foreach (var info in subject.Els("other-information").Concat(subject.Els("justification")))
        {
            draft.AddRemark(TextValue.Clean(info.Value));
        }

        if (draft.NameCount == 0)
        {
            diagnostics.Add(new Diagnostic(file, location, "no-name", $"target {ssid} has no name; skipped", DiagnosticSeverity.Error));
            return null;
        }

        draft.EnsurePrimary();
        ApplyStatus(draft, target);
        return draft.Build();
    }

    private static Schema SchemaOf(XElement subject) => subject.Name.LocalName switch
    {
        "individual" => Schema.Person,
        "entity" => Schema.Organization,
        _ => subject.Attr("object-type")?.ToLowerInvariant() switch
        {
            "vessel" or "ship" => Schema.Vessel,
            "aircraft" or "airplane" => Schema.Airplane,
            _ => Schema.LegalEntity,
        },
    };

    private static void AddIdentity(EntityDraft draft, XElement identity, bool main, IReadOnlyDictionary<string, SecoPlace> places)
    {
        foreach (var name in identity.Els("name"))
        {
            var primary = main && name.Attr("name-type") == "primary-name";
            var kind = primary ? NameKind.Primary : name.Attr("quality") == "low" ? NameKind.WeakAlias : NameKind.Alias;
            var language = name.Attr("lang");
            var parts = name.Els("name-part")
                .OrderBy(p => int.TryParse(p.Attr("order"), NumberStyles.None, CultureInfo.InvariantCulture, out var o) ? o : int.MaxValue)
                .ToList();
            var full = TextValue.Clean(string.Join(' ', parts.Select(p => TextValue.Clean(p.El("value")?.Value)).OfType<string>()));
            if (full is not null)
            {
                draft.AddName(new EntityName(full, kind, Parts(parts), language));
            }

            foreach (var variant in parts.SelectMany(p => p.Els("spelling-variant")))
            {
                if (TextValue.Clean(variant.Value) is { } text)
                {
                    draft.AddName(new EntityName(text, kind == NameKind.Primary ? NameKind.Alias : kind, null, variant.Attr("lang") ?? variant.Attr("script")));
                }
            }
        }

        foreach (var dmy in identity.Els("day-month-year"))
        {
            draft.AddBirthDate(Date(dmy));
        }

        foreach (var n in identity.Els("nationality"))
        {
            var country = n.El("country");
            draft.AddNationality(country?.Attr("iso-code")?.ToLowerInvariant() ?? CountryText.Resolve(country?.Value));
        }

        foreach (var pob in identity.Els("place-of-birth"))
        {
            if (pob.Attr("place-id") is { } id && places.TryGetValue(id, out var place))
            {
                draft.AddBirthPlace(new Place(place.Text, place.Country));
            }
        }

        foreach (var address in identity.Els("address"))
        {
            AddAddress(draft, address, places);
        }

        foreach (var doc in identity.Els("identification-document"))
        {
            if (TextValue.Clean(doc.El("number")?.Value) is { } number)
            {
                var type = doc.Attr("document-type")?.ToLowerInvariant() switch
                {
                    "passport" => IdentifierType.Passport,
                    "id-card" or "identity-card" or "id" => IdentifierType.NationalId,
                    _ => IdentifierType.Other,
                };
                var country = doc.Descendants().FirstOrDefault(e => e.Name.LocalName == "country")?.Attr("iso-code")?.ToLowerInvariant();
                draft.AddIdentifier(new Identifier(type, number, country, doc.Attr("document-type")));
            }
        }
    }

    private static NameParts? Parts(List<XElement> parts)
    {
        string? Of(params string[] types) => TextValue.Clean(string.Join(' ',
            parts.Where(p => types.Contains(p.Attr("name-part-type"))).Select(p => TextValue.Clean(p.El("value")?.Value)).OfType<string>()));

        var result = new NameParts(Of("given-name"), Of("further-given-name"), Of("family-name", "maiden-name"), Of("father-name"), Of("title"));
        return result.IsEmpty ? null : result;
    }

    private static FuzzyDate? Date(XElement dmy)
    {
        static int Int(string? s) => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0;
        var year = Int(dmy.Attr("year"));
        if (year <= 0)
        {
            return null;
        }

        var month = Int(dmy.Attr("month"));
        month = month is >= 1 and <= 12 ? month : 0;
        var day = Int(dmy.Attr("day"));
        day = month > 0 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? day : 0;
        var calendar = dmy.Attr("calendar")?.ToUpperInvariant() switch
        {
            null or "GREGORIAN" => CalendarKind.Gregorian,
            "ISLAMIC" or "HIJRI" => CalendarKind.Islamic,
            _ => CalendarKind.Other,
        };
        var raw = string.Join('-', new[] { dmy.Attr("year"), dmy.Attr("month"), dmy.Attr("day") }.Where(p => p is not null));
        return new FuzzyDate(new PartialDate(year, month, day), null, false, calendar, raw);
    }

    private static void AddAddress(EntityDraft draft, XElement address, IReadOnlyDictionary<string, SecoPlace> places)
    {
        SecoPlace? place = null;
        if (address.Attr("place-id") is { } id)
        {
            places.TryGetValue(id, out place);
        }

        var details = address.El("address-details") is { } d ? TextValue.Clean(d.Value) : null;
        var zip = address.El("zip-code") is { } z ? TextValue.Clean(z.Value) : null;
        var parts = new[]
        {
            address.El("c-o") is { } co ? "c/o " + TextValue.Clean(co.Value) : null,
            details,
            address.El("p-o-box") is { } box ? "P.O. Box " + TextValue.Clean(box.Value) : null,
            zip,
            place?.Text,
        }.Where(p => p is not null).ToList();
        if (parts.Count > 0)
        {
            draft.AddAddress(new Address(string.Join(", ", parts), details, null, null, zip, place?.Country));
        }
    }

    /// <summary>The newest modification (by effective, publication or enactment date; the first in document order
    /// when none is dated) gives the status.</summary>
    private static void ApplyStatus(EntityDraft draft, XElement target)
    {
        var modifications = target.Els("modification").ToList();
        var dated = modifications
            .Select((m, i) => (m, i, Date: DateText.Single(m.Attr("effective-date") ?? m.Attr("publication-date") ?? m.Attr("enactment-date") ?? string.Empty)))
            .ToList();
        var current = dated.Any(d => d.Date is not null)
            ? dated.Where(d => d.Date is not null).OrderByDescending(d => d.Date!.Value).ThenBy(d => d.i).First().m
            : modifications.FirstOrDefault();
        var status = current?.Attr("modification-type") ?? "listed";
        var listed = dated.FirstOrDefault(d => d.m.Attr("modification-type") == "listed");
        draft.ListedOn = listed.Date;
        if (status == "de-listed")
        {
            draft.AddProperty("status", "delisted");
            if (current?.Attr("effective-date") is { } end)
            {
                draft.AddProperty("delistedOn", end);
            }
        }
        else
        {
            draft.AddTopic("sanction");
            draft.AddProperty("status", status);
        }
    }
}
