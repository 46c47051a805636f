using System.Security.Cryptography;
using System.Text.Json;

namespace Comity.Server.Native;

/// <summary>The canonical form of a JSON request, for binding an idempotency key to its request: object members
/// sorted by name (ordinal), no whitespace, strings re-escaped one way, numbers as sent. Two bodies that differ only
/// in layout or member order have the same hash; any change of a value changes it.</summary>
internal static class CanonicalJson
{
    /// <summary>SHA-256 (lower-case hex) of the canonical form of <paramref name="root"/>.</summary>
    public static string Sha256(JsonElement root)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = false, SkipValidation = true }))
        {
            Write(w, root);
        }

        return Convert.ToHexStringLower(SHA256.HashData(ms.GetBuffer().AsSpan(0, (int)ms.Length)));
    }

    private static void Write(Utf8JsonWriter w, JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                w.WriteStartObject();
                foreach (var p in e.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    w.WritePropertyName(p.Name);
                    Write(w, p.Value);
                }

                w.WriteEndObject();
                break;
            case JsonValueKind.Array:
                w.WriteStartArray();
                foreach (var item in e.EnumerateArray())
                {
                    Write(w, item);
                }

                w.WriteEndArray();
                break;
            case JsonValueKind.String:
                w.WriteStringValue(e.GetString());
                break;
            default:
                // Numbers, true, false, null: their raw text (a number's text is what the parser read).
                w.WriteRawValue(e.GetRawText(), skipInputValidation: true);
                break;
        }
    }
}
