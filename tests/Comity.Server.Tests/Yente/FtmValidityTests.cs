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
        foreach (var error in validator.Errors.Take(400))
        {
            output.WriteLine(error);
        }

        Assert.True(matched > 0 && ids.Count > 0, "the well-known names must find entities");
        Assert.True(nestedSanctions > 0, "/entities must nest Sanction entities under properties.sanctions");
        Assert.True(validator.Errors.Count == 0, $"{validator.InvalidValues} of {validator.Values} property values invalid; first errors:\n" + string.Join('\n', validator.Errors.Take(30)));
    }

    [Fact]
    public async Task Timestamps_come_from_the_data_not_from_the_clock()
    {
        var server = fixture.Server;
        var catalog = await GetOkAsync(server, "/catalog");
        var datasets = catalog.GetProperty("datasets").EnumerateArray().ToDictionary(d => d.GetProperty("name").GetString()!, StringComparer.Ordinal);
        var loaded = datasets["default"].GetProperty("last_export").GetString();
        foreach (var (name, d) in datasets)
        {
            // Every bundled list has a data date of its own: a publication date or the latest date its entries record.
            Assert.NotEqual(loaded, d.GetProperty("updated_at").GetString());
        }

        // One data date: yente's updated_at (and so every entity's last_seen) is the date /v1/lists reports.
        var lists = await GetOkAsync(server, "/v1/lists");
        foreach (var d in lists.GetProperty("datasets").EnumerateArray())
        {
            if (d.TryGetProperty("data_date", out var date) && date.ValueKind == System.Text.Json.JsonValueKind.String)
            {
                Assert.StartsWith(date.GetString()!, datasets[d.GetProperty("source").GetString()!].GetProperty("updated_at").GetString(), StringComparison.Ordinal);
            }
        }

        var checkedListings = 0;
        foreach (var (_, name) in Subjects)
        {
            var found = await GetOkAsync(server, "/search/default?limit=5&q=" + Uri.EscapeDataString(name));
            foreach (var hit in found.GetProperty("results").EnumerateArray())
            {
                var id = hit.GetProperty("id").GetString()!;
                var e = await GetOkAsync(server, "/entities/" + Uri.EscapeDataString(id));
                await Task.Delay(TimeSpan.FromMilliseconds(50), TestContext.Current.CancellationToken);
                var again = await GetOkAsync(server, "/entities/" + Uri.EscapeDataString(id));
                var dataset = e.GetProperty("datasets")[0].GetString()!;
                foreach (var field in new[] { "first_seen", "last_seen", "last_change" })
                {
                    Assert.Equal(e.GetProperty(field).GetString(), again.GetProperty(field).GetString());
                    Assert.Equal(e.GetProperty(field).GetString(), hit.GetProperty(field).GetString());
                }

                Assert.Equal(datasets[dataset].GetProperty("updated_at").GetString(), e.GetProperty("last_seen").GetString());
                var own = e.GetProperty("properties").GetProperty("sanctions").EnumerateArray()
                    .Single(s => s.GetProperty("id").GetString() == id + ":sanction");
                Assert.Equal(id, own.GetProperty("properties").GetProperty("entity")[0].GetString());
                if (own.GetProperty("properties").TryGetProperty("listingDate", out var listed)
                    && string.CompareOrdinal(listed[0].GetString(), e.GetProperty("last_seen").GetString()) <= 0)
                {
                    Assert.StartsWith(listed.EnumerateArray().Select(x => x.GetString()!).Min(StringComparer.Ordinal)!, e.GetProperty("first_seen").GetString(), StringComparison.Ordinal);
                    checkedListings++;
                }
            }
        }

        Assert.True(checkedListings > 10, $"only {checkedListings} listings carried a listing date");
    }

    [Fact]
    public async Task Sanctions_are_ids_with_nested_false_and_each_id_answers()
    {
        var server = fixture.Server;
        var validator = new FtmValidator(FtmModel.Default);
        var found = await GetOkAsync(server, "/search/default?limit=3&q=" + Uri.EscapeDataString("Korea Mining Development"));
        var ids = found.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString()!).ToList();
        Assert.NotEmpty(ids);
        foreach (var id in ids)
        {
            var flat = await GetOkAsync(server, "/entities/" + Uri.EscapeDataString(id) + "?nested=false");
            validator.Validate(flat, id);
            var refs = flat.GetProperty("properties").GetProperty("sanctions").EnumerateArray().Select(s => s.GetString()!).ToList();
            Assert.Contains(id + ":sanction", refs);
            foreach (var r in refs)
            {
                var sanction = await GetOkAsync(server, "/entities/" + Uri.EscapeDataString(r));
                validator.Validate(sanction, r);
                Assert.Equal("Sanction", sanction.GetProperty("schema").GetString());
                Assert.Equal(r, sanction.GetProperty("id").GetString());
                Assert.Equal(r[..^":sanction".Length], sanction.GetProperty("properties").GetProperty("entity")[0].GetString());
                Assert.NotEmpty(sanction.GetProperty("properties").GetProperty("authority").EnumerateArray());
            }
        }

        Assert.Empty(validator.Errors);
        using var missing = await server.GetAsync("/entities/" + Uri.EscapeDataString("un-sc:nope:sanction"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private static async Task<JsonElement> GetOkAsync(TestServer server, string url)
    {
        using var response = await server.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        return await TestServer.JsonAsync(response);
    }
}
