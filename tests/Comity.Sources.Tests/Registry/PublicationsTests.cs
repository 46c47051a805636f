using Comity.Sources.Abstractions;
using Comity.Sources.Registry;

namespace Comity.Sources.Tests.Registry;

/// <summary>A folder given as a list is read whole: one publication when one reader claims all of it (an OFAC CSV
/// set, the ICC dataset with its law table and README), otherwise every list in it — never one list with the others
/// silently left out.</summary>
public sealed class PublicationsTests : IDisposable
{
    private readonly TempFiles _temp = new();

    [Theory]
    [InlineData("data/icc", "icc-csv")]
    [InlineData("data/lists/ofac/sdn-csv", "ofac-csv")]
    [InlineData("data/lists/ofac/cons-csv", "ofac-csv")]
    public void A_folder_one_reader_claims_is_one_publication(string relative, string format)
    {
        var probe = Assert.Single(ListReaders.Publications(RepoFiles.Full(relative)));
        Assert.True(probe.IsDirectory);
        Assert.Equal(format, ListReaders.Detect(probe).Format);
    }

    [Theory]
    [InlineData("data/icc/warrants.csv", "data/lists/un/UN_consolidated.xml")]
    [InlineData("data/icc/warrants.csv", "data/lists/us/bis-dpl/dpl.txt")]
    [InlineData("data/lists/ofac/sdn-csv/sdn.csv", "data/lists/un/UN_consolidated.xml")]
    public void A_folder_holding_two_lists_yields_both(string first, string second)
    {
        File.Copy(RepoFiles.Full(first), Path.Combine(_temp.Dir, Path.GetFileName(first)));
        File.Copy(RepoFiles.Full(second), Path.Combine(_temp.Dir, Path.GetFileName(second)));
        var formats = ListReaders.Publications(_temp.Dir).Select(p => ListReaders.Detect(p).Format).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(2, formats.Length);
        Assert.Equal(
            new[] { ListReaders.Detect(ListProbe.Open(RepoFiles.Full(first))).Format, ListReaders.Detect(ListProbe.Open(RepoFiles.Full(second))).Format }.Order(StringComparer.Ordinal),
            formats);
    }

    [Fact]
    public void Documentation_is_skipped_and_subfolders_are_read()
    {
        File.Copy(RepoFiles.Full("data/lists/un/UN_consolidated.xml"), Path.Combine(_temp.Dir, "un.xml"));
        File.Copy(RepoFiles.Full("data/lists/un/sc-sanctions.xsd"), Path.Combine(_temp.Dir, "sc-sanctions.xsd"));
        _temp.Write("NOTES.md", "# notes\n");
        var sub = Directory.CreateDirectory(Path.Combine(_temp.Dir, "icc")).FullName;
        File.Copy(RepoFiles.Full("data/icc/warrants.csv"), Path.Combine(sub, "warrants.csv"));
        var found = ListReaders.Publications(_temp.Dir);
        Assert.Equal(["un.xml", "icc"], found.Select(p => Path.GetFileName(p.Path)));
    }

    [Fact]
    public void A_file_in_no_known_format_is_an_error_naming_it()
    {
        File.Copy(RepoFiles.Full("data/lists/un/UN_consolidated.xml"), Path.Combine(_temp.Dir, "un.xml"));
        var junk = _temp.Write("customers.xlsx.txt", "this is not a list\n");
        var e = Assert.Throws<ListFormatException>(() => ListReaders.Publications(_temp.Dir));
        Assert.Contains(junk, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_holding_no_list_is_an_error()
    {
        _temp.Write("README.md", "# nothing here\n");
        var e = Assert.Throws<ListFormatException>(() => ListReaders.Publications(_temp.Dir));
        Assert.Contains("holds no list", e.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();
}
