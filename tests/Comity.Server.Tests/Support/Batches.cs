using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Comity.Server.Tests.Support;

internal static class Batches
{
    // Primary names from UN_consolidated.xml (QDi.291 and other Al-Qaida/ISIL individuals) plus names that match nothing.
    private static readonly string[] Names =
    [
        "Ibrahim Hassan Tali al-Asiri",
        "Ibrahim Hassan Al Asiri",
        "Nobody Anyone Whatsoever",
        "Quiet Harbour Bakery",
    ];

    /// <summary>A <c>/v1/screen</c> body of <paramref name="count"/> subjects with ids <c>row-N</c>.</summary>
    public static string Screen(int count) =>
        "{\"subjects\": [" + string.Join(',', Enumerable.Range(0, count).Select(i => $"{{\"id\": \"row-{i}\", \"name\": \"{Names[i % Names.Length]}\"}}")) + "]}";

    public static async Task<JsonElement> PostAsync(HttpClient client, string url, string body, string? idempotencyKey = null, string? apiKey = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        if (apiKey is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", apiKey);
        }

        using var response = await client.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{(int)response.StatusCode}: {text}");
        }

        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, string url, string? apiKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (apiKey is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", apiKey);
        }

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, text);
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }

    /// <summary>Every alert id in the store (all pages).</summary>
    public static async Task<List<string>> AllAlertIdsAsync(HttpClient client, string? apiKey = null)
    {
        var ids = new List<string>();
        for (var offset = 0; ; offset += 1000)
        {
            var page = await GetAsync(client, $"/v1/alerts?limit=1000&offset={offset}", apiKey);
            var items = page.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetString()!).ToList();
            ids.AddRange(items);
            if (items.Count < 1000)
            {
                return ids;
            }
        }
    }

    public static int MatchingHits(JsonElement screen) =>
        screen.GetProperty("results").EnumerateArray().Sum(r => r.GetProperty("hits").EnumerateArray().Count(h => h.GetProperty("match").GetBoolean()));
}
