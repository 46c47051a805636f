using Comity.Server.Tests.Support;

namespace Comity.Server.Tests.Yente;

/// <summary>One person on several lists comes back as one entity: its best listing, the other listings as
/// <c>referents</c> and every list in <c>datasets</c> (yente's merged-entity shape).</summary>
public sealed class MergedSubjectTests
{
    [Fact]
    public async Task A_person_on_the_un_and_ofac_lists_is_one_result_with_referents()
    {
        // UN QDi.291 and OFAC SDN ent_num 12669 ("AL-ASIRI, Ibrahim Hassan Tali", SDGT) are the same person.
        var sdn = Path.Combine(Repo.TempDir(), "sdn-csv");
        Directory.CreateDirectory(sdn);
        foreach (var f in Directory.GetFiles(Repo.Data("lists", "ofac", "sdn-csv")))
        {
            File.Copy(f, Path.Combine(sdn, Path.GetFileName(f)));
        }

        await using var server = await TestServer.StartAsync(o => o with { Lists = [.. o.Lists!, sdn] });
        using var response = await server.PostJsonAsync("/match/default", """{"queries": {"q": {"schema": "Person", "properties": {"name": "Ibrahim Hassan Tali al-Asiri"}}}}""");
        var results = (await TestServer.JsonAsync(response)).GetProperty("responses").GetProperty("q").GetProperty("results").EnumerateArray().ToList();
        var ids = new[] { "un-sc:QDi.291", "us-ofac-sdn:12669" };
        var hits = results.Where(r => ids.Contains(r.GetProperty("id").GetString())).ToList();
        var merged = Assert.Single(hits);
        var other = ids.Single(i => i != merged.GetProperty("id").GetString());
        Assert.Contains(other, MatchExampleTests.Strings(merged.GetProperty("referents")));
        Assert.Equal(["un-sc", "us-ofac-sdn"], MatchExampleTests.Strings(merged.GetProperty("datasets")).Order(StringComparer.Ordinal).ToArray());

        using var excluded = await server.PostJsonAsync("/match/default?exclude_entity_ids=" + other, """{"queries": {"q": {"schema": "Person", "properties": {"name": "Ibrahim Hassan Tali al-Asiri"}}}}""");
        var rest = (await TestServer.JsonAsync(excluded)).GetProperty("responses").GetProperty("q").GetProperty("results").EnumerateArray();
        Assert.DoesNotContain(rest, r => ids.Contains(r.GetProperty("id").GetString()));
    }
}
