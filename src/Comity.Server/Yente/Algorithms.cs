using System.Collections.Frozen;
using System.Text.Json;

namespace Comity.Server.Yente;

/// <summary>One accepted algorithm name and how Comity answers it.</summary>
/// <param name="Name">Wire name.</param>
/// <param name="NamesOnly">Score names only (date of birth, countries, gender and identifiers ignored).</param>
/// <param name="Description">What it does in Comity.</param>
internal sealed record Algorithm(string Name, bool NamesOnly, string Description);

/// <summary>The algorithm names <c>/match</c> accepts (yente's, so clients that hard-code them keep working, and
/// Comity's own) and the documentation <c>/algorithms</c> serves.</summary>
internal static class Algorithms
{
    public const string Best = "comity-v1";

    /// <summary>The only configuration variable: <c>qualifiers</c> (boolean, default true).</summary>
    public const string QualifiersConfig = "qualifiers";

    private const string Scorer = "Comity's scorer: aligned name parts (literal, fuzzy, phonetic and mined variants, weighted by rarity), then date of birth, country, gender and identifiers re-rank after a name gate.";

    public static readonly IReadOnlyList<Algorithm> All =
    [
        new(Best, false, Scorer),
        new("logic-v2", false, "yente's default name; answered by comity-v1. " + Scorer),
        new("logic-v1", false, "Older yente logic scorer; answered by comity-v1."),
        new("regression-v1", false, "yente's regression scorer; answered by comity-v1."),
        new("name-qualified", false, "Names plus qualifiers; answered by comity-v1."),
        new("name-based", true, "Names only: comity-v1 with date of birth, countries, gender and identifiers ignored."),
        new("ofac", true, "OFAC-style name-only screening: comity-v1 on names only (no qualifiers)."),
    ];

    private static readonly FrozenDictionary<string, Algorithm> ByName =
        All.ToFrozenDictionary(a => a.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Resolves a name case-insensitively; <c>best</c> is <see cref="Best"/>.</summary>
    public static Algorithm? Find(string? name) =>
        string.IsNullOrWhiteSpace(name) || string.Equals(name.Trim(), "best", StringComparison.OrdinalIgnoreCase)
            ? ByName[Best]
            : ByName.GetValueOrDefault(name.Trim());

    /// <summary>Feature names with what they mean (the scorer's reason codes).</summary>
    public static readonly IReadOnlyList<(string Name, string Description, double Coefficient)> Features =
    [
        ("name_match", "Similarity of the best-aligned pair of names (query name vs listed name or strong alias).", 1.0),
        ("weak_alias_match", "The best name was a weak (low-quality) alias; lower confidence.", 1.0),
        ("identifier_match", "Same identifier type and normalised value.", 1.0),
        ("identifier_conflict", "Same identifier type, different value.", -1.0),
        ("vessel_imo_mmsi_match", "Same IMO or MMSI number.", 1.0),
        ("dob_match", "Dates of birth agree.", 1.0),
        ("dob_year_disjoint", "Birth years do not overlap.", -1.0),
        ("dob_day_disjoint", "Birth years agree, days differ.", -1.0),
        ("country_mismatch", "No country in common.", -1.0),
        ("gender_mismatch", "Genders differ.", -1.0),
        ("schema_mismatch", "Entity types cannot be the same thing.", -1.0),
    ];

    public static void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteStartArray("algorithms");
        foreach (var a in All)
        {
            w.WriteStartObject();
            w.WriteString("name", a.Name);
            w.WriteString("description", a.Description);
            WriteFeatures(w, "features");
            w.WriteStartObject("docs");
            w.WriteString("name", a.Name);
            w.WriteString("description", a.Description);
            w.WriteStartObject("config");
            w.WriteStartObject(QualifiersConfig);
            w.WriteString("type", "boolean");
            w.WriteString("description", "Use date of birth, countries, gender and identifiers to re-rank (false: names only).");
            w.WriteBoolean("default", !a.NamesOnly);
            w.WriteEndObject();
            w.WriteEndObject();
            WriteFeatures(w, "features");
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteString("default", "best");
        w.WriteString("best", Best);
        w.WriteEndObject();
    }

    private static void WriteFeatures(Utf8JsonWriter w, string name)
    {
        w.WriteStartObject(name);
        foreach (var (f, description, coefficient) in Features)
        {
            w.WriteStartObject(f);
            w.WriteString("description", description);
            w.WriteNumber("coefficient", coefficient);
            w.WriteNull("url");
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }
}
