using Comity.Server.Native;
using Comity.Storage.Alerts;

namespace Comity.Server.Tests.Native;

/// <summary>Alert CSV export neutralises spreadsheet formulas in every text cell, and names the screened name and the
/// listed subject in their own columns.</summary>
public sealed class CsvExportTests
{
    [Fact]
    public void Formula_like_names_and_ids_are_prefixed_with_an_apostrophe()
    {
        var at = new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
        var alert = new Alert("a1", "r1", null, 0, "=cmd|' /C calc'!A0", "h", """{"schema":"Person","name":["=HYPERLINK(\"http://x\",\"y\")"]}""",
            "un-sc:QDi.291", "un-sc", "QDi.291", 0.93, "{}", "c123", "{}", AlertStatus.Open, at, at);
        var csv = NativeEndpoints.Csv([alert], id => id == "un-sc:QDi.291" ? "@SUM(A1)" : null);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,run_id,status,created_at,query_id,query_name,entity_id,source,source_id,caption,score,corpus_version,action,conflict,unconfirmed,basis", lines[0]);
        Assert.Equal("a1,r1,open,2026-11-27T12:00:00.000Z,'=cmd|' /C calc'!A0,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",un-sc:QDi.291,un-sc,QDi.291,'@SUM(A1),0.93,c123,,,,", lines[1]);
    }

    [Fact]
    public void An_entity_no_longer_listed_has_an_empty_caption()
    {
        var at = new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
        var alert = new Alert("a2", "r1", null, 0, "q1", "h", """{"schema":"Person","name":["Ivan Petrov"]}""",
            "un-sc:QDi.1", "un-sc", "QDi.1", 0.8, "{}", "c123", "{}", AlertStatus.Open, at, at);
        var row = NativeEndpoints.Csv([alert], _ => null).Split('\n', StringSplitOptions.RemoveEmptyEntries)[1].Split(',');
        Assert.Equal("Ivan Petrov", row[5]);
        Assert.Equal(string.Empty, row[9]);
    }
}
