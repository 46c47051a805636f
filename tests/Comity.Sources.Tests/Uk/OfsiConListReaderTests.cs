using Comity.Core.Model;
using Comity.Sources.Abstractions;
using Comity.Sources.Uk;

namespace Comity.Sources.Tests.Uk;

public class OfsiConListReaderTests
{
    internal static readonly string Xlsx = RepoFiles.Full("data/lists/uk/ofsi-conlist-2022/ConList-2025-04-10.xlsx");
    internal static readonly string Csv = RepoFiles.Full("data/constructed/uk/ConList-2022-format-excerpt.csv");

    private static readonly Lazy<LoadResult> Result = new(() => RepoFiles.Load(new OfsiConListReader(), Xlsx));

    private static Entity Group(string id) => Result.Value.Entities.Single(e => e.SourceId == id);

    [Fact]
    public void Counts_match_the_file()
    {
        var r = Result.Value;

        // data/lists/README.md §11: 18,796 rows for 4,686 Group IDs, Last Updated 10/04/2025.
        Assert.Equal(18_796, r.Provenance.RecordCounts["rows"]);
        Assert.Equal(4_686, r.Entities.Length);
        Assert.Empty(r.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));

        // Groups 16681 and 16682 carry their UN reference (SDi.005, SDi.006) in the UK Sanctions List Ref slot.
        Assert.Equal(["16681", "16682"], r.Diagnostics.Where(d => d.Code == "odd-reference").Select(d => r.Entities.Single(e => e.CrossReferences.Contains(new CrossReference("UN", d.Message.Contains("SDi.005", StringComparison.Ordinal) ? "SDi.005" : "SDi.006"))).SourceId));
        Assert.Equal("2025-04-10", r.Provenance.Published);
        Assert.Equal("gb-hmt-ofsi", r.Provenance.Source);
        Assert.Equal("ofsi-conlist", r.Provenance.Format);
        Assert.All(r.Entities, e => Assert.Single(e.CrossReferences, c => c.Scheme == "OFSI" && c.Value == e.SourceId));

        // Groups 16601 and 16789 have no "Primary name" row: their first variation is promoted.
        Assert.Equal(["Group ID 16601", "Group ID 16789"], r.Diagnostics.Where(d => d.Code == "no-primary-name").Select(d => d.Location));
        Assert.Equal("33RD SCIENTIFIC RESEARCH AND TESTING INSTITUTE", Group("16601").Caption);

        // 81 ship rows; every group has a primary name; UK Sanctions List refs on (almost) every group.
        Assert.Equal(4_683, r.Entities.SelectMany(e => e.CrossReferences).Where(c => c.Scheme == "UKSL").Select(c => c.Value).Distinct().Count());
        Assert.All(r.Entities, e => Assert.Contains(e.Names, n => n.Kind == NameKind.Primary));
        // 27 FKA rows hold 15 distinct (group, name) pairs, plus 2 French names filed in the non-Latin column (groups
        // 7247 and 13189).
        Assert.Equal(17, r.Entities.SelectMany(e => e.Names).Count(n => n.Kind == NameKind.Former));
    }

    [Fact]
    public void Abakarov_cyrillic_name_and_labelled_other_information()
    {
        var e = Group("14241");
        Assert.Equal(Schema.Person, e.Schema);
        Assert.Equal("gb-hmt-ofsi:14241", e.Id);
        Assert.Equal(
            [
                new EntityName("Khizri Magomedovich ABAKAROV", NameKind.Primary, new NameParts("Khizri", "Magomedovich", "ABAKAROV")),
                new EntityName("Хизри Магомедович Абакаров", NameKind.Alias, null, "Cyrl"),
            ],
            e.Names);
        Assert.Equal(["1960-06-28"], e.BirthDates.Select(d => d.ToString()));
        Assert.Equal([new Place("Yuzhno Sakhalinsk, Russia", "ru")], e.BirthPlaces);
        Assert.Equal(["ru"], e.Nationalities);
        Assert.Equal([new Address("1 Okhotny Ryad str, 103265, Russia", "1 Okhotny Ryad str", null, null, "103265", "ru")], e.Addresses);
        Assert.Equal(["Member of the State Duma of the Russian Federation"], e.Titles);
        Assert.Equal(Gender.Male, e.Gender);
        Assert.Contains(new CrossReference("UKSL", "RUS0296"), e.CrossReferences);
        Assert.DoesNotContain(e.CrossReferences, c => c.Scheme == "UN");
        Assert.Equal(["Russia"], e.Programs);
        Assert.Equal(new PartialDate(2022, 3, 11), e.ListedOn);
        Assert.Equal("2022-03-11", e.Property("designatedOn"));
        Assert.Equal("2023-03-21", e.Property("lastUpdated"));
        Assert.StartsWith("(UK Sanctions List Ref):RUS0296.", e.Remarks, StringComparison.Ordinal);
    }

    [Fact]
    public void Ali_kony_year_only_dobs_quality_and_un_reference()
    {
        var e = Group("13378");
        Assert.Equal("ALI KONY", e.Caption);
        Assert.Equal(["1994", "1993", "1995", "1992"], e.BirthDates.Select(d => d.ToString()));
        Assert.Contains(new EntityName("1-P", NameKind.WeakAlias), e.Names);
        Assert.Contains(new EntityName("Otim KAPERE", NameKind.WeakAlias, new NameParts("Otim", null, "KAPERE")), e.Names);
        Assert.Contains(new EntityName("Ali Lalobo BASHIR", NameKind.Alias, new NameParts("Ali", "Lalobo", "BASHIR")), e.Names);
        Assert.Equal(
            [new CrossReference("OFSI", "13378"), new CrossReference("UKSL", "CAF0011"), new CrossReference("UN", "CFi.010")],
            e.CrossReferences);
        Assert.Equal([new Address("Kafia Kingi", "Kafia Kingi")], e.Addresses);
        Assert.Equal(["Central African Republic"], e.Programs);
    }

    [Fact]
    public void Ship_group_is_a_vessel_with_imo_and_no_owner_un_reference()
    {
        var e = Group("13651");
        Assert.Equal(Schema.Vessel, e.Schema);
        Assert.Equal("SAM JONG 2", e.Caption);
        Assert.Equal(9, e.Names.Length);
        Assert.All(e.Names, n => Assert.Null(n.Parts));
        Assert.Contains(new CrossReference("IMO", "7408873"), e.CrossReferences);
        Assert.Contains(new CrossReference("UKSL", "DPR0100"), e.CrossReferences);

        // "UN Ref KPe.064" in the free text is the owner's reference, not the ship's.
        Assert.DoesNotContain(e.CrossReferences, c => c.Scheme == "UN");
        Assert.Equal(new Identifier(IdentifierType.Imo, "7408873"), Assert.Single(e.Identifiers));
        Assert.Equal("North Korea", e.Property("flag"));
        Assert.Equal("Oil tanker", e.Property("type"));
        Assert.Equal("1975", e.Property("buildDate"));
        Assert.Equal("Korea Samjong Shipping", e.Property("owner"));
    }

    [Fact]
    public void Csv_variant_reads_the_same_entities_as_the_xlsx()
    {
        var csv = RepoFiles.Load(new OfsiConListReader(), Csv);
        Assert.Empty(csv.Diagnostics);
        Assert.Equal(27, csv.Provenance.RecordCounts["rows"]);
        Assert.Equal("2025-04-10", csv.Provenance.Published);
        string[] ids = ["15672", "15890", "16636", "12431", "14241", "13651"];
        Assert.Equal(ids.Order(StringComparer.Ordinal), csv.Entities.Select(e => e.SourceId).Order(StringComparer.Ordinal));
        var xlsxOrder = Result.Value.Entities.Select(e => e.SourceId).Where(ids.Contains).ToList();
        Assert.Equal(xlsxOrder, csv.Entities.Select(e => e.SourceId));
        foreach (var e in csv.Entities)
        {
            var x = Group(e.SourceId);
            Assert.Equal(x.Names, e.Names);
            Assert.Equal(x.BirthDates, e.BirthDates);
            Assert.Equal(x.BirthPlaces, e.BirthPlaces);
            Assert.Equal(x.Nationalities, e.Nationalities);
            Assert.Equal(x.Addresses, e.Addresses);
            Assert.Equal(x.Identifiers, e.Identifiers);
            Assert.Equal(x.CrossReferences, e.CrossReferences);
            Assert.Equal(x.Properties, e.Properties);
            Assert.Equal(x.Titles, e.Titles);
            Assert.Equal(x.Remarks, e.Remarks);
            Assert.Equal((x.Id, x.Schema, x.Gender, x.ListedOn, x.Caption), (e.Id, e.Schema, e.Gender, e.ListedOn, e.Caption));
            Assert.Equal(x.Programs, e.Programs);
            Assert.Equal(x.Topics, e.Topics);
        }
    }

    [Fact]
    public void Shifted_column_row_is_skipped_with_a_line_diagnostic()
    {
        var lines = File.ReadAllLines(Csv);

        // Line 4 gets an extra field after Name 6: every later value moves one column right.
        lines[3] = "EXTRA," + lines[3];
        var path = TempFile.Write(System.Text.Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n"), ".csv");
        try
        {
            var r = RepoFiles.Load(new OfsiConListReader(), path);
            var d = Assert.Single(r.Diagnostics);
            Assert.Equal("bad-row", d.Code);
            Assert.Equal("line 4", d.Location);
            Assert.Equal(DiagnosticSeverity.Error, d.Severity);
            Assert.Equal(26, r.Provenance.RecordCounts["rows"] - 1);
            Assert.DoesNotContain(r.Entities.SelectMany(e => e.Names), n => n.Full.Contains("EXTRA", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Empty_and_garbage_files_are_format_errors()
    {
        var empty = TempFile.Write([], ".csv");
        var random = new Random(7);
        var bytes = new byte[2048];
        random.NextBytes(bytes);
        var garbage = TempFile.Write(bytes, ".csv");
        try
        {
            var reader = new OfsiConListReader();
            Assert.False(reader.CanRead(ListProbe.Open(empty)));
            Assert.False(reader.CanRead(ListProbe.Open(garbage)));
            Assert.Throws<ListFormatException>(() => RepoFiles.Load(reader, empty));
            Assert.Throws<ListFormatException>(() => RepoFiles.Load(reader, garbage));
        }
        finally
        {
            File.Delete(empty);
            File.Delete(garbage);
        }
    }

    [Fact]
    public void Detects_its_own_files_only()
    {
        var reader = new OfsiConListReader();
        Assert.True(reader.CanRead(ListProbe.Open(Csv)));
        foreach (var file in RepoFiles.AllListFiles())
        {
            Assert.Equal(file == Xlsx, reader.CanRead(ListProbe.Open(file)));
        }
    }
}
