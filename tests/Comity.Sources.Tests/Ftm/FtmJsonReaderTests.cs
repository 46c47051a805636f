using Comity.Core.Model;
using Comity.Sources.Abstractions;
using Comity.Sources.Ftm;

namespace Comity.Sources.Tests.Ftm;

public class FtmJsonReaderTests
{
    private const string Lines = "data/constructed/ftm/entities.ftm.json";
    private const string Array = "data/constructed/ftm/entities-array.json";
    private readonly FtmJsonReader _reader = new();

    [Fact]
    public void Rejects_every_official_list_file() => DetectionAssert.OnlyOwnFiles(_reader);

    [Fact]
    public void Accepts_both_constructed_shapes()
    {
        Assert.True(_reader.CanRead(RepoFiles.Probe(Lines)));
        Assert.True(_reader.CanRead(RepoFiles.Probe(Array)));
    }

    [Fact]
    public void Json_lines_field_by_field()
    {
        var r = _reader.Load(Lines);
        Assert.Empty(r.Diagnostics);
        Assert.Equal("demo-sanctions", r.Provenance.Source);
        Assert.Equal("2025-11-02", r.Provenance.Published);
        Assert.Equal(8, r.Provenance.RecordCounts["records"]);
        Assert.Equal(2, r.Provenance.RecordCounts["sanctions"]);
        Assert.Equal(["demo-sanctions:NK-demo-person-1", "demo-sanctions:NK-demo-company-1", "demo-sanctions:NK-demo-vessel-1"], r.Entities.Select(e => e.Id));

        var p = r.Entities[0];
        Assert.Equal(Schema.Person, p.Schema);
        Assert.Equal(
            [
                new EntityName("Viktor Andreevich Kuznetsov", NameKind.Primary, new NameParts(Given: "Viktor", Family: "Kuznetsov", Patronymic: "Andreevich")),
                new EntityName("Viktor Kuznetsoff", NameKind.Alias),
                new EntityName("Виктор Андреевич Кузнецов", NameKind.Alias),
                new EntityName("Vitya", NameKind.WeakAlias),
            ],
            p.Names);
        Assert.Equal(new PartialDate(1968, 5, 2), Assert.Single(p.BirthDates).From);
        Assert.Equal(new Place("Omsk, Russia", "ru"), Assert.Single(p.BirthPlaces));
        Assert.Equal(["ru"], p.Nationalities);
        Assert.Equal(Gender.Male, p.Gender);
        Assert.Equal(
            [new Identifier(IdentifierType.Passport, "7501234567", null, "passportNumber"), new Identifier(IdentifierType.Passport, "7509999999", "ru", "Passport")],
            p.Identifiers);
        Assert.Equal(["DEMO-RUS"], p.Programs);
        Assert.Equal(new PartialDate(2022, 3, 15), p.ListedOn);
        Assert.Equal("Demo Authority", p.Property("authority"));
        Assert.Equal([new CrossReference("FTM", "demo-src-101"), new CrossReference("FTM", "other-src-77")], p.CrossReferences);
        Assert.Equal(new Address("5 Example Avenue, Omsk, Russia"), Assert.Single(p.Addresses));
        Assert.Equal("2024-02-23T09:00:00", p.Property("first_seen"));
        Assert.Equal("2025-11-02T14:31:07", p.Property("last_change"));
        Assert.Equal("Constructed example.", p.Remarks);
        Assert.Equal(["Director, demo company"], p.Titles);

        var c = r.Entities[1];
        Assert.Equal(Schema.Company, c.Schema);
        Assert.Equal(["Polar Logistics LLC", "OOO Polyarnaya Logistika", "Polar Cargo LLC"], c.Names.Select(n => n.Full));
        Assert.Equal([NameKind.Primary, NameKind.Primary, NameKind.Former], c.Names.Select(n => n.Kind));
        Assert.Equal(["Demo Russia regime"], c.Programs);
        Assert.Equal(new PartialDate(2023, 6, 1), c.ListedOn);
        Assert.Contains(new Identifier(IdentifierType.Lei, "253400DEMO00000000X1", null, "leiCode"), c.Identifiers);
        Assert.Contains(new Identifier(IdentifierType.TaxId, "7700000001", null, "innCode"), c.Identifiers);
        Assert.Equal(["ru", null], c.Addresses.Select(a => a.Country));

        var v = r.Entities[2];
        Assert.Equal(Schema.Vessel, v.Schema);
        Assert.Equal("9187629", v.Identifiers.Single(i => i.Type == IdentifierType.Imo).Normalized);
        Assert.Equal(new CrossReference("IMO", "9187629"), Assert.Single(v.CrossReferences));
        Assert.Equal(["sanction", "mare.shadow"], v.Topics);
        Assert.Equal("Oil Tanker", v.Property("type"));
    }

    [Fact]
    public void Json_array_with_source_fallback()
    {
        var r = _reader.Load(Array);
        Assert.Empty(r.Diagnostics);
        Assert.Equal(["demo-icc:demo-org-1", "ftm:demo-plane-1"], r.Entities.Select(e => e.Id));
        Assert.Equal("ftm", r.Provenance.Source);
        Assert.Equal(["DEMO-ICC"], r.Entities[0].Programs);
        Assert.Equal(Schema.Airplane, r.Entities[1].Schema);
        Assert.Equal(IdentifierType.AircraftSerial, Assert.Single(r.Entities[1].Identifiers).Type);
    }

    [Fact]
    public void Malformed_line_is_skipped_with_its_line_number()
    {
        var text = "{\"id\": \"a\", \"schema\": \"Person\", \"properties\": {\"name\": [\"Anna A\"]}}\n"
            + "{\"id\": \"b\", \"schema\": \"Person\", \"properties\": {\"name\": [\"Bad\"\n"
            + "\n"
            + "{\"schema\": \"Person\", \"properties\": {\"name\": [\"No Id\"]}}\n"
            + "{\"id\": \"s\", \"schema\": \"Sanction\", \"properties\": {\"entity\": [\"missing\"]}}\n"
            + "{\"op\": \"DEL\", \"entity\": {\"id\": \"x\", \"schema\": \"Person\"}}\n"
            + "{\"op\": \"MOD\", \"entity\": {\"id\": \"a\", \"schema\": \"Person\", \"properties\": {\"name\": [\"Anna B\"]}}}\n";
        using var f = new TempFile(text, ".json");
        Assert.True(_reader.CanRead(f.Probe));
        var r = _reader.Load(f.Probe);
        Assert.Equal("Anna B", Assert.Single(r.Entities).Caption);
        Assert.Equal(["line 2 bad-json", "line 4 bad-entity", "line 5 orphan-sanction"], r.Diagnostics.Select(d => d.Location + " " + d.Code));
        Assert.Equal(DiagnosticSeverity.Error, r.Diagnostics[0].Severity);
    }
}
