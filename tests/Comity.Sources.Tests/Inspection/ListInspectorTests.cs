using System.Text.Json;
using Comity.Sources.Inspection;
using Comity.Sources.Tests.Registry;

namespace Comity.Sources.Tests.Inspection;

public class ListInspectorTests
{
    [Fact]
    public void Sdn_2024_report_as_json()
    {
        var report = ListInspector.Summarise(Loaded.Sdn2024);
        using var json = JsonDocument.Parse(ListInspector.ToJson(report));
        var root = json.RootElement;
        Assert.Equal(
            ["format", "source", "published", "entities", "schemata", "names", "diagnostics", "files", "record_counts"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("ofac-csv", root.GetProperty("format").GetString());
        Assert.Equal("us-ofac-sdn", root.GetProperty("source").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("published").ValueKind);
        Assert.Equal(15443, root.GetProperty("entities").GetInt32());
        var schemata = root.GetProperty("schemata");
        Assert.Equal(6927, schemata.GetProperty("Person").GetInt32());
        Assert.Equal(7270, schemata.GetProperty("Organization").GetInt32());
        Assert.Equal(872, schemata.GetProperty("Vessel").GetInt32());
        Assert.Equal(374, schemata.GetProperty("Airplane").GetInt32());
        Assert.Equal(report.Names, root.GetProperty("names").GetInt32());

        var groups = root.GetProperty("diagnostics").EnumerateArray().ToDictionary(g => g.GetProperty("code").GetString()!);
        Assert.Equal(3732, groups["orphan-address"].GetProperty("count").GetInt32());
        Assert.Equal(1330, groups["orphan-alias"].GetProperty("count").GetInt32());
        Assert.Equal(5, groups["orphan-comment"].GetProperty("count").GetInt32());
        Assert.Equal(5, groups["comment-mismatch"].GetProperty("count").GetInt32());
        Assert.Equal("warning", groups["orphan-address"].GetProperty("severity").GetString());
        var examples = groups["orphan-comment"].GetProperty("examples").EnumerateArray().Select(x => x.GetString()).ToList();
        Assert.Equal(5, examples.Count);
        // grep -n "^17016," sdn_comments.csv → line 1.
        Assert.Equal("sdn_comments.csv: line 1: ent_num 17016 is not in the primary table; continuation ignored", examples[0]);
        Assert.Equal(5, groups["orphan-address"].GetProperty("examples").GetArrayLength());

        var files = root.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(["add.csv", "alt.csv", "sdn.csv", "sdn_comments.csv"], files.Select(f => f.GetProperty("name").GetString()));
        var sdn = files[2];
        Assert.StartsWith("fb6a6ff6e93643d4", sdn.GetProperty("sha256").GetString());
        Assert.Equal(64, sdn.GetProperty("sha256").GetString()!.Length);
        Assert.Equal(3945271, sdn.GetProperty("bytes").GetInt64());
        Assert.Equal(15443, root.GetProperty("record_counts").GetProperty("sdn.csv").GetInt32());
    }

    [Fact]
    public void Inspect_reads_a_path()
    {
        var report = ListInspector.Inspect(RepoFiles.Lists("ofac/xml/consolidated.xml"), TestContext.Current.CancellationToken);
        Assert.Equal(("ofac-xml", "us-ofac-cons", "2025-03-28"), (report.Format, report.Source, report.Published));
        Assert.Equal(443, report.Entities);
        Assert.Equal(80, report.Schemata["Person"]);
        Assert.Equal(363, report.Schemata["Organization"]);
        // 443 primary names + 1,136 aka; uid 18721 lists its primary name again as an aka, which is de-duplicated.
        Assert.Equal(443 + 1136 - 1, report.Names);
        Assert.Equal("ce9a9a18d03b81d0", report.Files.Single().Sha256[..16]);
        Assert.Equal(941059, report.Files.Single().Bytes);
        Assert.DoesNotContain(report.Diagnostics, g => g.Severity == "error");
    }
}
