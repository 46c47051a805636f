using Comity.Core.Model;
using Comity.Sources.Abstractions;
using Comity.Sources.Ca;

namespace Comity.Sources.Tests.Ca;

public class SemaXmlReaderTests
{
    private const string File = "data/lists/ca/sema-consolidated.xml";
    private static readonly Lazy<LoadResult> Real = new(() => new SemaXmlReader().Load(File));
    private readonly SemaXmlReader _reader = new();

    [Fact]
    public void Detects_only_the_sema_file() => DetectionAssert.OnlyOwnFiles(_reader, File);

    [Fact]
    public void Counts_equal_the_readme()
    {
        var r = Real.Value;
        Assert.Empty(r.Diagnostics);
        Assert.Equal(4759, r.Entities.Length);
        Assert.Equal(3334, r.Entities.Count(e => e.Schema == Schema.Person));
        Assert.Equal(109, r.Entities.Count(e => e.Schema == Schema.Vessel));
        Assert.Equal(1425 - 109, r.Entities.Count(e => e.Schema == Schema.Organization));
        Assert.Equal(4759, r.Provenance.RecordCounts["record"]);
        Assert.Equal("2025-03-20", r.Provenance.Published);
        Assert.Equal("ca-sema", r.Provenance.Source);
        Assert.Equal(4759, r.Entities.Select(e => e.SourceId).Distinct().Count());
        Assert.Equal(2426, r.Entities.Count(e => e.Programs.Contains("Russia")));
        Assert.Equal(123, r.Entities.Count(e => e.Programs.Contains("Venezuela")));
    }

    [Fact]
    public void Names_are_cleaned_of_nbsp_and_spaces() =>
        Assert.DoesNotContain(Real.Value.Entities.SelectMany(e => e.Names), n => n.Full.Contains('\u00A0', StringComparison.Ordinal) || n.Full != n.Full.Trim());

    [Fact]
    public void Ship_with_imo_field_by_field()
    {
        var e = Assert.Single(Real.Value.Entities, x => x.Identifiers.Any(i => i.Value == "9144782"));
        Assert.Equal(Schema.Vessel, e.Schema);
        Assert.Equal("Bodhi", e.Caption);
        Assert.Equal(new Identifier(IdentifierType.Imo, "9144782"), Assert.Single(e.Identifiers));
        Assert.Equal(new CrossReference("IMO", "9144782"), Assert.Single(e.CrossReferences));
        Assert.Equal("Oil Tanker", e.Property("type"));
        Assert.Equal("1997", e.Property("buildDate"));
        Assert.Empty(e.BirthDates);
        Assert.Equal(["Russia"], e.Programs);
        Assert.Equal("Russia / Russie", e.Property("regime"));
        Assert.Equal("1.1", e.Property("schedule"));
        Assert.Equal("6", e.Property("item"));
        Assert.Equal(new PartialDate(2025, 2, 21), e.ListedOn);
        Assert.StartsWith("russia-1-1-6-", e.SourceId, StringComparison.Ordinal);
        Assert.Equal(SemaXmlReader.SourceId("Russia / Russie", "1.1", "6"), e.SourceId);
    }

    [Fact]
    public void Person_with_alternative_birth_years_and_split_aliases()
    {
        var e = Assert.Single(Real.Value.Entities, x => x.Caption == "Siamak Rahpeik");
        Assert.Equal(Schema.Person, e.Schema);
        Assert.Equal(new NameParts(Given: "Siamak", Family: "Rahpeik"), e.Names[0].Parts);
        Assert.Equal(["Siyamak Rahpeyk", "Siamak Rahpiek", "Siyamak Rah-Peyk", "سيامک ره‌پيک"], e.Names.Skip(1).Select(n => n.Full));
        Assert.All(e.Names.Skip(1), n => Assert.Equal(NameKind.Alias, n.Kind));
        Assert.Equal([new PartialDate(1963), new PartialDate(1964)], e.BirthDates.Select(d => d.From));
        Assert.Equal(["Iran"], e.Programs);
        Assert.Equal(new PartialDate(2024, 9, 17), e.ListedOn);
    }

    [Fact]
    public void Early_1970s_and_excel_mangled_dates()
    {
        var dagalo = Assert.Single(Real.Value.Entities, x => x.Caption == "Abdelrahim Hamdan Dagalo");
        var d = Assert.Single(dagalo.BirthDates);
        Assert.Equal((new PartialDate(1970), new PartialDate(1973), true), (d.From, d.To!.Value, d.Circa));
        var mordashov = Assert.Single(Real.Value.Entities, x => x.Caption == "Kirill Alekseevich MORDASHOV");
        Assert.Equal(new PartialDate(1999, 9), Assert.Single(mordashov.BirthDates).From);
        Assert.Equal("Кирилл Алексеевич Мордашов", Assert.Single(mordashov.Names, n => n.Kind == NameKind.Alias).Full);
    }

    [Fact]
    public void Comma_split_that_breaks_a_name_keeps_the_unsplit_text()
    {
        var e = Assert.Single(Real.Value.Entities, x => x.Caption == "Sergey Alekseyevich SHCHERBAKOV");
        Assert.Equal(["Sergei, Serhii SHERBAKOV", "Serhii SHERBAKOV"], e.Names.Skip(1).Select(n => n.Full));
    }

    [Fact]
    public void Script_labels_become_languages()
    {
        var names = SemaAliases.Parse("Raman Ivanavich BIZIUK,  Belarusian: Раман Iванавiч БIЗЮК, Russian: Роман Иванович БИЗЮК").ToList();
        Assert.Equal(
            [new EntityName("Raman Ivanavich BIZIUK", NameKind.Alias), new EntityName("Раман Iванавiч БIЗЮК", NameKind.Alias, null, "be"), new EntityName("Роман Иванович БИЗЮК", NameKind.Alias, null, "ru")],
            names);
    }

    [Fact]
    public void Truncated_xml_throws_with_line()
    {
        using var f = new TempFile("<?xml version=\"1.0\"?>\n<data-set>\n<record>\n<Country>Iran</Country>\n<LastName>X", ".xml");
        var ex = Assert.Throws<ListFormatException>(() => _reader.Load(f.Probe));
        Assert.Contains("line", ex.Location, StringComparison.Ordinal);
    }

    [Fact]
    public void Record_without_name_is_skipped_with_diagnostic()
    {
        using var f = new TempFile("<data-set>\n<record><Country>Iran</Country><Item>1</Item></record>\n<record><Country>Iran</Country><LastName>Doe</LastName><GivenName>Jane</GivenName><Item>2</Item><DateOfListing>2020-01-01</DateOfListing></record>\n</data-set>", ".xml");
        var r = _reader.Load(f.Probe);
        Assert.Equal("Jane Doe", Assert.Single(r.Entities).Caption);
        var d = Assert.Single(r.Diagnostics);
        Assert.Equal("record[1] (line 2)", d.Location);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
    }
}
