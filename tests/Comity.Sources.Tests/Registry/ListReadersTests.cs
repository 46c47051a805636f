using Comity.Sources.Abstractions;
using Comity.Sources.Registry;

namespace Comity.Sources.Tests.Registry;

public class ListReadersTests
{
    [Theory]
    [InlineData("ofac/sdn-csv", "ofac-csv")]
    [InlineData("ofac/sdn-csv-2021", "ofac-csv")]
    [InlineData("ofac/cons-csv", "ofac-csv")]
    [InlineData("ofac/sdn-csv-2021/sdn.csv", "ofac-csv")]
    [InlineData("ofac/xml/consolidated.xml", "ofac-xml")]
    [InlineData("un/UN_consolidated.xml", "un-xml")]
    public void Detects_formats_from_content(string relative, string format) =>
        Assert.Equal(format, ListReaders.Detect(ListProbe.Open(RepoFiles.Lists(relative))).Format);

    [Fact]
    public void Formats_are_unique() =>
        Assert.Equal(ListReaders.All.Count, ListReaders.All.Select(r => r.Format).Distinct().Count());

    [Theory]
    [InlineData("un/sc-sanctions.xsd")]
    public void Other_files_are_not_claimed(string relative)
    {
        var probe = ListProbe.Open(RepoFiles.Lists(relative));
        var e = Assert.Throws<ListFormatException>(() => ListReaders.Detect(probe));
        Assert.Contains(probe.Path, e.Message);
        Assert.Contains("unrecognised format", e.Message);
    }

    [Fact]
    public void Lone_primary_file_reads_without_joins()
    {
        var r = ListReaders.Load(RepoFiles.Lists("ofac/sdn-csv-2021/sdn.csv"), TestContext.Current.CancellationToken);
        Assert.Equal(8976, r.Entities.Length);
        Assert.Equal(4620, r.Entities.Count(e => e.Schema == Core.Model.Schema.Person));
        Assert.Single(r.Provenance.Files);
    }
}
