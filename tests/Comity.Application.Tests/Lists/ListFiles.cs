using System.Xml.Linq;
using Comity.Application.Tests.Evaluation;

namespace Comity.Application.Tests.Lists;

/// <summary>The bundled real files, and modified copies of them, for the update tests; a temporary data dir and
/// sources file.</summary>
internal static class ListFiles
{
    public static string UnXml => RepoFiles.Path("data/lists/un/UN_consolidated.xml");

    public static string SemaXml => RepoFiles.Path("data/lists/ca/sema-consolidated.xml");

    public static string SdnFolder => RepoFiles.Path("data/lists/ofac/sdn-csv");

    /// <summary>The UN file without its first <paramref name="individuals"/> INDIVIDUAL records, and with the first
    /// remaining individual's FIRST_NAME changed when <paramref name="rename"/> is given.</summary>
    public static byte[] UnModified(int individuals, string? rename = null)
    {
        var doc = XDocument.Load(UnXml, LoadOptions.PreserveWhitespace);
        var all = doc.Descendants().Where(e => e.Name.LocalName == "INDIVIDUAL").ToList();
        foreach (var e in all.Take(individuals))
        {
            e.Remove();
        }

        if (rename is not null)
        {
            var first = all.Skip(individuals).First();
            first.Elements().First(e => e.Name.LocalName == "FIRST_NAME").Value = rename;
        }

        using var ms = new MemoryStream();
        doc.Save(ms, SaveOptions.DisableFormatting);
        return ms.ToArray();
    }

    /// <summary>The UN reference number (the entity source id) of an individual, to check diffs.</summary>
    public static string UnIndividualId(int index)
    {
        var doc = XDocument.Load(UnXml);
        var e = doc.Descendants().Where(x => x.Name.LocalName == "INDIVIDUAL").ElementAt(index);
        return e.Elements().First(x => x.Name.LocalName == "REFERENCE_NUMBER").Value.Trim();
    }

    public static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "comity-lists-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>A sources file for the UN list (and optionally the Canadian and OFAC SDN lists) served by
    /// <paramref name="server"/>, with fast retries. The time-out per attempt is generous by default: on a loaded
    /// machine a 2 s limit once timed out a healthy loopback answer and the retry doubled a request count a test
    /// asserts; the hang test passes a short one.</summary>
    public static string WriteSources(LoopbackServer server, string dir, int minUn = 500, double maxShrink = 0.1, int keep = 5, int timeoutSeconds = 30)
    {
        var path = Path.Combine(dir, "sources.json");
        File.WriteAllText(path, $$"""
        {
          "fetch": { "timeout_seconds": {{timeoutSeconds}}, "attempts": 3, "backoff_seconds": 0.01, "keep": {{keep}} },
          "sources": [
            { "name": "un-sc", "authority": "UN", "format": "un-xml", "cadence": "weekly", "max_age_days": 14,
              "min_entities": {{minUn}}, "max_shrink": {{maxShrink.ToString(System.Globalization.CultureInfo.InvariantCulture)}},
              "bundled": "lists/un/UN_consolidated.xml",
              "files": [ { "name": "consolidated.xml", "url": "{{server.Url("un.xml")}}" } ] },
            { "name": "ca-sema", "authority": "GAC", "format": "ca-sema-xml", "cadence": "irregular", "max_age_days": 30,
              "min_entities": 2000, "files": [ { "name": "sema-lsi.xml", "url": "{{server.Url("sema.xml")}}" } ] },
            { "name": "us-ofac-sdn", "authority": "OFAC", "format": "ofac-csv", "cadence": "weekly", "max_age_days": 7,
              "min_entities": 8000, "files": [
                { "name": "sdn.csv", "url": "{{server.Url("ofac/SDN.CSV")}}" },
                { "name": "add.csv", "url": "{{server.Url("ofac/ADD.CSV")}}" },
                { "name": "alt.csv", "url": "{{server.Url("ofac/ALT.CSV")}}" },
                { "name": "sdn_comments.csv", "url": "{{server.Url("ofac/SDN_COMMENTS.CSV")}}" } ] }
          ]
        }
        """);
        return path;
    }
}
