using Comity.Ui.Tests.Support;

namespace Comity.Ui.Tests;

/// <summary>Names from queries and lists are untrusted text: hostile names render as text, never as markup or script.</summary>
[Collection(DeskCollection.Name)]
public sealed class XssTests(Desk desk)
{
    private const string Script = "<script>window.__xss = 1</script>Ivan Petrov";
    private const string Img = "\"><img src=x onerror=\"window.__xss=2\">Vladimir Putin";
    private const string Rtl = "\u202Egnp.exe\u202C Vladimir Putin";

    [Fact]
    public async Task Hostile_names_render_as_text_in_the_queue_the_alert_the_screen_form_search_and_batches()
    {
        // An exact IMO number is decisive whatever the name: these hostile names become alerts.
        var vessel = ((Comity.Application.Corpus.CorpusHost)desk.Services.GetService(typeof(Comity.Application.Corpus.CorpusHost))!).Current!.Corpus.Entities
            .Where(e => e.Schema == Comity.Core.Model.Schema.Vessel)
            .SelectMany(e => e.Identifiers.Where(i => i.Type == Comity.Core.Model.IdentifierType.Imo).Select(i => i.Value))
            .Order(StringComparer.Ordinal).First();
        var ids = await desk.ScreenAsync(new
        {
            subjects = new object[]
            {
                new { id = "x-1", name = Img, schema = "Vessel", imo = vessel },
                new { id = "x-2", name = Rtl, schema = "Vessel", imo = vessel },
            },
        });
        Assert.NotEmpty(ids);
        desk.SignIn(Desk.AnaKey);
        var b = desk.Browser;

        void Clean()
        {
            Assert.Null(b.Script("return window.__xss === undefined ? null : window.__xss;"));
            Assert.Empty(b.All("img[src=x]"));
            Assert.Empty(b.All("main script"));
        }

        b.Go("/ui/alerts");
        Clean();
        Assert.Contains(b.All("#alert-queue td a bdi"), e => e.Text.Contains("<img src=x", StringComparison.Ordinal));
        Assert.Contains(b.All("#alert-queue td a bdi"), e => e.Text.Contains("gnp.exe", StringComparison.Ordinal));
        b.Go("/ui/alerts/" + ids[0]);
        Clean();
        Assert.Contains("onerror", b.Find("[data-testid=side-by-side]").Text, StringComparison.Ordinal);

        b.Go("/ui/screen");
        b.Find("#name").SendKeys(Script);
        b.Find("[data-testid=screen-form] button[type=submit]").Click();
        b.Find("[data-testid=screen-summary]");
        Clean();
        Assert.Equal(Script, b.Find("#name").GetAttribute("value"));

        b.Go("/ui/search?q=" + Uri.EscapeDataString(Img));
        Clean();
        Assert.Contains("onerror", b.Find("main h2").Text, StringComparison.Ordinal);

        var dir = Repo.TempDir();
        var file = Files.Csv(Path.Combine(dir, "x.csv"), ["name", "<script>window.__xss=3</script>"], [[Script, Img], [Rtl, "b"]]);
        b.Go("/ui/batches");
        b.Find("#file").SendKeys(file);
        b.Find("[data-testid=upload-form] button[type=submit]").Click();
        b.Find("[data-testid=mapping-preview]");
        Clean();
        Assert.Contains("<script>window.__xss=3</script>", b.Find("[data-testid=mapping-preview] thead").Text, StringComparison.Ordinal);
        Assert.Contains("onerror", b.Find("[data-testid=mapping-preview] tbody").Text, StringComparison.Ordinal);
        var rtlCell = b.All("[data-testid=mapping-preview] tbody bdi").First(e => e.Text.Contains("gnp.exe", StringComparison.Ordinal));
        Assert.Equal("BDI", rtlCell.TagName.ToUpperInvariant());
    }
}
