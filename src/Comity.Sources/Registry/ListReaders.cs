using Comity.Sources.Abstractions;
using Comity.Sources.Au;
using Comity.Sources.Ca;
using Comity.Sources.Ch;
using Comity.Sources.Custom;
using Comity.Sources.Eu;
using Comity.Sources.Ftm;
using Comity.Sources.Icc;
using Comity.Sources.Ofac;
using Comity.Sources.OfacAdvanced;
using Comity.Sources.OfacEnhanced;
using Comity.Sources.Uk;
using Comity.Sources.Un;
using Comity.Sources.UsTrade;

namespace Comity.Sources.Registry;

/// <summary>Every list reader Comity knows, format detection and one-call loading.</summary>
public static class ListReaders
{
    /// <summary>All readers, in detection order (the first whose <see cref="IListReader.CanRead"/> is true wins).</summary>
    public static IReadOnlyList<IListReader> All { get; } =
    [
        new OfacCsvReader(),
        new OfacXmlReader(),
        new OfacAdvancedXmlReader(),
        new OfacAdvancedFragmentReader(),
        new OfacEnhancedXmlReader(),
        new UnXmlReader(),
        new EuFsfXmlReader(),
        new EuFsfCsvReader(),
        new OfsiConListReader(),
        new OfsiLegacyCsvReader(),
        new FcdoOdsReader(),
        new FcdoXmlReader(),
        new FcdoCsvReader(),
        new SecoXmlReader(),
        new DfatXlsxReader(),
        new EuProgrammeCodesReader(),
        new CslCsvReader(),
        new DplTextReader(),
        new SemaXmlReader(),
        new IccCsvReader(),
        new FtmJsonReader(),

        // Last: accepts any CSV with a name column that no official layout claimed.
        new CustomCsvReader(),
    ];

    /// <summary>The reader for <paramref name="probe"/>; throws <see cref="ListFormatException"/> ("unrecognised
    /// format") naming the path when no reader accepts it.</summary>
    public static IListReader Detect(ListProbe probe)
    {
        ArgumentNullException.ThrowIfNull(probe);
        foreach (var reader in All)
        {
            if (reader.CanRead(probe))
            {
                return reader;
            }
        }

        if (!probe.IsDirectory && Documentation.KindOf(probe.Path) is { } kind)
        {
            throw new ListFormatException(probe.Path, "line 1", $"unrecognised format: {Path.GetFileName(probe.Path)} is {kind}, not a list");
        }

        throw new ListFormatException(probe.Path, probe.IsDirectory ? "folder" : "line 1", "unrecognised format: no list reader accepts this file or folder");
    }

    /// <summary>Detects the format of the file or folder at <paramref name="path"/> and reads it.</summary>
    public static LoadResult Load(string path, CancellationToken ct = default)
    {
        var probe = ListProbe.Open(path);
        return Detect(probe).Read(probe, ct);
    }
}
