using Comity.Core.Model;
using Comity.Sources.Building;
using Comity.Sources.Ofac;

namespace Comity.Sources.Tests.Ofac;

/// <summary>Remarks strings are copied from data/lists/ofac/sdn-csv/sdn.csv (ent_num in each test name or comment),
/// except where a test says "synthetic".</summary>
public class OfacRemarksTests
{
    private static Entity Parse(string remarks, Schema schema = Schema.Person, List<string>? bad = null)
    {
        var d = new EntityDraft("us-ofac-sdn", "1", schema);
        d.AddName(new EntityName("PRIMARY"));
        OfacRemarks.Apply(d, remarks, item => bad?.Add(item));
        return d.Build();
    }

    [Fact]
    public void Individual_7513_identity_documents_and_weak_alias()
    {
        var e = Parse("DOB 15 Sep 1946; alt. DOB 15 Sep 1942; POB Zvishavane, Zimbabwe; nationality Zimbabwe; Gender Male; Passport AD005831 (Zimbabwe) issued 11 Jan 2018 expires 10 Jan 2028; alt. Passport AD006846 (Zimbabwe) issued 04 Feb 2020 expires 03 Feb 2025; National ID No. 63450183P67 (Zimbabwe); President of Zimbabwe; a.k.a. 'CROCODILE'.");
        Assert.Equal([new PartialDate(1946, 9, 15), new PartialDate(1942, 9, 15)], e.BirthDates.Select(d => d.From));
        Assert.Equal([new Place("Zvishavane, Zimbabwe", "zw")], e.BirthPlaces);
        Assert.Equal(["zw"], e.Nationalities);
        Assert.Equal(Gender.Male, e.Gender);
        Assert.Equal(
            [
                new Identifier(IdentifierType.Passport, "AD005831", "zw", "Passport; issued 11 Jan 2018; expires 10 Jan 2028"),
                new Identifier(IdentifierType.Passport, "AD006846", "zw", "Passport; issued 04 Feb 2020; expires 03 Feb 2025"),
                new Identifier(IdentifierType.NationalId, "63450183P67", "zw", "National ID No."),
            ],
            e.Identifiers);
        Assert.Equal(new EntityName("CROCODILE", NameKind.WeakAlias), e.Names[1]);
    }

    [Fact]
    public void Weak_alias_containing_apostrophes_ends_at_quote_and_stop_3754()
    {
        var e = Parse("DOB 09 Feb 1951; POB Gaza, Egypt; Passport 92/664 (Egypt); SSN 523-33-8386 (United States); Political Leader in Amman, Jordan and Damascus, Syria for HAMAS; a.k.a. 'ABU-'UMAR'.");
        Assert.Equal("ABU-'UMAR", e.Names[1].Full);
        Assert.Equal(NameKind.WeakAlias, e.Names[1].Kind);
        Assert.Contains(new Identifier(IdentifierType.NationalId, "523-33-8386", "us", "SSN"), e.Identifiers);
        Assert.Contains(new Identifier(IdentifierType.Passport, "92/664", "eg", "Passport"), e.Identifiers);
    }

    [Fact]
    public void Aliases_with_leading_and_inner_apostrophes_are_split_correctly()
    {
        // synthetic, shaped like the 105 apostrophe aliases in sdn.csv
        var e = Parse("a.k.a. ''ABD-AL-'IZ'; a.k.a. 'ABU-'UMAR'; f.k.a. 'OLD NAME'; n.k.a. 'NEW NAME'.");
        Assert.Equal(
            [("'ABD-AL-'IZ", NameKind.WeakAlias), ("ABU-'UMAR", NameKind.WeakAlias), ("NEW NAME", NameKind.WeakAlias), ("OLD NAME", NameKind.Former)],
            e.Names.Skip(1).Select(n => (n.Full, n.Kind)).OrderBy(x => x.Full, StringComparer.Ordinal));
    }

    [Fact]
    public void Vessel_15038_imo_mmsi_flags_and_link()
    {
        var e = Parse("Former Vessel Flag Malta; alt. Former Vessel Flag Tuvalu; alt. Former Vessel Flag Tanzania; Additional Sanctions Information - Subject to Secondary Sanctions; Vessel Registration Identification IMO 9187667; MMSI 256843000; Linked To: NATIONAL IRANIAN TANKER COMPANY.", Schema.Vessel);
        Assert.Contains(new Identifier(IdentifierType.Imo, "9187667"), e.Identifiers);
        Assert.Contains(new CrossReference("IMO", "9187667"), e.CrossReferences);
        Assert.Contains(new Identifier(IdentifierType.Mmsi, "256843000", null, "MMSI"), e.Identifiers);
        Assert.Equal("NATIONAL IRANIAN TANKER COMPANY", e.Property("linkedTo"));
        Assert.Equal(["Malta", "Tuvalu", "Tanzania"], e.Properties.Where(p => p.Name == "pastFlags").Select(p => p.Value));
        Assert.Equal("Subject to Secondary Sanctions", e.Property("additionalSanctionsInformation"));
    }

    [Fact]
    public void Aircraft_15432_model_serial_operator_and_build_date()
    {
        var e = Parse("Aircraft Construction Number (also called L/N or S/N or F/N) 8305; Aircraft Manufacture Date 1991; Aircraft Model IL-76TD; Aircraft Operator YAS AIR; Aircraft Manufacturer's Serial Number (MSN) 1013409297; Linked To: POUYA AIR.", Schema.Airplane);
        Assert.Equal([new Identifier(IdentifierType.AircraftSerial, "1013409297", null, "Aircraft Manufacturer's Serial Number (MSN)")], e.Identifiers);
        Assert.Equal("IL-76TD", e.Property("model"));
        Assert.Equal("YAS AIR", e.Property("operator"));
        Assert.Equal("1991", e.Property("buildDate"));
        Assert.Equal("8305", e.Property("aircraftConstructionNumber"));
        Assert.Equal("POUYA AIR", e.Property("linkedTo"));
    }

    [Fact]
    public void Individual_26138_website_email_crypto()
    {
        var e = Parse("DOB 09 Mar 1987; POB Tehran, Iran; nationality Iran; Website www.enexchanger.com; Email Address EnExchanger@gmail.com; alt. Email Address Ensaniyat1365@gmail.com; Additional Sanctions Information - Subject to Secondary Sanctions; Gender Male; Digital Currency Address - XBT 1AjZPMsnmpdK2Rv9KQNfMurTXinscVro9V; Identification Number 008-046347-9 (Iran); Birth Certificate Number 32270 (Iran); a.k.a. 'Ensaniyat'; a.k.a. 'Ensaniyat_Exchanger'; a.k.a. 'EnExchanger'.");
        Assert.Contains(new Identifier(IdentifierType.Website, "www.enexchanger.com", null, "Website"), e.Identifiers);
        Assert.Contains(new Identifier(IdentifierType.Email, "EnExchanger@gmail.com", null, "Email Address"), e.Identifiers);
        Assert.Contains(new Identifier(IdentifierType.Email, "Ensaniyat1365@gmail.com", null, "Email Address"), e.Identifiers);
        Assert.Contains(new Identifier(IdentifierType.CryptoAddress, "1AjZPMsnmpdK2Rv9KQNfMurTXinscVro9V", null, "XBT"), e.Identifiers);
        Assert.Contains(new Identifier(IdentifierType.NationalId, "008-046347-9", "ir", "Identification Number"), e.Identifiers);
        Assert.Equal(["Ensaniyat", "Ensaniyat_Exchanger", "EnExchanger"], e.Names.Where(n => n.Kind == NameKind.WeakAlias).Select(n => n.Full));
        Assert.Equal(["ir"], e.Nationalities);
    }

    [Fact]
    public void Mexican_9338_citizen_rfc_curp()
    {
        var e = Parse("DOB 15 Dec 1967; POB Chihuahua, Mexico; nationality Mexico; citizen Mexico; R.F.C. AIMM-671215-387 (Mexico); C.U.R.P. AIMM67125HCHRRG06 (Mexico) issued 1968.");
        Assert.Equal(["mx"], e.Citizenships);
        Assert.Equal(
            [
                new Identifier(IdentifierType.TaxId, "AIMM-671215-387", "mx", "R.F.C."),
                new Identifier(IdentifierType.NationalId, "AIMM67125HCHRRG06", "mx", "C.U.R.P.; issued 1968"),
            ],
            e.Identifiers);
    }

    [Fact]
    public void Colombian_6717_cedula_and_nit()
    {
        var e = Parse("DOB 07 Oct 1954; POB Cartago, Valle, Colombia; Cedula No. 16215230 (Colombia); Passport 16215230 (Colombia); NIT # 16215230-1 (Colombia).");
        Assert.Equal(new Place("Cartago, Valle, Colombia", "co"), e.BirthPlaces.Single());
        Assert.Contains(new Identifier(IdentifierType.NationalId, "16215230", "co", "Cedula No."), e.Identifiers);
        Assert.Contains(new Identifier(IdentifierType.TaxId, "16215230-1", "co", "NIT #"), e.Identifiers);
        Assert.Contains(new Identifier(IdentifierType.Passport, "16215230", "co", "Passport"), e.Identifiers);
    }

    [Fact]
    public void Bank_18268_swift_lei_registration_and_established_date()
    {
        var e = Parse("SWIFT/BIC EXIRRUMM; Website eximbank.ru; Executive Order 13662 Directive Determination - Subject to Directive 1; Secondary sanctions risk: Ukraine-/Russia-Related Sanctions Regulations, 31 CFR 589.201 and/or 589.209; Organization Established Date 24 May 1994; Target Type Financial Institution; Tax ID No. 7704001959 (Russia); Legal Entity Number 253400HA6URWT39X2982; Registration Number 1027739109133 (Russia); All offices worldwide; for more information on directives, please visit the following link: http://www.treasury.gov/resource-center/sanctions/Programs/Pages/ukraine.aspx#directives.; Linked To: STATE CORPORATION BANK FOR DEVELOPMENT AND FOREIGN ECONOMIC AFFAIRS VNESHECONOMBANK.", Schema.Organization);
        Assert.Contains(new Identifier(IdentifierType.SwiftBic, "EXIRRUMM", null, "SWIFT/BIC"), e.Identifiers);
        Assert.Contains(new Identifier(IdentifierType.Lei, "253400HA6URWT39X2982", null, "Legal Entity Number"), e.Identifiers);
        Assert.Contains(new Identifier(IdentifierType.TaxId, "7704001959", "ru", "Tax ID No."), e.Identifiers);
        Assert.Contains(new Identifier(IdentifierType.Registration, "1027739109133", "ru", "Registration Number"), e.Identifiers);
        Assert.Equal("1994-05-24", e.Property("incorporationDate"));
        Assert.Equal("Financial Institution", e.Property("targetType"));
        Assert.Equal("Subject to Directive 1", e.Property("eo13662Directive"));
        Assert.Equal("Ukraine-/Russia-Related Sanctions Regulations, 31 CFR 589.201 and/or 589.209", e.Property("secondarySanctionsRisk"));
        Assert.Equal("STATE CORPORATION BANK FOR DEVELOPMENT AND FOREIGN ECONOMIC AFFAIRS VNESHECONOMBANK", e.Property("linkedTo"));
    }

    [Fact]
    public void Listing_date_18669_sets_listed_on()
    {
        var e = Parse("Executive Order 13662 Directive Determination - Subject to Directive 1; Listing Date (EO 14024 Directive 2): 24 Feb 2022; Effective Date (EO 14024 Directive 2): 26 Mar 2022; Registration ID 1087746887678 (Russia); Tax ID No. 7736581290 (Russia).", Schema.Organization);
        Assert.Equal(new PartialDate(2022, 2, 24), e.ListedOn);
        Assert.Equal("(EO 14024 Directive 2): 24 Feb 2022", e.Property("listingDate"));
        Assert.Equal("(EO 14024 Directive 2): 26 Mar 2022", e.Property("effectiveDate"));
        Assert.Contains(new Identifier(IdentifierType.Registration, "1087746887678", "ru", "Registration ID"), e.Identifiers);
    }

    [Theory]
    [InlineData("Company Number 01074897 (United Kingdom)", IdentifierType.Registration, "01074897", "gb")]
    [InlineData("Business Registration Number 1234567 (Hong Kong)", IdentifierType.Registration, "1234567", "hk")]
    [InlineData("Phone Number 982188526300", IdentifierType.Phone, "982188526300", null)]
    [InlineData("Email:adelb@shabakah.net.sa", IdentifierType.Email, "adelb@shabakah.net.sa", null)]
    [InlineData("Vessel Registration Identification IMO  8730455", IdentifierType.Imo, "8730455", null)]
    [InlineData("Vessel Registration Identification RS 150443 (Russia)", IdentifierType.Registration, "RS 150443", "ru")]
    [InlineData("Digital Currency Address - ETH 0x7F367cC41522cE07553e823bf3be79A889DEbe1B", IdentifierType.CryptoAddress, "0x7F367cC41522cE07553e823bf3be79A889DEbe1B", null)]
    [InlineData("Diplomatic Passport 008827 (Iran) issued 1999", IdentifierType.Passport, "008827", "ir")]
    public void Single_items_become_identifiers(string item, IdentifierType type, string value, string? country)
    {
        // synthetic single-item remarks built from item forms found in sdn.csv
        var id = Assert.Single(Parse(item + ".").Identifiers);
        Assert.Equal((type, value, country), (id.Type, id.Value, id.Country));
    }

    [Theory]
    [InlineData("DOB circa 1960.", "1960", null, true)]
    [InlineData("DOB 1951 to 1953.", "1951", "1953", false)]
    [InlineData("DOB 01 Jan 1961 to 31 Dec 1962.", "1961-01-01", "1962-12-31", false)]
    [InlineData("DOB Aug 1946.", "1946-08", null, false)]
    [InlineData("DOB circa 1979-1982.", "1979", "1982", true)]
    public void Birth_date_forms(string remarks, string from, string? to, bool circa)
    {
        var d = Assert.Single(Parse(remarks).BirthDates);
        Assert.Equal((from, to, circa), (d.From.ToString(), d.To?.ToString(), d.Circa));
    }

    [Fact]
    public void Unknown_items_stay_in_remarks_without_noise_and_bad_dates_are_reported()
    {
        var bad = new List<string>();
        var e = Parse("President of Zimbabwe; DOB sometime in the fifties; Gender Female.", bad: bad);
        Assert.Equal(Gender.Female, e.Gender);
        Assert.Empty(e.BirthDates);
        Assert.Equal(["DOB sometime in the fifties"], bad);
        Assert.Empty(e.Properties);
    }

    [Fact]
    public void Items_split_on_semicolons_and_strip_the_final_period()
    {
        Assert.Equal(["DOB 1962", "a.k.a. 'X; Y'", "Linked To: ACME CO"], OfacRemarks.Items("DOB 1962; a.k.a. 'X; Y'; Linked To: ACME CO."));
    }

    [Theory]
    [InlineData("AD005831 (Zimbabwe) issued 11 Jan 2018 expires 10 Jan 2028", "AD005831", "Zimbabwe", "11 Jan 2018", "10 Jan 2028")]
    [InlineData("G 649385 issued 08 Sep 2006 expires 17 Jul 2011", "G 649385", null, "08 Sep 2006", "17 Jul 2011")]
    [InlineData("AO 2879097 (Italy) expires 30 Oct 2012", "AO 2879097", "Italy", null, "30 Oct 2012")]
    [InlineData("92/664 (Egypt)", "92/664", "Egypt", null, null)]
    [InlineData("HAVIGB2L", "HAVIGB2L", null, null, null)]
    public void Document_values_split_into_number_country_and_dates(string value, string number, string? country, string? issued, string? expires) =>
        Assert.Equal((number, country, issued, expires), OfacRemarks.SplitDocument(value));
}
