using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Comity.Application.Corpus;
using Comity.Server.Security;
using Comity.Server.Tests.Support;
using Comity.Server.Ui.Security;

namespace Comity.Server.Tests.Ui;

/// <summary>The entity page's "Linked subjects", rendered by the real server over the bundled OFAC SDN list and a small
/// FollowTheMoney file: a real <c>Linked To</c> resolves to the listed subject's page (and shows there as "linked
/// from"), an FtM owner id resolves by id, names nobody lists stay text marked as not found, hostile names are escaped.</summary>
public sealed partial class EntityLinksTests : IAsyncLifetime
{
    private const string Script = "<script>window.__xss = 1</script>Ivan Petrov";
    private const string Img = "\"><img src=x onerror=\"window.__xss=2\">Quorble Holdings";
    private const string Nobody = "Zyxwvut Brumbleplex Trading";

    private TestServer? _server;
    private string? _cookie;

    public async ValueTask InitializeAsync()
    {
        var dir = Repo.TempDir();
        var ftm = Path.Combine(dir, "linked.ftm.json");
        string Line(object o) => JsonSerializer.Serialize(o);
        await File.WriteAllLinesAsync(ftm,
        [
            Line(new { id = "c1", schema = "Company", datasets = new[] { "xss-linked" }, properties = new { name = new[] { "Quorble Shipping Holdings" } } }),
            Line(new { id = "v1", schema = "Vessel", datasets = new[] { "xss-linked" }, properties = new { name = new[] { "Test Carrier Nine" }, owner = new[] { "c1", Script, Img, Nobody } } }),
        ], TestContext.Current.CancellationToken);
        _server = await TestServer.StartAsync(o => o with { Lists = [Repo.Data("lists", "ofac", "sdn-csv"), ftm] });
        var sessions = (UiSessions)_server.Services.GetService(typeof(UiSessions))!;
        _cookie = UiSessions.CookieName + "=" + sessions.Create("tester", AccessRole.Screener, authenticated: false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private async Task<string> PageAsync(string entityId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/ui/entities/" + Uri.EscapeDataString(entityId));
        request.Headers.Add("Cookie", _cookie);
        using var response = await _server!.Client.SendAsync(request, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {html}");
        return html;
    }

    private static string Section(string html)
    {
        var m = LinkedSection().Match(html);
        Assert.True(m.Success, "no Linked subjects section");
        return m.Value;
    }

    [Fact]
    public async Task A_real_ofac_linked_to_resolves_to_the_listed_subjects_page_and_shows_there_as_linked_from()
    {
        // MUSHTAHA, Rawhi (SDN 18527): remarks "Linked To: HAMAS." The SDN lists HAMAS itself.
        var corpus = ((CorpusHost)_server!.Services.GetService(typeof(CorpusHost))!).Current!.Corpus;
        var from = corpus.Find("us-ofac-sdn:18527")!;
        Assert.Equal("HAMAS", from.Property("linkedTo"));
        var hamas = corpus.Entities.Single(e => e.Source == "us-ofac-sdn" && e.Caption == "HAMAS");

        var section = Section(await PageAsync(from.Id));
        var link = ResolvedLink().Match(section);
        Assert.True(link.Success, section);
        Assert.Equal("/ui/entities/" + Uri.EscapeDataString(hamas.Id), link.Groups["href"].Value);
        Assert.Equal("HAMAS", WebUtility.HtmlDecode(link.Groups["caption"].Value));
        Assert.Contains("us-ofac-sdn · exact name", WebUtility.HtmlDecode(section), StringComparison.Ordinal);
        Assert.DoesNotContain("linked-unresolved", section, StringComparison.Ordinal);

        // The reverse: HAMAS's page lists the listings that name it, MUSHTAHA among them.
        var back = Section(await PageAsync(hamas.Id));
        Assert.Contains("data-testid=\"linked-from\"", back, StringComparison.Ordinal);
        Assert.Contains("href=\"/ui/entities/" + Uri.EscapeDataString(from.Id) + "\"", back, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_owner_id_resolves_by_id_and_unknown_or_hostile_names_render_as_escaped_text_marked_not_found()
    {
        var html = await PageAsync("xss-linked:v1");
        var section = Section(html);
        var link = ResolvedLink().Match(section);
        Assert.True(link.Success, section);
        Assert.Equal("/ui/entities/xss-linked%3Ac1", link.Groups["href"].Value);
        Assert.Equal("Quorble Shipping Holdings", WebUtility.HtmlDecode(link.Groups["caption"].Value));

        var unresolved = Unresolved().Matches(section).Select(m => WebUtility.HtmlDecode(m.Groups["name"].Value)).ToList();
        Assert.Equal([Script, Img, Nobody], unresolved);
        Assert.Equal(3, Regex.Count(section, "not found in the loaded lists"));

        // Hostile text never becomes markup anywhere on the page.
        Assert.DoesNotContain("<script>window.__xss", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.DoesNotContain("onerror=\"window", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("""<section class="panel" data-testid="entity-linked">.*?</section>""", RegexOptions.Singleline)]
    private static partial Regex LinkedSection();

    [GeneratedRegex("""<a href="(?<href>[^"]*)" data-testid="linked-resolved"><bdi>(?<caption>[^<]*)</bdi></a>""")]
    private static partial Regex ResolvedLink();

    [GeneratedRegex("""<bdi data-testid="linked-unresolved">(?<name>[^<]*)</bdi>""")]
    private static partial Regex Unresolved();
}
