using System.Text.Json;

namespace Comity.LoadTest;

/// <summary>Request bodies for <c>POST /match/default</c>, one query each: listed names as they are, with a typo,
/// reordered, and names that match nothing; fixed seed.</summary>
internal static class Workload
{
    private static readonly string[] Given = ["Maria", "John", "Ahmed", "Li", "Olga", "Pierre", "Kwame", "Sofia", "Hiroshi", "Fatima", "Ivan", "Elena"];
    private static readonly string[] Family = ["Keller", "Okafor", "Nakamura", "Silva", "Petersen", "Haddad", "Novak", "Moreau", "Lindqvist", "Costa", "Brennan", "Varga"];

    public static async Task<List<byte[]>> BuildAsync(HttpClient client, int count, int seed) =>
        [.. (await NamesAsync(client, count, seed).ConfigureAwait(false)).Select(n => Body(n.Name, n.Schema))];

    /// <summary>The names and schemata behind <see cref="BuildAsync"/>'s bodies (the soak puts them in other requests).</summary>
    public static async Task<List<(string Name, string Schema)>> NamesAsync(HttpClient client, int count, int seed)
    {
        var listed = new List<(string Name, string Schema)>();
        for (var offset = 0; offset <= 7500; offset += 2500)
        {
            // A server still warming up (or over its time budget on a loaded machine) answers 503: wait and ask again.
            var uri = new Uri($"/search/default?limit=500&offset={offset}", UriKind.Relative);
            var response = await client.GetAsync(uri).ConfigureAwait(false);
            for (var attempt = 1; response.StatusCode == System.Net.HttpStatusCode.ServiceUnavailable && attempt < 30; attempt++)
            {
                var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
                response.Dispose();
                await Task.Delay(wait < TimeSpan.FromSeconds(5) ? wait : TimeSpan.FromSeconds(5)).ConfigureAwait(false);
                response = await client.GetAsync(uri).ConfigureAwait(false);
            }

            using var _ = response;
            response.EnsureSuccessStatusCode();
            using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync().ConfigureAwait(false));
            foreach (var e in doc.RootElement.GetProperty("results").EnumerateArray())
            {
                listed.Add((e.GetProperty("caption").GetString()!, e.GetProperty("schema").GetString()!));
            }
        }

        var random = new Random(seed);
        var names = new List<(string Name, string Schema)>(count);
        for (var i = 0; i < count; i++)
        {
            string name;
            string schema;
            var kind = random.Next(10);
            if (kind < 7 && listed.Count > 0)
            {
                (name, schema) = listed[random.Next(listed.Count)];
                if (kind >= 4)
                {
                    name = Typo(name, random);
                }
                else if (kind == 3)
                {
                    name = string.Join(' ', name.Split(' ').Reverse());
                }
            }
            else
            {
                name = $"{Given[random.Next(Given.Length)]} {Family[random.Next(Family.Length)]}";
                schema = "Person";
            }

            if (schema == "LegalEntity")
            {
                schema = "Thing";
            }

            names.Add((name, schema));
        }

        return names;
    }

    private static string Typo(string name, Random random)
    {
        if (name.Length < 6)
        {
            return name;
        }

        var chars = name.ToCharArray();
        var i = 1 + random.Next(chars.Length - 2);
        (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
        return new string(chars);
    }

    public static byte[] Body(string name, string schema)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms))
        {
            w.WriteStartObject();
            w.WriteStartObject("queries");
            w.WriteStartObject("q");
            w.WriteString("schema", schema);
            w.WriteStartObject("properties");
            w.WriteStartArray("name");
            w.WriteStringValue(name);
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return ms.ToArray();
    }
}
