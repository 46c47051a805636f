using Comity.Core.Model;
using Comity.Sources.Abstractions;
using Comity.Sources.Registry;
using Comity.Sources.Tests.Registry;

namespace Comity.Sources.Tests.Ofac;

public class OfacXmlReaderTests
{
    private static string Fixture(string name) => Path.Combine(RepoFiles.Root, "tests", "Comity.Sources.Tests", "Ofac", "Fixtures", name);

    [Fact]
    public void Consolidated_counts_match_the_readme()
    {
        var r = Loaded.ConsXml;
        Assert.Equal("ofac-xml", r.Provenance.Format);
        Assert.Equal("us-ofac-cons", r.Provenance.Source);
        Assert.Equal("2025-03-28", r.Provenance.Published);
        Assert.Equal(443, r.Entities.Length);
        Assert.Equal(363, r.Entities.Count(e => e.Schema == Schema.Organization));
        Assert.Equal(80, r.Entities.Count(e => e.Schema == Schema.Person));
        Assert.Equal(443, r.Provenance.RecordCounts["Record_Count"]);
        Assert.Equal(1136, r.Provenance.RecordCounts["aka"]);
        Assert.Equal(2457, r.Provenance.RecordCounts["id"]);
        Assert.Equal(520, r.Provenance.RecordCounts["address"]);
        Assert.Equal(70, r.Entities.Sum(e => e.Names.Count(n => n.Kind == NameKind.WeakAlias)));
        Assert.Equal(141, r.Entities.Sum(e => e.Names.Count(n => n.Kind == NameKind.Former)));
        Assert.Empty(r.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void Zahhar_field_by_field()
    {
        // consolidated.xml lines 275-345.
        var e = Loaded.ConsXml.Entities.Single(x => x.SourceId == "9647");
        AssertZahhar(e, "us-ofac-cons");
    }

    [Fact]
    public void Pre_2024_namespace_reads_the_same()
    {
        var r = ListReaders.Load(Fixture("consolidated-pre2024-namespace.xml"), TestContext.Current.CancellationToken);
        Assert.Equal("ofac-xml", r.Provenance.Format);
        Assert.Equal("2025-03-28", r.Provenance.Published);
        Assert.Equal(["9639", "9640", "9647"], r.Entities.Select(e => e.SourceId));
        AssertZahhar(r.Entities[2], "us-ofac-cons");
        var original = Loaded.ConsXml.Entities.Single(x => x.SourceId == "9639");
        Assert.Equal(original.Names, r.Entities[0].Names);
        Assert.Equal(original.BirthDates, r.Entities[0].BirthDates);
        var haniya = r.Entities[0];
        Assert.Equal("HANIYA, Ismail Abdul Salah", haniya.Caption);
        Assert.Equal(new NameParts(Given: "Ismail Abdul Salah", Family: "HANIYA"), haniya.Names[0].Parts);
        Assert.Equal(new PartialDate(1962), Assert.Single(haniya.BirthDates).From);
        Assert.Equal(new Place("Shati"), Assert.Single(haniya.BirthPlaces));
    }

    private static void AssertZahhar(Entity e, string source)
    {
        Assert.Equal($"{source}:9647", e.Id);
        Assert.Equal(Schema.Person, e.Schema);
        Assert.Equal(
            [
                new EntityName("ZAHHAR, Mahmoud Khaled", NameKind.Primary, new NameParts(Given: "Mahmoud Khaled", Family: "ZAHHAR")),
                new EntityName("AL ZAHAR, Mahmoud Khaled", NameKind.Alias, new NameParts(Given: "Mahmoud Khaled", Family: "AL ZAHAR")),
                new EntityName("ZAHAR, Mahmoud", NameKind.WeakAlias),
                new EntityName("AL-ZAHAR, Mahmoud", NameKind.WeakAlias),
            ],
            e.Names);
        Assert.Equal(["NS-PLC", "SDGT"], e.Programs);
        Assert.Equal("(Linked To: HAMAS)", e.Remarks);
        Assert.Equal(Gender.Male, e.Gender);
        Assert.Equal("section 1(b) of Executive Order 13224, as amended by Executive Order 13886", e.Property("secondarySanctionsRisk"));
        Assert.Equal(new PartialDate(1945), Assert.Single(e.BirthDates).From);
        Assert.Equal(new Place("Gaza Strip"), Assert.Single(e.BirthPlaces));
        Assert.Equal("Region: Gaza", Assert.Single(e.Addresses).Full);
        Assert.Empty(e.Identifiers);
    }
}
