using Comity.Core.Model;
using Comity.Sources.Tests.Registry;
using Comity.Sources.Un;

namespace Comity.Sources.Tests.Un;

public class UnXmlReaderTests
{
    [Fact]
    public void Counts_match_the_readme()
    {
        var r = Loaded.Un;
        Assert.Equal("un-xml", r.Provenance.Format);
        Assert.Equal("un-sc", r.Provenance.Source);
        Assert.Equal("2026-02-27T00:00:09.554Z", r.Provenance.Published);
        Assert.Equal(1003, r.Entities.Length);
        Assert.Equal(730, r.Entities.Count(e => e.Schema == Schema.Person));
        Assert.Equal(273, r.Entities.Count(e => e.Schema == Schema.Organization));
        Assert.Equal(730, r.Provenance.RecordCounts["INDIVIDUAL"]);
        Assert.Equal(273, r.Provenance.RecordCounts["ENTITY"]);
        Assert.All(r.Entities, e => Assert.Contains("sanction", e.Topics));
        Assert.Equal("66b392a4090868d2", r.Provenance.Files.Single().Sha256[..16]);
    }

    [Fact]
    public void Reference_numbers_are_trimmed_and_listed_on_offsets_stripped()
    {
        var e = Loaded.Un.Entities.Single(x => x.SourceId == "KPe.023");
        Assert.Equal("un-sc:KPe.023", e.Id);
        Assert.Contains(new CrossReference("UN", "KPe.023"), e.CrossReferences);
        Assert.DoesNotContain(Loaded.Un.Entities, x => x.SourceId.EndsWith(' '));
    }

    [Fact]
    public void Individual_with_hijri_birth_date_field_by_field()
    {
        // data/lists/un/UN_consolidated.xml around line 22540: Ibrahim Hassan Tali Asiri.
        var e = Loaded.Un.Entities.Single(x => x.Names.Any(n => n.Full == "Ibrahim Hasan Talea Aseeri"));
        Assert.Equal(Schema.Person, e.Schema);
        Assert.Contains(new EntityName("Abu Saleh", NameKind.WeakAlias), e.Names);
        Assert.Contains(new EntityName("Ibrahim Hassan al-Asiri", NameKind.Alias), e.Names);
        Assert.Equal(["sa"], e.Nationalities);
        var dobs = e.BirthDates.Select(d => (d.From.ToString(), d.Calendar)).ToList();
        Assert.Contains(("1982-04-19", CalendarKind.Gregorian), dobs);
        Assert.Contains(("1982-04-18", CalendarKind.Gregorian), dobs);
        var hijri = Assert.Single(e.BirthDates, d => d.Calendar == CalendarKind.Islamic);
        Assert.Equal(new PartialDate(1402, 6, 24), hijri.From);
        Assert.Equal("24/06/1402 (Hijri Calendar)", hijri.Raw);
        Assert.Contains(new Place("Riyadh, Saudi Arabia", "sa"), e.BirthPlaces);
        var passport = Assert.Single(e.Identifiers, i => i.Type == IdentifierType.Passport);
        Assert.Equal("F654645", passport.Value);
        Assert.Equal("sa", passport.Country);
        var nid = Assert.Single(e.Identifiers, i => i.Type == IdentifierType.NationalId);
        Assert.Equal("1028745097", nid.Value);
        Assert.Equal(("sa", "civil identification number"), (nid.Country, nid.Note));
        Assert.Equal("issued 2005-04-30, expired on 7 Mar. 2010. Issue date in Hijri Calendar 24/06/1426. Expiry date in Hijri Calendar 21/03/1431.", passport.Note);
    }

    [Fact]
    public void First_individual_field_by_field()
    {
        // CDi.001: ERIC BADEGE, DRC, listed 2012-12-31, Male, DOB EXACT year 1971, nationality DRC.
        var e = Loaded.Un.Entities.Single(x => x.SourceId == "CDi.001");
        Assert.Equal("ERIC BADEGE", e.Caption);
        Assert.Single(e.Names);
        Assert.Equal(["DRC"], e.Programs);
        Assert.Equal(new PartialDate(2012, 12, 31), e.ListedOn);
        Assert.Equal(Gender.Male, e.Gender);
        Assert.Equal(new PartialDate(1971), Assert.Single(e.BirthDates).From);
        Assert.Equal(["cd"], e.Nationalities);
        Assert.Equal("6907993", e.Property("dataid"));
        Assert.StartsWith("He fled to Rwanda in March 2013", e.Remarks);
        Assert.Equal("rw", Assert.Single(e.Addresses).Country);
        Assert.Equal([new Identifier(IdentifierType.UnReference, "CDi.001")], e.Identifiers);
        Assert.Equal([new CrossReference("UN", "CDi.001")], e.CrossReferences);
    }

    [Fact]
    public void Entity_aliases_carry_their_type_and_original_script_is_an_alias()
    {
        var r = Loaded.Un;
        // 615 QUALITY=Low alias elements; four of them hold a second spelling after a semicolon, read as its own name.
        Assert.Equal(619, r.Entities.Sum(e => e.Names.Count(n => n.Kind == NameKind.WeakAlias)));
        Assert.All(r.Entities.Where(e => e.Schema == Schema.Organization), e => Assert.DoesNotContain(e.Names, n => n.Kind == NameKind.WeakAlias));
        Assert.True(r.Entities.Sum(e => e.Names.Count(n => n.Kind == NameKind.Former)) >= 18);
        // 378 NAME_ORIGINAL_SCRIPT values; QDe.164's ("JAMAAH ANSHARUT DAULAH") repeats another of its names.
        Assert.Equal(377, r.Entities.Sum(e => e.Names.Count(n => n.Language == "original")));
        Assert.DoesNotContain(r.Entities.SelectMany(e => e.Names), n => string.IsNullOrWhiteSpace(n.Full));
    }

    [Fact]
    public void Birth_date_forms()
    {
        var dates = Loaded.Un.Entities.SelectMany(e => e.BirthDates).ToList();
        Assert.Contains(dates, d => d.IsRange && d.Raw == "Between Aug. and Sep. 1977" && d.From == new PartialDate(1977, 8) && d.To == new PartialDate(1977, 9));
        Assert.Contains(dates, d => d.Circa);
        Assert.Contains(dates, d => d.IsRange && d.From.Month == 0);
        Assert.Single(dates, d => d.Calendar == CalendarKind.Islamic);
        var bad = Assert.Single(Loaded.Un.Diagnostics);
        Assert.Equal("bad-date", bad.Code);
        Assert.Contains("30-35 years old", bad.Message);
        Assert.Contains("LYi.022", bad.Location);
    }

    [Fact]
    public void Not_available_nationality_is_not_namibia() =>
        Assert.DoesNotContain(Loaded.Un.Entities.SelectMany(e => e.Nationalities), n => n == "na");

    [Fact]
    public void Note_dates() => Assert.Equal(CalendarKind.Islamic, UnRecord.ParseNote("24/06/1402 (Hijri Calendar)", false)!.Calendar);
}
