using Comity.Core.Model;
using Comity.Sources.Building;

namespace Comity.Sources.Tests.Building;

/// <summary>The one duplicate rule every reader builds its entities with (see <see cref="EntityDraft"/>).</summary>
public class EntityDraftTests
{
    private static EntityDraft Draft(Schema schema = Schema.Person) => new("test", "1", schema);

    [Fact]
    public void Same_name_text_is_one_name_with_the_strongest_kind_the_first_language_and_the_first_parts()
    {
        var d = Draft();
        var parts = new NameParts("Ivan", null, "PETROV");
        d.AddName(new EntityName("Ivan PETROV", NameKind.WeakAlias, null, "ru"));
        d.AddName(new EntityName("Ivan PETROV", NameKind.Alias, parts, "Cyrl"));
        d.AddName(new EntityName("Ivan PETROV", NameKind.Former, new NameParts("I", null, "P"), null));

        var name = Assert.Single(d.Build().Names);
        Assert.Equal(new EntityName("Ivan PETROV", NameKind.Alias, parts, "ru"), name);
    }

    [Fact]
    public void Names_come_out_strongest_kind_first_and_in_file_order_within_a_kind()
    {
        var d = Draft();
        d.AddName(new EntityName("weak one", NameKind.WeakAlias));
        d.AddName(new EntityName("alias one", NameKind.Alias));
        d.AddName(new EntityName("former", NameKind.Former));
        d.AddName(new EntityName("primary", NameKind.Primary));
        d.AddName(new EntityName("alias two", NameKind.Alias));
        d.AddName(new EntityName("weak two", NameKind.WeakAlias));

        Assert.Equal(
            ["primary", "alias one", "alias two", "former", "weak one", "weak two"],
            d.Build().Names.Select(n => n.Full));
    }

    [Fact]
    public void Text_overloads_clean_their_input_and_ignore_blanks()
    {
        var d = Draft();
        d.AddName("  Ivan \u00A0 PETROV\n", NameKind.Primary, new NameParts(null, null, null));
        d.AddName("   ", NameKind.Alias);
        d.AddName(new EntityName(" ", NameKind.Alias));
        d.AddProgram(" RUSSIA-EO14024 ");
        d.AddProgram("RUSSIA-EO14024");
        d.AddProgram("\t");
        d.AddTitle("General  Director");
        d.AddIdentifier(IdentifierType.Passport, " 12 34 ", "ru", "  issued  2010 ");
        d.AddIdentifier(IdentifierType.Passport, "1234", "ru", "another note");
        d.AddIdentifier(IdentifierType.Passport, " - ", "ru");
        d.AddCrossReference("UN", " QDi.001 ");

        var e = d.Build();
        Assert.Equal(new EntityName("Ivan PETROV", NameKind.Primary), Assert.Single(e.Names));
        Assert.Equal(["RUSSIA-EO14024"], e.Programs);
        Assert.Equal(["General Director"], e.Titles);
        Assert.Equal(new Identifier(IdentifierType.Passport, "12 34", "ru", "issued 2010"), Assert.Single(e.Identifiers));
        Assert.Equal(new CrossReference("UN", "QDi.001"), Assert.Single(e.CrossReferences));
    }

    [Fact]
    public void Remarks_and_property_values_are_kept_as_given()
    {
        var d = Draft();
        d.AddRemark("Listed under  EO 13224.\nSee also: X.");
        d.AddRemark("Listed under  EO 13224.\nSee also: X.");
        d.AddRemark("Second remark.");
        d.AddRemark("  ");
        d.AddProperty("owner", "ACME  Ltd");
        d.AddProperty("owner", "ACME  Ltd");
        d.AddProperty("owner", "");

        var e = d.Build();
        Assert.Equal("Listed under  EO 13224.\nSee also: X.\nSecond remark.", e.Remarks);
        Assert.Equal([new EntityProperty("owner", "ACME  Ltd")], e.Properties);
    }

    [Fact]
    public void Birth_dates_are_equal_by_value_whatever_the_raw_text()
    {
        var d = Draft();
        d.AddBirthDate(new FuzzyDate(new PartialDate(1960, 1, 2), Raw: "02/01/1960"));
        d.AddBirthDate(new FuzzyDate(new PartialDate(1960, 1, 2), Raw: "2 Jan 1960"));
        d.AddBirthDate(new FuzzyDate(new PartialDate(1960, 1, 2), Circa: true, Raw: "circa 2 Jan 1960"));

        var dates = d.Build().BirthDates;
        Assert.Equal(["02/01/1960", "circa 2 Jan 1960"], dates.Select(x => x.Raw));
    }

    [Fact]
    public void Countries_as_codes_or_as_names_and_places_with_their_country()
    {
        var d = Draft();
        d.AddNationality("ru");
        Assert.True(d.TryAddNationality("Russian Federation"));
        Assert.False(d.TryAddNationality("Atlantis"));
        Assert.True(d.TryAddCitizenship("Germany"));
        d.AddBirthPlace("Moscow, Russia");
        d.AddBirthPlace(new Place("Moscow, Russia", "ru"));
        d.AddBirthPlace("Kyiv", "ua");

        var e = d.Build();
        Assert.Equal(["ru"], e.Nationalities);
        Assert.Equal(["de"], e.Citizenships);
        Assert.Equal([new Place("Moscow, Russia", "ru"), new Place("Kyiv", "ua")], e.BirthPlaces);
    }

    [Fact]
    public void BuildNamed_is_null_without_a_name_and_otherwise_promotes_the_first_strong_alias()
    {
        Assert.Null(Draft().BuildNamed());

        var d = Draft();
        d.AddName(new EntityName("weak", NameKind.WeakAlias));
        d.AddName(new EntityName("strong", NameKind.Alias));
        var e = d.BuildNamed();

        Assert.NotNull(e);
        Assert.Equal([new EntityName("strong", NameKind.Primary), new EntityName("weak", NameKind.WeakAlias)], e.Names);
        Assert.Equal("strong", e.Caption);
    }

    [Fact]
    public void SetListedOn_keeps_the_earliest_date()
    {
        var d = Draft();
        d.SetListedOn(new PartialDate(2020, 5, 1));
        d.SetListedOn(new PartialDate(2019, 1, 1));
        d.SetListedOn(new PartialDate(2021, 1, 1));
        d.SetListedOn(null);

        Assert.Equal(new PartialDate(2019, 1, 1), d.Build().ListedOn);
    }
}
