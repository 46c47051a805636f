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

    internal static string ListOf(Entity e) => e.Source == "us-trade-csl" && e.Property("list") is { } l ? e.Source + "/" + l : e.Source;

    [Fact]
    public void Organisations_link_by_exact_name_unless_countries_or_identifiers_conflict()
    {
        var dfat = E("au-dfat", "1", "Korea Mining Development Trading Corporation", Schema.Organization) with { Addresses = [new Address("-", Country: "kp")] };
        var sdn = E("us-ofac-sdn", "2", "KOREA MINING DEVELOPMENT TRADING CORPORATION", Schema.Organization) with { Addresses = [new Address("-", Country: "kp"), new Address("-", Country: "cn")] };
        var isn = E("us-trade-csl", "h1", "Korea Mining Development Trading Corporation", Schema.LegalEntity) with { Properties = [new EntityProperty("list", "ISN")] };
        var elsewhere = E("gb-hmt-ofsi", "3", "Korea Mining Development Trading Corporation", Schema.Organization) with { Addresses = [new Address("-", Country: "fr")] };
        var otherImo = E("ca-sema", "v1", "GOLDEN STAR ONE", Schema.Vessel, ids: [new(IdentifierType.Imo, "9187629")]);
        var otherImo2 = E("gb-fcdo", "v2", "Golden Star One", Schema.Vessel, ids: [new(IdentifierType.Imo, "9356608")]);
        var links = SubjectLinks.Build([dfat, sdn, isn, elsewhere, otherImo, otherImo2]);

        var subject = links.SubjectOf(dfat.Id);
        Assert.NotNull(subject);
        Assert.Equal(new[] { dfat.Id, isn.Id, sdn.Id }.Order(StringComparer.Ordinal), subject.Entities.Select(e => e.Id).Order(StringComparer.Ordinal));
        Assert.Equal("name", links.LinkReasons[sdn.Id]);
        Assert.Null(links.SubjectOf(elsewhere.Id));
        Assert.Null(links.SubjectOf(otherImo.Id));
    }

    [Fact]
    public void Persons_link_by_exact_name_only_with_an_agreeing_attribute_and_nothing_conflicting()
    {
        var icc = E("icc-warrants", "p", "Vladimir Vladimirovich Putin") with { Nationalities = ["ru"] };
        var ofsi = E("gb-hmt-ofsi", "1", "Vladimir Vladimirovich PUTIN", dob: "1952-10-07") with { Nationalities = ["ru"], Gender = Gender.Male };
        var sema = E("ca-sema", "russia-1", "Vladimir Vladimirovich Putin") with { Programs = ["Russia"] };
        var bare = E("au-dfat", "9", "Vladimir Vladimirovich Putin");
        var namesake = E("us-ofac-sdn", "7", "John Michael Smith", dob: "1970-01-01");
        var otherNamesake = E("gb-hmt-ofsi", "8", "John Michael Smith", dob: "1985-05-05");
        var woman = E("un-sc", "QDi.1", "Vladimir Vladimirovich Putin") with { Nationalities = ["ru"], Gender = Gender.Female };
        var links = SubjectLinks.Build([icc, ofsi, sema, bare, namesake, otherNamesake, woman]);

        var subject = links.SubjectOf(ofsi.Id);
        Assert.NotNull(subject);
        Assert.Equal(new[] { icc.Id, sema.Id, ofsi.Id }.Order(StringComparer.Ordinal), subject.Entities.Select(e => e.Id).Order(StringComparer.Ordinal));
        Assert.Null(links.SubjectOf(bare.Id));
        Assert.Null(links.SubjectOf(namesake.Id));
        Assert.Null(links.SubjectOf(woman.Id));
    }

    [Fact]
    public void A_per_regulation_list_joins_its_own_listings_under_different_regulations_only()
    {
        var venezuela = E("ca-sema", "venezuela-1", "Nicolás MADURO MOROS") with { Programs = ["Venezuela"] };
        var jvcfor = E("ca-sema", "jvcfor-1", "Nicolás MADURO MOROS") with { Programs = ["JVCFOR"] };
        var sdn = E("us-ofac-sdn", "22790", "MADURO MOROS, Nicolas", dob: "1962-11-23") with { Programs = ["VENEZUELA"], Nationalities = ["ve"] };
        var sameRegulation = E("ca-sema", "venezuela-2", "Nicolás MADURO MOROS") with { Programs = ["Venezuela"] };
        var dfatA = E("au-dfat", "1", "Ali Hassan Ahmad", dob: "1970-01-01");
        var dfatB = E("au-dfat", "2", "Ali Hassan Ahmad", dob: "1970-01-01");
        var links = SubjectLinks.Build([venezuela, jvcfor, sdn, sameRegulation, dfatA, dfatB]);

        var subject = links.SubjectOf(sdn.Id);
        Assert.NotNull(subject);
        Assert.Equal(new[] { jvcfor.Id, venezuela.Id, sdn.Id }.Order(StringComparer.Ordinal), subject.Entities.Select(e => e.Id).Order(StringComparer.Ordinal));
        Assert.Null(links.SubjectOf(sameRegulation.Id));
        Assert.Null(links.SubjectOf(dfatA.Id));
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
