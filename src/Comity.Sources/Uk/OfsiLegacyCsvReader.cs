using Comity.Sources.Abstractions;
using Comity.Sources.Spreadsheets;

namespace Comity.Sources.Uk;

/// <summary>Reads the pre-2022 OFSI Consolidated List CSV (29 columns, no alias quality, <c>Prime Alias</c>, often
/// Windows-1252; LIST-FORMATS §5.5). The encoding is decided from content.</summary>
internal sealed class OfsiLegacyCsvReader : IListReader
{
    public string Format => "ofsi-conlist-legacy";

    public bool CanRead(ListProbe probe)
    {
        if (probe.IsDirectory || probe.Files.Count != 1 || TabularFile.KindOf(probe.Files[0]) != TabularKind.Delimited)
        {
            return false;
        }

        var rows = TabularFile.HeadRows(probe.Files[0], 3);
        var i = OfsiConListMapper.FindHeader(rows);
        return i >= 0 && TabularFile.Names(rows[i]) is var names && !names.Contains("Alias Quality") && names.Contains("Group Type");
    }

    public LoadResult Read(ListProbe probe, CancellationToken cancellationToken = default) =>
        OfsiConListMapper.Read(probe.Files[0], Format, cancellationToken);
}
