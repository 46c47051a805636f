using System.Net;
using System.Text.Json;
using Comity.Application.Corpus;
using Comity.Core.Model;
using Comity.Ui.Tests.Support;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;

namespace Comity.Ui.Tests;

/// <summary>Batch screening in the browser: a 5,000-row CSV through the column mapping, the live progress to 100 %,
/// and the downloaded results checked row by row; an XLSX; a cancelled run.</summary>
[Collection(DeskCollection.Name)]
public sealed class BatchTests(Desk desk)
{
    /// <summary>Names of UN-listed persons (two words or more), in a fixed order.</summary>
    private List<string> ListedNames(int count) =>
    [
        .. ((CorpusHost)desk.Services.GetService(typeof(CorpusHost))!).Current!.Corpus.Entities
            .Where(e => e.Source == "un-sc" && e.Schema == Schema.Person && e.Caption.Split(' ').Length >= 2 && e.Caption.Length < 60)
            .Select(e => e.Caption).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(count),
    ];

    private string Upload(string path)
    {
        var b = desk.Browser;
        b.Go("/ui/batches");
        b.Find("#file").SendKeys(path);
        b.Find("[data-testid=upload-form] button[type=submit]").Click();
        return b.Find("[data-testid=mapping-form]").GetAttribute("action")!;
    }

    private string WaitFinished(int seconds = 240)
    {
        var b = desk.Browser;
        return b.Wait(d =>
        {
            var state = d.FindElements(By.CssSelector("[data-testid=batch-state]")).FirstOrDefault()?.Text;
            return state is "completed" or "cancelled" or "failed" && d.FindElements(By.CssSelector("[data-testid=download-csv]")).Count > 0 ? state : null;
        }, "the batch run to finish", seconds);
    }

    [Fact]
    public async Task A_5000_row_csv_is_mapped_screened_with_live_progress_and_its_results_downloaded()
    {
        var listed = ListedNames(50);
        var rows = Files.Rows(5000, listed, every: 100);
        var dir = Repo.TempDir();
        var csv = Files.Csv(Path.Combine(dir, "customers-5000.csv"), ["Kundennummer", "Name", "Geburtsdatum", "Staatsangehörigkeit", "Notiz", "Ausweis"],
            rows.Select(r => r.Append("note " + r[0]).Append("P" + r[0][2..] + "X").ToArray()));
        desk.SignIn(Desk.AnaKey);
        var b = desk.Browser;
        Upload(csv);

        // The mapping was detected from the German header; the analyst binds the unrecognised "Ausweis" to passport.
        string Field(int column) => new SelectElement(b.Find($"#map-{column}")).SelectedOption.GetAttribute("value")!;
        Assert.Equal("id", Field(0));
        Assert.Equal("name", Field(1));
        Assert.Equal("dob", Field(2));
        Assert.Equal("country", Field(3));
        Assert.Equal("ignore", Field(4));
        Assert.Equal("ignore", Field(5));
        Assert.Equal(5, BatchRowsShown());
        new SelectElement(b.Find("#map-5")).SelectByValue("passport");
        b.Find("#jur").SendKeys("DE");
        b.Find("#asof").SendKeys("2026-12-01");
        b.Script("document.getElementById('asof').value = '2026-12-01';");
        b.Screenshot("batch-mapping");
        b.Find("[data-testid=mapping-form] button[type=submit]").Click();

        // Live progress, polled by the page, until 100 %.
        b.Find("[data-testid=batch-progress]");
        var seen = new List<int>();
        var state = b.Wait(d =>
        {
            var percent = d.FindElements(By.CssSelector("[data-testid=batch-percent]")).FirstOrDefault()?.Text;
            if (int.TryParse(percent, out var p) && (seen.Count == 0 || seen[^1] != p))
            {
                seen.Add(p);
            }

            var s = d.FindElements(By.CssSelector("[data-testid=batch-state]")).FirstOrDefault()?.Text;
            return s == "completed" && d.FindElements(By.CssSelector("[data-testid=download-csv]")).Count > 0 ? s : null;
        }, "the run to complete", 240);
        Assert.Equal("completed", state);
        Assert.Contains("Ausweis → passport", b.Find("dl.facts").Text, StringComparison.Ordinal);
        Assert.Equal(100, int.Parse(b.Find("[data-testid=batch-percent]").Text, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(100, seen[^1]);
        Assert.True(seen.SequenceEqual(seen.Order()), "progress never goes back: " + string.Join(",", seen));
        b.Screenshot("batch-done");

        // Download both result files with the session and check them row by row.
        var page = new Uri(b.Url).AbsolutePath;
        using var jsonl = await desk.GetWithSessionAsync(page + "/results.jsonl");
        Assert.Equal(HttpStatusCode.OK, jsonl.StatusCode);
        var lines = (await jsonl.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5000, lines.Length);
        var matchedRows = new HashSet<int>();
        for (var i = 0; i < lines.Length; i++)
        {
            using var doc = JsonDocument.Parse(lines[i]);
            var root = doc.RootElement;
            Assert.Equal(i + 1, root.GetProperty("row").GetInt32());
            Assert.False(root.TryGetProperty("error", out _), lines[i]);
            Assert.Equal(rows[i][0], root.GetProperty("id").GetString());
            if (root.GetProperty("hits").EnumerateArray().Any(h => h.GetProperty("match").GetBoolean()))
            {
                matchedRows.Add(i + 1);
            }
        }

        // Every listed name placed in the file (every 100th row) matches, with a decision under the DE profile.
        var planted = Enumerable.Range(1, 5000).Where(r => r % 100 == 0).ToList();
        Assert.All(planted, r => Assert.Contains(r, matchedRows));
        using var csvResponse = await desk.GetWithSessionAsync(page + "/results.csv");
        var csvLines = (await csvResponse.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = csvLines[0].Split(',');
        Assert.Equal(["row", "id", "query_name", "entity_id", "source", "source_id", "schema", "caption", "score", "match", "programs", "matched_name", "action", "conflict", "unconfirmed", "basis", "error"], header);
        var matchLines = csvLines.Skip(1).Where(l => l.Split(',')[9] == "true").ToList();
        Assert.True(matchLines.Count >= planted.Count);
        Assert.All(matchLines, l => Assert.NotEqual(string.Empty, l.Split(',')[12]));
        Assert.Equal(matchedRows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), b.Find("#batch-matched").Text);

        // The run's alerts are in the queue.
        b.Find("dl.facts a[href^='/ui/alerts?run=']").Click();
        Assert.NotEmpty(b.All("#alert-queue tbody tr[data-href]"));
    }

    private int BatchRowsShown() => desk.Browser.All("[data-testid=mapping-preview] tbody tr").Count;

    [Fact]
    public async Task An_xlsx_is_read_with_its_header_and_dates()
    {
        var listed = ListedNames(5);
        var dir = Repo.TempDir();
        var rows = Files.Rows(40, listed, every: 10, seed: 7);
        var xlsx = Files.Xlsx(Path.Combine(dir, "customers.xlsx"), ["customer_id", "full_name", "date_of_birth", "nationality"], rows);
        desk.SignIn(Desk.AnaKey);
        var b = desk.Browser;
        Upload(xlsx);
        Assert.Contains("XLSX, 40 data rows", b.Find("main").Text, StringComparison.Ordinal);
        Assert.Equal("id", new SelectElement(b.Find("#map-0")).SelectedOption.GetAttribute("value"));
        Assert.Equal("name", new SelectElement(b.Find("#map-1")).SelectedOption.GetAttribute("value"));
        b.Find("[data-testid=mapping-form] button[type=submit]").Click();
        Assert.Equal("completed", WaitFinished());
        var page = new Uri(b.Url).AbsolutePath;
        using var jsonl = await desk.GetWithSessionAsync(page + "/results.jsonl");
        var lines = (await jsonl.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(40, lines.Length);
        using var tenth = JsonDocument.Parse(lines[9]);
        Assert.Equal(rows[9][0], tenth.RootElement.GetProperty("id").GetString());
        Assert.Contains(tenth.RootElement.GetProperty("hits").EnumerateArray(), h => h.GetProperty("match").GetBoolean());
    }

    [Fact]
    public void A_run_can_be_cancelled_and_keeps_what_it_screened()
    {
        var dir = Repo.TempDir();
        var csv = Files.Csv(Path.Combine(dir, "big.csv"), ["id", "name", "dob", "nationality"], Files.Rows(60000, [], every: 1000, seed: 11));
        desk.SignIn(Desk.AnaKey);
        var b = desk.Browser;
        Upload(csv);
        b.Find("[data-testid=mapping-form] button[type=submit]").Click();
        b.Find("[data-testid=batch-cancel]").Click();
        // The page re-renders while the run goes on: wait for the notice rather than read an element that may be replaced.
        b.WaitForText("[data-testid=notice]", "Cancelling");
        Assert.Equal("cancelled", WaitFinished());
        var processed = int.Parse(b.Find("#batch-processed").Text, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(processed, 0, 59999);
        Assert.True(b.Exists("[data-testid=download-jsonl]"));
    }
}
