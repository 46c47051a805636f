using Comity.Core.Model;
using Comity.Sources.Abstractions;
using Comity.Sources.Registry;
using Comity.Sources.Tests.Registry;

namespace Comity.Sources.Tests.Ofac;

public class OfacCsvReaderTests
{
    private static readonly Lazy<LoadResult> Sdn2024 = new(() => ListReaders.Load(RepoData.Lists("ofac/sdn-csv")));
    private static readonly Lazy<LoadResult> Sdn2021 = new(() => ListReaders.Load(RepoData.Lists("ofac/sdn-csv-2021")));
    private static readonly Lazy<LoadResult> Cons = new(() => ListReaders.Load(RepoData.Lists("ofac/cons-csv")));

    [Fact]
    public void Sdn_2024_counts_match_the_readme()
    {
        var r = Sdn2024.Value;
        Assert.Equal("ofac-csv", r.Provenance.Format);
        Assert.Equal("us-ofac-sdn", r.Provenance.Source);
        Assert.Equal(15443, r.Entities.Length);
        Assert.Equal(6927, r.Entities.Count(e => e.Schema == Schema.Person));
        Assert.Equal(872, r.Entities.Count(e => e.Schema == Schema.Vessel));
        Assert.Equal(374, r.Entities.Count(e => e.Schema == Schema.Airplane));
        Assert.Equal(7270, r.Entities.Count(e => e.Schema == Schema.Organization));
        Assert.Equal(75, r.Entities.SelectMany(e => e.Programs).Distinct().Count());
        Assert.Equal(15443, r.Provenance.RecordCounts["sdn.csv"]);
        Assert.Equal(24244, r.Provenance.RecordCounts["add.csv"]);
        Assert.Equal(20107, r.Provenance.RecordCounts["alt.csv"]);
        Assert.Equal(28, r.Provenance.RecordCounts["sdn_comments.csv"]);
        Assert.Equal(4, r.Provenance.Files.Length);
    }

    [Fact]
    public void Sdn_2024_orphans_and_mismatched_comments_are_reported()
    {
        var d = Sdn2024.Value.Diagnostics;
        Assert.Equal(3732, d.Count(x => x.Code == "orphan-address"));
        Assert.Equal(1330, d.Count(x => x.Code == "orphan-alias"));
        Assert.Equal(
            ["17016", "17143", "53033", "55505", "56429"],
            d.Where(x => x.Code == "orphan-comment").Select(x => x.Message.Split(' ')[1]).Order(StringComparer.Ordinal));
        Assert.Equal(
            ["22985:", "34682:", "34741:", "35163:", "36025:"],
            d.Where(x => x.Code == "comment-mismatch").Select(x => x.Message.Split(' ')[1]).Order(StringComparer.Ordinal));
        Assert.All(d.Where(x => x.Code.StartsWith("orphan", StringComparison.Ordinal)), x => Assert.StartsWith("line ", x.Location));
        Assert.DoesNotContain(d, x => x.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void Sdn_2021_is_consistent_and_continuations_are_appended()
    {
        var r = Sdn2021.Value;
        Assert.Equal(8976, r.Entities.Length);
        Assert.Empty(r.Diagnostics.Where(x => x.Code.StartsWith("orphan", StringComparison.Ordinal) || x.Code == "comment-mismatch"));
        Assert.Equal(5, r.Entities.Count(e => e.Remarks?.Length > 1000));
    }

    [Fact]
    public void Cons_counts_and_continuations()
    {
        var r = Cons.Value;
        Assert.Equal("us-ofac-cons", r.Provenance.Source);
        Assert.Equal(442, r.Entities.Length);
        Assert.Equal(363, r.Entities.Count(e => e.Schema == Schema.Organization));
        Assert.Equal(79, r.Entities.Count(e => e.Schema == Schema.Person));
        Assert.Equal(10, r.Entities.Count(e => e.Remarks?.Length > 1000));
        Assert.Empty(r.Diagnostics.Where(x => x.Code.StartsWith("orphan", StringComparison.Ordinal) || x.Code == "comment-mismatch"));
    }

    [Fact]
    public void Banco_nacional_de_cuba_field_by_field()
    {
        // sdn.csv line 3; alt.csv line 3; add.csv lines 3-6.
        var e = Sdn2024.Value.Entities.Single(x => x.SourceId == "306");
        Assert.Equal("us-ofac-sdn:306", e.Id);
        Assert.Equal(Schema.Organization, e.Schema);
        Assert.Equal(["CUBA"], e.Programs);
        Assert.Equal(
            [new EntityName("BANCO NACIONAL DE CUBA"), new EntityName("NATIONAL BANK OF CUBA", NameKind.Alias), new EntityName("BNC", NameKind.WeakAlias)],
            e.Names);
        Assert.Equal("a.k.a. 'BNC'.", e.Remarks);
        Assert.Equal(4, e.Addresses.Length);
        Assert.Equal(new Address("Zweierstrasse 35, Zurich CH-8022, Switzerland", "Zweierstrasse 35", "Zurich CH-8022", null, null, "ch"), e.Addresses[0]);
        Assert.Equal(["ch", "es", "jp", "pa"], e.Addresses.Select(a => a.Country));
        Assert.Contains(new CrossReference("OFAC", "306"), e.CrossReferences);
    }
}
