using Comity.Application.Linking;
using Comity.Core.Model;

namespace Comity.Application.Tests.Linking;

public class SubjectLinksTests
{
    private static Entity E(string source, string id, string name, Schema schema = Schema.Person, CrossReference[]? refs = null, Identifier[]? ids = null, string? dob = null) => new()
    {
        Id = Entity.MakeId(source, id),
        Source = source,
        SourceId = id,
        Schema = schema,
        Names = [new EntityName(name)],
        CrossReferences = refs is null ? [] : [.. refs],
        Identifiers = ids is null ? [] : [.. ids],
        BirthDates = dob is null ? [] : [new FuzzyDate(PartialDate.TryParseIso(dob, out var d) ? d : default)],
    };

    [Fact]
    public void Links_by_un_reference_imo_ofac_entry_and_name_with_dob()
    {
        var entities = new[]
        {
            E("un-sc", "QDi.291", "Khalid Sheikh Mohammed", refs: [new("UN", "QDi.291")]),
            E("eu-fsf", "13", "Khalid Sheikh MOHAMMED", refs: [new("UN", "QDi.291 ")]),
            E("us-ofac-sdn", "36", "AEROCARIBBEAN AIRLINES", Schema.Organization),
            E("us-trade-csl", "36", "AEROCARIBBEAN AIRLINES", Schema.Organization, refs: [new("OFAC", "36")]),
            E("gb-hmt-ofsi", "1", "SHIP ONE", Schema.Vessel, ids: [new(IdentifierType.Imo, "IMO 9187629")]),
            E("ca-sema", "x", "Ship One", Schema.Vessel, refs: [new("IMO", "9187629")]),
            E("un-sc", "QDi.001", "Maduro Moros Nicolas", dob: "1962-11-23"),
            E("us-ofac-sdn", "1", "MADURO MOROS, Nicolas", dob: "1962-11-23"),
            E("us-ofac-sdn", "2", "MADURO MOROS, Nicolas", dob: "1962-11-23"),
            E("au-dfat", "9", "Someone Else", refs: [new("UN", "QDi.999")]),
        };
        var links = SubjectLinks.Build(entities);

        Assert.Same(links.SubjectOf("un-sc:QDi.291"), links.SubjectOf("eu-fsf:13"));
        Assert.Same(links.SubjectOf("us-ofac-sdn:36"), links.SubjectOf("us-trade-csl:36"));
        Assert.Same(links.SubjectOf("gb-hmt-ofsi:1"), links.SubjectOf("ca-sema:x"));
        Assert.Equal(2, links.SubjectOf("un-sc:QDi.001")!.Entities.Length);
        Assert.Null(links.SubjectOf("au-dfat:9"));
        Assert.Equal("un_reference QDI.291", links.LinkReasons["eu-fsf:13"]);
        Assert.Equal(1, links.LinkedCounts("un-sc")["eu-fsf"]);
    }

    [Fact]
    public void The_csl_copy_of_a_denied_person_joins_the_bis_listing_by_name()
    {
        var dpl = E("us-bis-dpl", "a", "JOHN B. PRIDMORE-SMITH", Schema.LegalEntity);
        var csl = E("us-trade-csl", "h1", "JOHN B. PRIDMORE-SMITH", Schema.LegalEntity) with { Properties = [new EntityProperty("list", "DPL")] };
        var other = E("us-trade-csl", "h2", "JOHN B. PRIDMORE-SMITH", Schema.LegalEntity) with { Properties = [new EntityProperty("list", "EL")] };
        var links = SubjectLinks.Build([dpl, csl, other]);
        Assert.Same(links.SubjectOf(dpl.Id), links.SubjectOf(csl.Id));
        Assert.Null(links.SubjectOf(other.Id));
    }

    [Fact]
    public void Listings_put_the_hit_first()
    {
        var a = E("un-sc", "QDi.291", "K S M", refs: [new("UN", "QDi.291")]);
        var b = E("eu-fsf", "13", "K S M", refs: [new("UN", "QDi.291")]);
        var links = SubjectLinks.Build([a, b]);
        var listings = links.SubjectOf(b.Id)!.ListingsFor(b, links.LinkReasons);
        Assert.Equal(["eu-fsf", "un-sc"], listings.Select(l => l.Source));
        Assert.Equal("self", listings[0].LinkedBy);
    }

    [Theory]
    [InlineData("MADURO MOROS, Nicolas", "Nicolás MADURO MOROS")]
    [InlineData("O'Brien, Pat", "Pat OBRIEN")]
    public void Name_key_ignores_order_case_and_diacritics(string a, string b) =>
        Assert.Equal(SubjectLinks.NameKey(a), SubjectLinks.NameKey(b));
}
