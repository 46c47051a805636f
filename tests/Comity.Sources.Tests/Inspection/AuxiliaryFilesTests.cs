using Comity.Sources.Inspection;
using Comity.Sources.Registry;

namespace Comity.Sources.Tests.Inspection;

/// <summary>Files that are not a whole list on their own (an OFAC auxiliary table, an advanced-XML fragment, the EU
/// programme-code workbook) load honestly: 0 entities or what the piece holds, with provenance and diagnostics.</summary>
public class AuxiliaryFilesTests
{
    [Fact]
    public void Ofac_address_table_alone_reports_its_rows_as_orphans()
    {
        var r = ListInspector.Inspect(RepoFiles.Lists("ofac/sdn-csv/add.csv"), TestContext.Current.CancellationToken);
        Assert.Equal(("ofac-csv", "us-ofac-sdn", 0), (r.Format, r.Source, r.Entities));

        // grep -c . add.csv → 24244 rows; cut -d, -f1 | sort -u → 18494 distinct ent_num.
        Assert.Equal(24244, r.RecordCounts["add.csv"]);
        var orphans = r.Diagnostics.Single(g => g.Code == "orphan-address");
        Assert.Equal(18494, orphans.Count);
        Assert.Equal(1, r.Diagnostics.Single(g => g.Code == "no-primary").Count);
        Assert.Equal("add.csv", r.Files.Single().Name);
    }

    [Fact]
    public void Consolidated_address_table_alone_is_named_for_the_consolidated_list()
    {
        var r = ListInspector.Inspect(RepoFiles.Lists("ofac/cons-csv/cons_add.csv"), TestContext.Current.CancellationToken);
        Assert.Equal(("ofac-csv", "us-ofac-cons", 0), (r.Format, r.Source, r.Entities));

        // grep -c . cons_add.csv → 574; cut -d, -f1 | sort -u → 442 (every entry of cons_prim.csv has an address row).
        Assert.Equal(574, r.RecordCounts["cons_add.csv"]);
        Assert.Equal(442, r.Diagnostics.Single(g => g.Code == "orphan-address").Count);
    }

    [Fact]
    public void Advanced_fragment_with_a_party_yields_it_and_reports_unresolved_types()
    {
        var path = RepoFiles.Lists("ofac/advanced-xml/fragments-2024-03-06/minified_DistinctParties.xml");
        var r = ListReaders.Load(path, TestContext.Current.CancellationToken);
        Assert.Equal("ofac-advanced-fragment", r.Provenance.Format);
        var party = Assert.Single(r.Entities);
        Assert.Equal("36", party.SourceId);
        Assert.Contains(party.Names, n => n.Full == "AEROCARIBBEAN AIRLINES");
        Assert.Contains(party.Names, n => n.Full == "AERO-CARIBBEAN");
        var d = Assert.Single(r.Diagnostics);
        Assert.Equal(("minified_DistinctParties.xml", "unresolved-types"), (d.File, d.Code));
        Assert.Contains("ReferenceValueSets", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Advanced_fragment_date_of_issue_gives_the_publication_date()
    {
        var r = ListInspector.Inspect(RepoFiles.Lists("ofac/advanced-xml/fragments-2024-03-06/minified_DateOfIssue.xml"), TestContext.Current.CancellationToken);
        Assert.Equal(("ofac-advanced-fragment", "2024-03-06", 0), (r.Format, r.Published, r.Entities));
        Assert.Empty(r.Diagnostics);
    }

    [Fact]
    public void Advanced_fragment_of_documents_has_no_entities()
    {
        var r = ListInspector.Inspect(RepoFiles.Lists("ofac/advanced-xml/fragments-2024-03-06/minified_IDRegistrationNo.xml"), TestContext.Current.CancellationToken);
        Assert.Equal(0, r.Entities);

        // grep -c "<IDRegDocument " → 2.
        Assert.Equal(2, r.RecordCounts["IDRegDocument"]);
        Assert.Equal("unresolved-types", Assert.Single(r.Diagnostics).Code);
    }

    [Fact]
    public void Eu_programme_codes_load_as_a_lookup_table()
    {
        var r = ListInspector.Inspect(RepoFiles.Lists("eu/Abbreviation FSD extract program (1).xlsx"), TestContext.Current.CancellationToken);
        Assert.Equal(("eu-programme-codes", "eu-fsf-programmes", 0), (r.Format, r.Source, r.Entities));

        // data/lists/README.md §10: 43 programme codes; sheet1.xml holds 44 cells in column B (CODE header + 43).
        Assert.Equal(43, r.RecordCounts["programme"]);
        Assert.Empty(r.Diagnostics);
        var file = r.Files.Single();
        Assert.Equal(("Abbreviation FSD extract program (1).xlsx", 12093L), (file.Name, file.Bytes));
        Assert.StartsWith("89ca9c02fbbdcf93", file.Sha256, StringComparison.Ordinal);
    }

    [Fact]
    public void Folder_of_fragments_is_combined()
    {
        var r = ListInspector.Inspect(RepoFiles.Lists("ofac/advanced-xml"), TestContext.Current.CancellationToken);
        Assert.Equal("folder", r.Format);

        // minified_DistinctParties.xml and minified_ReferenceValueSets.xml each hold one DistinctParty.
        Assert.Equal(2, r.Entities);
        Assert.Equal(7, r.Files.Length);
        Assert.All(r.Files, f => Assert.StartsWith("fragments-2024-03-06/minified_", f.Name, StringComparison.Ordinal));
        var skipped = r.Diagnostics.Single(g => g.Code == "not-a-list");
        Assert.Equal("sdn_advanced.xsd: file: an XML schema, not a list; skipped", Assert.Single(skipped.Examples));
    }
}
