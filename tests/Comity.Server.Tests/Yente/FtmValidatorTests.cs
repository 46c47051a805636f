using System.Text.Json;

namespace Comity.Server.Tests.Yente;

/// <summary>The FtM validator itself: it reads the published model's inheritance and vocabularies and rejects each
/// kind of invalid value (so a green <see cref="FtmValidityTests"/> means something).</summary>
public sealed class FtmValidatorTests
{
    private const string Meta = "\"caption\": \"X\", \"datasets\": [\"un-sc\"], \"referents\": [], \"target\": true, "
        + "\"first_seen\": \"2020-01-02T00:00:00\", \"last_seen\": \"2025-01-02T00:00:00\", \"last_change\": \"2024-05-06T00:00:00\"";

    private static FtmValidator Check(string properties, string schema = "Person")
    {
        var v = new FtmValidator(FtmModel.Default);
        using var doc = JsonDocument.Parse($"{{\"id\": \"un-sc:1\", \"schema\": \"{schema}\", \"properties\": {{\"name\": [\"X\"], {properties}}}, {Meta}}}");
        v.Validate(doc.RootElement, "test");
        return v;
    }

    [Fact]
    public void The_model_resolves_inheritance_through_extends()
    {
        var m = FtmModel.Default;
        Assert.True(m.IsA("Company", "Organization"));
        Assert.True(m.IsA("Company", "Asset"));
        Assert.True(m.IsA("Person", "Thing"));
        Assert.False(m.IsA("Person", "Organization"));
        Assert.Equal("Thing", m.Properties("Person")["programId"].Schema);
        Assert.Equal("LegalEntity", m.Properties("Person")["taxNumber"].Schema);
        Assert.Equal("Sanction", m.Properties("Thing")["sanctions"].Range);
        Assert.Equal("Interval", m.Properties("Sanction")["startDate"].Schema);
        Assert.False(m.Properties("Person").ContainsKey("imoNumber"));
        Assert.Contains("ru", m.Vocabulary("country")!);
        Assert.Contains("sanction", m.Vocabulary("topic")!);
        Assert.True(m.IsAbstract("Thing"));
    }

    [Fact]
    public void A_valid_person_with_a_nested_sanction_passes()
    {
        var v = Check("""
            "birthDate": ["1971-03-14", "1971"], "nationality": ["ru"], "gender": ["male"],
            "topics": ["sanction"], "programId": ["EX-1"], "notes": ["free text"], "sourceUrl": ["https://example.org/x"],
            "sanctions": [{"id": "un-sc:1:sanction", "schema": "Sanction",
                           "properties": {"entity": ["un-sc:1"], "authority": ["UN"], "listingDate": ["2001-10-06"]}}]
            """);
        Assert.Empty(v.Errors);
        Assert.Equal(13, v.Values);
        Assert.Equal(2, v.Entities);
    }

    [Theory]
    [InlineData("\"lastUpdated\": [\"2020-01-01\"]", "has no property 'lastUpdated'")]
    [InlineData("\"imoNumber\": [\"IMO 1234567\"]", "has no property 'imoNumber'")]
    [InlineData("\"birthDate\": [\"14 Mar 1971\"]", "not an ISO 8601 date prefix")]
    [InlineData("\"birthDate\": [\"1971-02-30\"]", "not an ISO 8601 date prefix")]
    [InlineData("\"nationality\": [\"RU\"]", "not a known country")]
    [InlineData("\"nationality\": [\"Russia\"]", "not a known country")]
    [InlineData("\"topics\": [\"sanctions\"]", "not a known topic")]
    [InlineData("\"gender\": [\"m\"]", "not a known gender")]
    [InlineData("\"sourceUrl\": [\"www.example.org\"]", "not an http(s) URL")]
    [InlineData("\"alias\": \"single\"", "not a list")]
    [InlineData("\"alias\": [\" \"]", "empty value")]
    [InlineData("\"sanctions\": [{\"id\": \"s\", \"schema\": \"Sanction\", \"properties\": {\"authority\": [\"UN\"]}}]", "requires 'entity'")]
    [InlineData("\"sanctions\": [{\"id\": \"s\", \"schema\": \"Sanction\", \"properties\": {\"entity\": [\"x\"], \"regime\": [\"R\"]}}]", "has no property 'regime'")]
    [InlineData("\"sanctions\": [{\"id\": \"s\", \"schema\": \"Address\", \"properties\": {\"full\": [\"x\"]}}]", "is not a Sanction")]
    public void Each_kind_of_invalid_value_is_reported(string properties, string expected)
    {
        var v = Check(properties);
        Assert.Single(v.Errors);
        Assert.Contains(expected, v.Errors[0], StringComparison.Ordinal);
        Assert.Equal(expected.StartsWith("requires", StringComparison.Ordinal) ? 0 : 1, v.InvalidValues);
    }

    [Fact]
    public void Abstract_and_unknown_schemata_and_bad_timestamps_are_reported()
    {
        Assert.Contains(Check("\"alias\": [\"x\"]", "Thing").Errors, e => e.Contains("abstract schema", StringComparison.Ordinal));
        Assert.Contains(Check("\"alias\": [\"x\"]", "Human").Errors, e => e.Contains("unknown schema", StringComparison.Ordinal));
        var v = new FtmValidator(FtmModel.Default);
        using var doc = JsonDocument.Parse("""
            {"id": "a", "schema": "Person", "properties": {"name": ["A"]}, "caption": "A", "datasets": [], "referents": [], "target": false,
             "first_seen": "2026-01-01T00:00:00", "last_seen": "2025-01-01T00:00:00", "last_change": "2025-01-01 00:00"}
            """);
        v.Validate(doc.RootElement, "t");
        Assert.Contains(v.Errors, e => e.Contains("last_change '2025-01-01 00:00' is not a yente timestamp", StringComparison.Ordinal));
        using var order = JsonDocument.Parse("""
            {"id": "a", "schema": "Person", "properties": {"name": ["A"]}, "caption": "A", "datasets": [], "referents": [], "target": false,
             "first_seen": "2026-01-01T00:00:00", "last_seen": "2025-01-01T00:00:00", "last_change": "2025-01-01T00:00:00"}
            """);
        var w = new FtmValidator(FtmModel.Default);
        w.Validate(order.RootElement, "t");
        Assert.Contains(w.Errors, e => e.Contains("after last_seen", StringComparison.Ordinal));
    }
}
