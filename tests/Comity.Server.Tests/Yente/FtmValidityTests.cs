using System.Net;
using System.Text;
using System.Text.Json;
using Comity.Server.Tests.Support;

namespace Comity.Server.Tests.Yente;

/// <summary>Issue 8 item 7: every entity the yente endpoints emit is valid FollowTheMoney, checked against FtM's
/// own published model (<c>ftm-model/defaultModel.json</c>). One server on the bundled default corpus for the class.</summary>
public sealed class FtmValidityTests(FtmValidityTests.CorpusServer fixture) : IClassFixture<FtmValidityTests.CorpusServer>
{
    /// <summary>Well-known subjects across the bundled lists: persons (sanctioned heads of state, ICC officials and
    /// warrant subjects), companies, a bank, a state-owned trading house, organisations.</summary>
    private static readonly (string Schema, string Name)[] Subjects =
    [
        ("Person", "Vladimir Vladimirovich Putin"),
        ("Person", "Nicolas Maduro Moros"),
        ("Person", "Karim Asad Ahmad Khan"),
        ("Person", "Benjamin Netanyahu"),
        ("Person", "Joseph Kony"),
        ("Person", "Kim Jong Un"),
        ("Person", "Sergei Lavrov"),
        ("Company", "Korea Mining Development Trading Corporation"),
        ("Company", "KOMID"),
        ("Company", "Banco Nacional de Cuba"),
        ("Company", "Rosneft"),
        ("Company", "Sberbank"),
        ("Organization", "Hizballah"),
        ("Organization", "Wagner Group"),
        ("LegalEntity", "Islamic Revolutionary Guard Corps"),
    ];

    public sealed class CorpusServer : IAsyncLifetime
    {
        internal TestServer Server { get; private set; } = null!;

        public async ValueTask InitializeAsync() => Server = await TestServer.StartAsync(o => o with { Lists = null });

        public ValueTask DisposeAsync() => Server.DisposeAsync();
    }

    [Fact]
    public async Task Every_entity_from_match_search_and_entities_is_valid_ftm()
    {
        var server = fixture.Server;
        var validator = new FtmValidator(FtmModel.Default);
        var ids = new SortedSet<string>(StringComparer.Ordinal);

        // A vessel and an aircraft named by the data itself (the first few the corpus lists), to query by example.
        var subjects = Subjects.ToList();
        foreach (var schema in new[] { "Vessel", "Airplane" })
        {
            var listed = await GetOkAsync(server, $"/search/default?schema={schema}&limit=3");
            foreach (var e in listed.GetProperty("results").EnumerateArray())
            {
                validator.Validate(e, $"/search?schema={schema}");
                subjects.Add((schema, e.GetProperty("caption").GetString()!));
            }
        }

        Assert.Contains(subjects, s => s.Schema == "Vessel");

        var queries = new StringBuilder("{\"queries\": {");
        for (var i = 0; i < subjects.Count; i++)
        {
            queries.Append(i == 0 ? string.Empty : ",").Append(JsonSerializer.Serialize("q" + i)).Append(": {\"schema\": ")
                .Append(JsonSerializer.Serialize(subjects[i].Schema)).Append(", \"properties\": {\"name\": [")
                .Append(JsonSerializer.Serialize(subjects[i].Name)).Append("]}}");
        }

        queries.Append("}}");
        using var match = await server.PostJsonAsync("/match/default?limit=10&threshold=0.5", queries.ToString());
        Assert.Equal(HttpStatusCode.OK, match.StatusCode);
        var matched = 0;
        foreach (var r in (await TestServer.JsonAsync(match)).GetProperty("responses").EnumerateObject())
        {
            foreach (var e in r.Value.GetProperty("results").EnumerateArray())
            {
                validator.Validate(e, $"/match {r.Name}");
                ids.Add(e.GetProperty("id").GetString()!);
                matched++;
            }
        }

        foreach (var (_, name) in subjects)
        {
            var found = await GetOkAsync(server, "/search/default?limit=20&q=" + Uri.EscapeDataString(name));
            foreach (var e in found.GetProperty("results").EnumerateArray())
            {
                validator.Validate(e, $"/search?q={name}");
                ids.Add(e.GetProperty("id").GetString()!);
            }

            var fuzzy = await GetOkAsync(server, "/search/default?fuzzy=true&limit=10&q=" + Uri.EscapeDataString(name));
            foreach (var e in fuzzy.GetProperty("results").EnumerateArray())
            {
                validator.Validate(e, $"/search?fuzzy&q={name}");
                ids.Add(e.GetProperty("id").GetString()!);
            }
        }

        var nestedSanctions = 0;
        foreach (var id in ids)
        {
            var e = await GetOkAsync(server, "/entities/" + Uri.EscapeDataString(id));
            validator.Validate(e, $"/entities/{id}");
            if (e.GetProperty("properties").TryGetProperty("sanctions", out var sanctions))
            {
                nestedSanctions += sanctions.EnumerateArray().Count(s => s.ValueKind == JsonValueKind.Object);
            }
        }

        var output = TestContext.Current.TestOutputHelper!;
        output.WriteLine($"{subjects.Count} subjects, {matched} /match results, {ids.Count} distinct entities fetched, {nestedSanctions} nested sanctions");
        output.WriteLine($"{validator.Entities} entities checked, {validator.Values} property values, {validator.InvalidValues} invalid");
        output.WriteLine($"{validator.UnknownProperties.Count} undefined schema:property pairs: {string.Join(", ", validator.UnknownProperties)}");
        foreach (var error in validator.Errors.Take(4000))
        {
            output.WriteLine(error);
        }

        Assert.True(matched > 0 && ids.Count > 0, "the well-known names must find entities");
        Assert.True(nestedSanctions > 0, "/entities must nest Sanction entities under properties.sanctions");
        Assert.True(validator.Errors.Count == 0, $"{validator.InvalidValues} of {validator.Values} property values invalid; first errors:\n" + string.Join('\n', validator.Errors.Take(30)));
    }

    private static async Task<JsonElement> GetOkAsync(TestServer server, string url)
    {
        using var response = await server.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        return await TestServer.JsonAsync(response);
    }
}
