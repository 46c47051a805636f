using Comity.Core.Model;

namespace Comity.Law.Tests;

public sealed class ListingTests
{
    [Fact]
    public void FromEntity_takes_source_id_programmes_listed_on_and_first_property_values()
    {
        // data/lists/ofac/sdn-csv/sdn.csv ent 306: BANCO NACIONAL DE CUBA, programme CUBA.
        var entity = new Entity
        {
            Id = Entity.MakeId("us-ofac-sdn", "306"),
            Source = "us-ofac-sdn",
            SourceId = "306",
            Schema = Schema.Organization,
            Names = [new EntityName("BANCO NACIONAL DE CUBA")],
            Programs = ["CUBA"],
            ListedOn = new PartialDate(1962),
            Properties = [new EntityProperty("delisted_on", "2099-01-01"), new EntityProperty("delisted_on", "2000-01-01")],
        };
        var listing = Listing.FromEntity(entity);
        Assert.Equal("us-ofac-sdn:306", listing.Id);
        Assert.Equal(["CUBA"], listing.Programs);
        Assert.Equal(Repo.D("1962-01-01"), listing.ListedOn);
        Assert.Equal("2099-01-01", listing.Properties["delisted_on"]);
        Assert.Equal(LawAction.MustNotComply, Repo.Engine.Decide(Scenario.Bank("DE"), [listing]).Overall);
    }
}
