using Comity.Sources.Abstractions;
using Comity.Sources.Au;
using Comity.Sources.Ch;
using Comity.Sources.Eu;
using Comity.Sources.Uk;

namespace Comity.Sources.Tests.Building;

public class ReaderRobustnessTests
{
    public static TheoryData<string> Readers => ["eu-fsf-xml", "eu-fsf-csv", "ofsi-conlist", "ofsi-conlist-legacy", "fcdo-ods", "fcdo-xml", "fcdo-csv", "seco-xml", "dfat-xlsx"];

    internal static IListReader Create(string format) => format switch
    {
        "eu-fsf-xml" => new EuFsfXmlReader(),
        "eu-fsf-csv" => new EuFsfCsvReader(),
        "ofsi-conlist" => new OfsiConListReader(),
        "ofsi-conlist-legacy" => new OfsiLegacyCsvReader(),
        "fcdo-ods" => new FcdoOdsReader(),
        "fcdo-xml" => new FcdoXmlReader(),
        "fcdo-csv" => new FcdoCsvReader(),
        "seco-xml" => new SecoXmlReader(),
        "dfat-xlsx" => new DfatXlsxReader(),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    [Theory]
    [MemberData(nameof(Readers))]
    public void Empty_and_garbage_files_are_refused_and_not_detected(string format)
    {
        var reader = Create(format);
        Assert.Equal(format, reader.Format);
        var random = new Random(20261128);
        var bytes = new byte[8192];
        random.NextBytes(bytes);
        var empty = TempFile.Write([], ".dat");
        var garbage = TempFile.Write(bytes, ".dat");
        try
        {
            Assert.False(reader.CanRead(ListProbe.Open(empty)));
            Assert.False(reader.CanRead(ListProbe.Open(garbage)));
            var e1 = Assert.Throws<ListFormatException>(() => RepoFiles.Load(reader, empty));
            var e2 = Assert.Throws<ListFormatException>(() => RepoFiles.Load(reader, garbage));
            Assert.Equal(Path.GetFileName(empty), e1.File);
            Assert.Equal(Path.GetFileName(garbage), e2.File);
            Assert.NotEmpty(e1.Location);
            Assert.NotEmpty(e2.Location);
        }
        finally
        {
            File.Delete(empty);
            File.Delete(garbage);
        }
    }

    [Fact]
    public void Every_file_is_claimed_by_its_reader_only()
    {
        var expected = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["data/lists/eu/sample_eu_fsf.xml"] = "eu-fsf-xml",
            ["data/constructed/eu/fsf-csv-1_1-from-sample.csv"] = "eu-fsf-csv",
            ["data/lists/uk/ofsi-conlist-2022/ConList-2025-04-10.xlsx"] = "ofsi-conlist",
            ["data/constructed/uk/ConList-2022-format-excerpt.csv"] = "ofsi-conlist",
            ["data/lists/uk/ofsi-conlist-csv-2018/sanctionsconlist.csv"] = "ofsi-conlist-legacy",
            ["data/lists/uk/fcdo/FCDO_SL_Mon_Aug 11 2025.ods"] = "fcdo-ods",
            ["data/constructed/uk/UK-Sanctions-List-constructed.xml"] = "fcdo-xml",
            ["data/constructed/uk/UK-Sanctions-List-constructed.csv"] = "fcdo-csv",
            ["data/lists/ch/seco.xml"] = "seco-xml",
            ["data/lists/au/regulation8_consolidated.xlsx"] = "dfat-xlsx",
        };
        var readers = Readers.Select(r => Create((string)r.Data)).ToList();
        var files = RepoFiles.AllListFiles()
            .Concat(Directory.EnumerateFiles(RepoFiles.Full("data/constructed"), "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".md", StringComparison.Ordinal)))
            .ToList();
        Assert.All(expected.Keys, k => Assert.Contains(RepoFiles.Full(k), files));
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(RepoFiles.Root, file).Replace('\\', '/');
            var claimed = readers.Where(r => r.CanRead(ListProbe.Open(file))).Select(r => r.Format).ToList();
            Assert.Equal(expected.TryGetValue(relative, out var format) ? [format] : [], claimed);
        }
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public void Folders_are_not_claimed(string format) =>
        Assert.False(Create(format).CanRead(ListProbe.Open(RepoFiles.Full("data/lists/uk/fcdo"))));
}
