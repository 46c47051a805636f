using Comity.Sources.Abstractions;
using Comity.Sources.Spreadsheets;

namespace Comity.Sources.Uk;

/// <summary>Reads the OFSI Consolidated List in the 2022 layout (36 columns, with Alias Quality and non-Latin
/// script columns), as .xlsx or .csv (LIST-FORMATS §5.4).</summary>
internal sealed class OfsiConListReader : IListReader
{
    public string Format => "ofsi-conlist";

    public bool CanRead(ListProbe probe)
    {
        if (probe.IsDirectory || probe.Files.Count != 1)
        {
            return false;
        }

        var rows = TabularFile.HeadRows(probe.Files[0], 3);
        var i = OfsiConListMapper.FindHeader(rows);
        return i >= 0 && TabularFile.Names(rows[i]) is var names && names.Contains("Alias Quality") && names.Contains("Group Type");
    }

    public LoadResult Read(ListProbe probe, CancellationToken cancellationToken = default) =>
        OfsiConListMapper.Read(probe.Files[0], Format, cancellationToken);
}
