using Comity.Sources.Abstractions;
using Comity.Sources.Au;
using Comity.Sources.Ch;
using Comity.Sources.Eu;
using Comity.Sources.Tests.Spreadsheets;
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
        var empty = DataFiles.TempFile([], ".dat");
        var garbage = DataFiles.TempFile(bytes, ".dat");
        try
        {
            Assert.False(reader.CanRead(ListProbe.Open(empty)));
            Assert.False(reader.CanRead(ListProbe.Open(garbage)));
            var e1 = Assert.Throws<ListFormatException>(() => DataFiles.Load(reader, empty));
            var e2 = Assert.Throws<ListFormatException>(() => DataFiles.Load(reader, garbage));
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

    [Theory]
    [MemberData(nameof(Readers))]
    public void Folders_are_not_claimed(string format) =>
        Assert.False(Create(format).CanRead(ListProbe.Open(DataFiles.Path("data/lists/uk/fcdo"))));
}
