using System.Collections.Frozen;

namespace Comity.Server.Yente;

/// <summary>The FtM risk topics: an entity with any of them is a <c>target</c>.</summary>
internal static class Topics
{
    private static readonly FrozenSet<string> Risk = new[]
    {
        "sanction", "sanction.linked", "sanction.control", "sanction.counter", "wanted", "crime", "crime.war",
        "crime.terror", "crime.fin", "crime.fraud", "crime.theft", "crime.boss", "crime.traffick", "role.pep",
        "role.rca", "role.oligarch", "debarment", "export.control", "export.control.linked", "export.risk",
        "invest.ban", "invest.risk", "corp.disqual", "reg.action", "reg.warn", "mare.detained", "mare.shadow", "poi",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static bool IsRisk(string topic) => Risk.Contains(topic);
}
