using System.Security.Cryptography;
using System.Text;
using Comity.Core.Model;

namespace Comity.Application.Monitoring;

/// <summary>A hash of everything a listed entity carries (names with kind and parts, dates, places, countries, gender,
/// addresses, identifiers, programmes, topics, listing date, titles, remarks, references, properties): two versions
/// of an entity with the same fingerprint screen and decide alike.</summary>
internal static class EntityFingerprint
{
    public static string Of(Entity e) => Compute(e, all: true);

    /// <summary>A hash of what the matcher reads of an entity (schema, names with kind and parts, dates and places of
    /// birth, countries, gender, addresses, identifiers): two versions with the same match fingerprint score alike
    /// against any query, and add the same words and variants to the index's statistics.</summary>
    public static string OfMatchFacts(Entity e) => Compute(e, all: false);

    private static string Compute(Entity e, bool all)
    {
        ArgumentNullException.ThrowIfNull(e);
        var sb = new StringBuilder(256);
        void F(string? v) => sb.Append(v?.Length ?? -1).Append(':').Append(v).Append('|');
        F(e.Id);
        F(e.Source);
        F(e.SourceId);
        F(e.Schema.Name());
        foreach (var n in e.Names)
        {
            F(n.Full);
            F(n.Kind.ToString());
            F(n.Language);
            F(n.Parts?.Given);
            F(n.Parts?.Middle);
            F(n.Parts?.Family);
            F(n.Parts?.Patronymic);
            F(n.Parts?.Title);
        }

        sb.Append("#d");
        foreach (var d in e.BirthDates)
        {
            F(d.ToString());
            F(d.Calendar.ToString());
            F(d.Raw);
        }

        sb.Append("#p");
        foreach (var p in e.BirthPlaces)
        {
            F(p.Text);
            F(p.Country);
        }

        sb.Append("#n");
        foreach (var c in e.Nationalities)
        {
            F(c);
        }

        sb.Append("#c");
        foreach (var c in e.Citizenships)
        {
            F(c);
        }

        F(e.Gender.ToString());
        sb.Append("#a");
        foreach (var a in e.Addresses)
        {
            F(a.Full);
            F(a.Street);
            F(a.City);
            F(a.Region);
            F(a.PostalCode);
            F(a.Country);
        }

        sb.Append("#i");
        foreach (var i in e.Identifiers)
        {
            F(i.Type.ToString());
            F(i.Value);
            F(i.Country);
            F(i.Note);
        }

        if (!all)
        {
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())))[..32];
        }

        sb.Append("#g");
        foreach (var p in e.Programs)
        {
            F(p);
        }

        sb.Append("#t");
        foreach (var t in e.Topics)
        {
            F(t);
        }

        F(e.ListedOn?.ToString());
        sb.Append("#ti");
        foreach (var t in e.Titles)
        {
            F(t);
        }

        F(e.Remarks);
        sb.Append("#x");
        foreach (var x in e.CrossReferences)
        {
            F(x.Scheme);
            F(x.Value);
        }

        sb.Append("#pr");
        foreach (var p in e.Properties)
        {
            F(p.Name);
            F(p.Value);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())))[..32];
    }
}
