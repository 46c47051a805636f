using System.Globalization;
using System.Text.Json;
using Comity.Core.Matching;
using Comity.Core.Model;

namespace Comity.Application.Output;

/// <summary>Writes queries, hits and explanations as JSON (snake_case), the one wire shape shared by the CLI's
/// JSON Lines output and the native HTTP API.</summary>
internal static class JsonFormat
{
    /// <summary>Scores are rounded to 4 decimals on the wire.</summary>
    public static double Round(double score) => Math.Round(score, 4, MidpointRounding.AwayFromZero);

    public static void WriteQuery(Utf8JsonWriter w, Query q)
    {
        w.WriteStartObject();
        w.WriteString("schema", q.Schema.Name());
        WriteStrings(w, "name", q.Names);
        if (q.Parts is { } p)
        {
            if (p.Given is not null)
            {
                w.WriteString("first_name", p.Given);
            }

            if (p.Middle is not null)
            {
                w.WriteString("middle_name", p.Middle);
            }

            if (p.Family is not null)
            {
                w.WriteString("last_name", p.Family);
            }
        }

        if (!q.BirthDates.IsDefaultOrEmpty)
        {
            WriteStrings(w, "dob", q.BirthDates.Select(d => d.ToString()));
        }

        if (!q.Countries.IsDefaultOrEmpty)
        {
            WriteStrings(w, "country", q.Countries);
        }

        if (q.Gender != Gender.Unknown)
        {
            w.WriteString("gender", q.Gender.ToString().ToLowerInvariant());
        }

        if (q.PlaceOfBirth is not null)
        {
            w.WriteString("place_of_birth", q.PlaceOfBirth);
        }

        if (!q.Identifiers.IsDefaultOrEmpty)
        {
            w.WriteStartArray("identifiers");
            foreach (var id in q.Identifiers)
            {
                w.WriteStartObject();
                w.WriteString("type", IdTypeName(id.Type));
                w.WriteString("value", id.Value);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    public static void WriteExplanation(Utf8JsonWriter w, Explanation e)
    {
        w.WriteStartObject();
        w.WriteString("matched_name", e.MatchedName);
        w.WriteString("query_name", e.QueryName);
        w.WriteStartArray("features");
        foreach (var f in e.Features)
        {
            w.WriteStartObject();
            w.WriteString("feature", f.Feature);
            w.WriteNumber("score", Round(f.Score));
            w.WriteNumber("weight", Round(f.Weight));
            w.WriteNumber("contribution", Round(f.Contribution));
            WriteNullable(w, "query", f.Query);
            WriteNullable(w, "candidate", f.Candidate);
            WriteNullable(w, "detail", f.Detail);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }

    public static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    /// <summary>snake_case name of an identifier type, e.g. <c>national_id</c>.</summary>
    public static string IdTypeName(IdentifierType t) => t switch
    {
        IdentifierType.NationalId => "national_id",
        IdentifierType.TaxId => "tax_id",
        IdentifierType.CallSign => "call_sign",
        IdentifierType.AircraftSerial => "aircraft_serial",
        IdentifierType.SwiftBic => "swift_bic",
        IdentifierType.CryptoAddress => "crypto_address",
        IdentifierType.UnReference => "un_reference",
        _ => t.ToString().ToLowerInvariant(),
    };

    /// <summary>Invariant text of a number for CSV output.</summary>
    public static string Number(double v) => Round(v).ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>Writes <c>"files": [{name, sha256, bytes}]</c>: the files a list was read from.</summary>
    public static void WriteFiles(Utf8JsonWriter w, Comity.Sources.Abstractions.Provenance provenance)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(provenance);
        w.WriteStartArray("files");
        foreach (var f in provenance.Files)
        {
            w.WriteStartObject();
            w.WriteString("name", f.Name);
            w.WriteString("sha256", f.Sha256);
            w.WriteNumber("bytes", f.Bytes);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
