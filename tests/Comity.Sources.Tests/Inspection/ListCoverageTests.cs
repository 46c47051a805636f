using Comity.Sources.Abstractions;
using Comity.Sources.Inspection;

namespace Comity.Sources.Tests.Inspection;

/// <summary><c>comity lists inspect</c> succeeds on every real list file and folder under data/lists, and refuses the
/// documentation kept beside them with a clear message.</summary>
public class ListCoverageTests
{
    private static readonly string[] Documentation = [".xsd", ".pdf"];

    public static TheoryData<string> ListPaths()
    {
        var lists = RepoFiles.Lists(string.Empty);
        var data = new TheoryData<string>();
        var entries = Directory.EnumerateFileSystemEntries(lists, "*", SearchOption.AllDirectories)
            .Where(p => Directory.Exists(p) || (!Documentation.Contains(Path.GetExtension(p), StringComparer.OrdinalIgnoreCase) && Path.GetFileName(p) != "README.md"))
            .Select(p => Path.GetRelativePath(lists, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            data.Add(entry);
        }

        return data;
    }

    public static TheoryData<string> DocumentationPaths()
    {
        var lists = RepoFiles.Lists(string.Empty);
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(lists, "*", SearchOption.AllDirectories)
            .Where(p => Documentation.Contains(Path.GetExtension(p), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(lists, file).Replace('\\', '/'));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ListPaths))]
    public void Every_list_file_and_folder_inspects(string relative)
    {
        var report = ListInspector.Inspect(RepoFiles.Lists(relative), TestContext.Current.CancellationToken);
        Assert.False(string.IsNullOrEmpty(report.Format));
        Assert.False(string.IsNullOrEmpty(report.Source));
        Assert.NotEmpty(report.Files);
        Assert.All(report.Files, f => Assert.Equal(64, f.Sha256.Length));
        Assert.NotEmpty(report.RecordCounts);
    }

    [Fact]
    public void The_walk_covers_the_bundled_lists()
    {
        var paths = ListPaths().Select(row => row.Data).ToList();

        // find data/lists -type f, less README.md, 3 schemas and the PDF: 32 files; find data/lists -mindepth 1 -type d: 20 folders.
        Assert.Equal(32 + 20, paths.Count);
        Assert.Contains("ofac/advanced-xml/fragments-2024-03-06/minified_DateOfIssue.xml", paths);
        Assert.Contains("eu/Abbreviation FSD extract program (1).xlsx", paths);
        Assert.Contains("ofac/cons-csv/cons_comments.csv", paths);
        Assert.DoesNotContain(paths, p => p.EndsWith(".xsd", StringComparison.Ordinal) || p.EndsWith(".pdf", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(DocumentationPaths))]
    public void Documentation_is_refused_clearly(string relative)
    {
        var path = RepoFiles.Lists(relative);
        var e = Assert.Throws<ListFormatException>(() => ListInspector.Inspect(path, TestContext.Current.CancellationToken));
        var kind = relative.EndsWith(".pdf", StringComparison.Ordinal) ? "a PDF document" : "an XML schema";
        Assert.Contains($"{Path.GetFileName(path)} is {kind}, not a list", e.Message, StringComparison.Ordinal);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Documentation_files_are_the_three_bundled()
    {
        Assert.Equal(
            ["eu/FSF-CSV-attributes[1384].pdf", "eu/schema_1_1.xsd", "ofac/advanced-xml/sdn_advanced.xsd", "un/sc-sanctions.xsd"],
            DocumentationPaths().Select(row => row.Data));
    }
}
