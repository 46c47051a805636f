using Comity.Server.Native;
using Comity.Storage.Alerts;

namespace Comity.Server.Tests.Native;

/// <summary>Alert CSV export neutralises spreadsheet formulas in every text cell.</summary>
public sealed class CsvExportTests
{
    [Fact]
    public void Formula_like_names_and_ids_are_prefixed_with_an_apostrophe()
    {
        var at = new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
        var alert = new Alert("a1", "r1", null, 0, "=cmd|' /C calc'!A0", "h", """{"schema":"Person","name":["=HYPERLINK(\"http://x\",\"y\")"]}""",
            "un-sc:QDi.291", "un-sc", "QDi.291", 0.93, "{}", "c123", "{}", AlertStatus.Open, at, at);
        var csv = NativeEndpoints.Csv([alert]);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,run_id,status,created_at,query_id,entity_id,source,source_id,score,corpus_version,caption,action,conflict,unconfirmed,basis", lines[0]);
        Assert.Equal("a1,r1,open,2026-11-27T12:00:00.000Z,'=cmd|' /C calc'!A0,un-sc:QDi.291,un-sc,QDi.291,0.93,c123,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",,,,", lines[1]);
    }
}
