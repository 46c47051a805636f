using Comity.Sources.Un;

namespace Comity.Sources.Tests.Un;

public class UnAliasSplitTests
{
    [Fact]
    public void Aliases_joined_by_semicolons_become_separate_names()
    {
        var result = new UnXmlReader().Read(RepoFiles.Probe("data/lists/un/UN_consolidated.xml"), TestContext.Current.CancellationToken);
        var names = result.Entities.SelectMany(e => e.Names).Where(n => n.Kind != Core.Model.NameKind.Primary).Select(n => n.Full).ToList();
        Assert.DoesNotContain(names, n => n.Contains(';', StringComparison.Ordinal));
        Assert.Contains("Haleh Bakhtiari", names);
        Assert.Contains("Halen Bakhtiar", names);
    }
}
