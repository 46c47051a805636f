using Comity.Core.Model;
using Comity.Sources.Abstractions;
using Comity.Sources.Spreadsheets;
using Comity.Sources.Uk;

namespace Comity.Sources.Tests.Uk;

public class OfsiLegacyCsvReaderTests
{
    internal static readonly string Csv = RepoFiles.Full("data/lists/uk/ofsi-conlist-csv-2018/sanctionsconlist.csv");

    private static readonly Lazy<LoadResult> Result = new(() => RepoFiles.Load(new OfsiLegacyCsvReader(), Csv));

    private static Entity Group(string id) => Result.Value.Entities.Single(e => e.SourceId == id);

    [Fact]
    public void Counts_match_the_file()
    {
        var r = Result.Value;

        // data/lists/README.md §11: 9,487 rows for 2,106 Group IDs, Last Updated 13/04/2018.
        Assert.Equal(9_487, r.Provenance.RecordCounts["rows"]);
        Assert.Equal(2_106, r.Entities.Length);
        Assert.Empty(r.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Equal("2018-04-13", r.Provenance.Published);
        Assert.Equal("ofsi-conlist-legacy", r.Provenance.Format);
        Assert.Equal(6_857 > 0, r.Entities.Any(e => e.Schema == Schema.Person));
        Assert.All(r.Entities, e => Assert.NotEqual(Schema.Vessel, e.Schema));
        Assert.All(r.Entities, e => Assert.DoesNotContain(e.Names, n => n.Kind == NameKind.WeakAlias));
    }

    [Fact]
    public void File_is_decoded_as_windows_1252()
    {
        var text = TextDecoding.Decode(File.ReadAllBytes(Csv), out var encoding);
        Assert.Equal(1252, encoding.CodePage);
        Assert.Contains("Protégé of Russia's Deputy Prime Minister", text, StringComparison.Ordinal);

        // é (0xE9) and the smart quotes 0x91/0x92 come out as the right characters in entities.
        Assert.Contains("Protégé of Russia's Deputy Prime Minister Dmitry Rogozin.", Group("13098").Remarks, StringComparison.Ordinal);
        Assert.Contains("in the \u2018PK5\u2019 (3rd district)", Group("13458").Remarks, StringComparison.Ordinal);
    }

    [Fact]
    public void Al_hababi_prime_alias_un_reference_and_passport()
    {
        var e = Group("13349");
        Assert.Equal("Nayef Salam Muhammad Ujaym AL-HABABI", e.Caption);
        Assert.Equal(new NameParts("Nayef", "Salam Muhammad Ujaym", "AL-HABABI"), e.Names[0].Parts);
        Assert.Contains(new EntityName("Sheikh Farooq AL-QAHTANI", NameKind.Alias, new NameParts("Sheikh", "Farooq", "AL-QAHTANI")), e.Names);
        Assert.Contains(new EntityName("Nayf Salam Muhammad Ujaym AL-HABABI", NameKind.Alias, new NameParts("Nayf", "Salam Muhammad Ujaym", "AL-HABABI")), e.Names);
        Assert.Equal(8, e.Names.Length);
        Assert.Equal(["1980", "1981"], e.BirthDates.Select(d => d.ToString()));
        Assert.Equal([new Place("Saudi Arabia", "sa")], e.BirthPlaces);
        Assert.Equal(["sa", "qa"], e.Nationalities);
        Assert.Equal([new Address("Afghanistan (since 2009)", Country: "af")], e.Addresses);
        Assert.Equal(
            new Identifier(IdentifierType.Passport, "592667", null, "Passport No: 592667 (Qatari passport issued on 3 May 2007)"),
            Assert.Single(e.Identifiers));
        Assert.Equal([new CrossReference("OFSI", "13349"), new CrossReference("UN", "QDe.004")], e.CrossReferences);
        Assert.Equal(["The ISIL (Da'esh) and Al-Qaida organisations"], e.Programs);
        Assert.Equal(new PartialDate(2016, 4, 1), e.ListedOn);
    }

    [Fact]
    public void Trailing_space_regime_is_trimmed() =>
        Assert.Contains(Result.Value.Entities, e => e.Programs.Contains("Venezuela"));

    [Fact]
    public void Detects_its_own_file_only()
    {
        var reader = new OfsiLegacyCsvReader();
        Assert.False(reader.CanRead(ListProbe.Open(OfsiConListReaderTests.Csv)));
        foreach (var file in RepoFiles.AllListFiles())
        {
            Assert.Equal(file == Csv, reader.CanRead(ListProbe.Open(file)));
        }
    }
}
