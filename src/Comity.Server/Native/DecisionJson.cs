using System.Text.Json;
using Comity.Law;

namespace Comity.Server.Native;

/// <summary>The wire shape of a law decision (snake_case: <c>action</c>, <c>conflict</c>, <c>entries</c> with
/// <c>regime</c>, <c>programme</c>, <c>action</c>, <c>basis</c>, <c>report</c>, <c>unconfirmed</c>, <c>reason</c>).</summary>
internal static class DecisionJson
{
    public static void Write(Utf8JsonWriter w, Decision d)
    {
        w.WriteStartObject();
        w.WriteString("action", d.Overall.ToWire());
        w.WriteBoolean("conflict", d.Conflict);
        w.WriteBoolean("unconfirmed", d.Unconfirmed);
        w.WriteStartArray("entries");
        foreach (var e in d.Entries)
        {
            w.WriteStartObject();
            w.WriteString("listing_id", e.ListingId);
            w.WriteString("regime", e.Regime);
            Str(w, "programme", e.Programme);
            w.WriteString("action", e.Action.ToWire());
            w.WriteString("basis", e.Basis);
            if (e.Report is { } r)
            {
                w.WriteStartObject("report");
                w.WriteString("to", r.To);
                if (r.WithinDays is { } days)
                {
                    w.WriteNumber("within_days", days);
                }
                else
                {
                    w.WriteNull("within_days");
                }

                Str(w, "days", r.Days);
                Str(w, "when", r.When);
                w.WriteString("basis", r.Basis);
                w.WriteBoolean("unconfirmed", r.Unconfirmed);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("report");
            }

            w.WriteBoolean("unconfirmed", e.Unconfirmed);
            Str(w, "reason", e.Reason);
            w.WriteString("explanation", e.Explanation);
            Str(w, "what_would_change", e.WhatWouldChange);
            w.WriteStartArray("flags");
            foreach (var f in e.Flags)
            {
                w.WriteStringValue(f);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("notes");
        foreach (var n in d.Notes)
        {
            w.WriteStringValue(n);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static string ToJson(Decision? d)
    {
        if (d is null)
        {
            return "{}";
        }

        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, Yente.WireJson.Options))
        {
            Write(w, d);
        }

        return System.Text.Encoding.UTF8.GetString(ms.ToArray());
    }

    private static void Str(Utf8JsonWriter w, string name, string? value)
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
}
