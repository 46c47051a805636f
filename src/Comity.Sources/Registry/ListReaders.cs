using Comity.Sources.Abstractions;
using Comity.Sources.Au;
using Comity.Sources.Ca;
using Comity.Sources.Ch;
using Comity.Sources.Common;
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

    /// <summary>The publications at <paramref name="path"/>, each a probe that one reader reads whole: the file; a
    /// folder that one reader claims (an OFAC CSV set, the ICC dataset, ...); otherwise every file (documentation
    /// skipped) and subfolder of the folder, in ordinal order, expanded the same way. Throws
    /// <see cref="ListFormatException"/> naming the file when one of them is in no known format, and when a folder
    /// holds no list: nothing in a folder is left out without a word.</summary>
    public static IReadOnlyList<ListProbe> Publications(string path)
    {
        var found = new List<ListProbe>();
        Expand(ListProbe.Open(path), found, 0);
        return found;
    }

    private static void Expand(ListProbe probe, List<ListProbe> found, int depth)
    {
        if (!probe.IsDirectory || All.Any(r => r.CanRead(probe)))
        {
            Detect(probe);
            found.Add(probe);
            return;
        }

        if (depth >= MaxFolderDepth)
        {
            throw new ListFormatException(probe.Path, "folder", $"folders nested deeper than {MaxFolderDepth} levels");
        }

        var before = found.Count;
        foreach (var file in probe.Files)
        {
            if (!Documentation.Is(file))
            {
                Expand(ListProbe.Open(file), found, depth + 1);
            }
        }

        foreach (var folder in Directory.GetDirectories(probe.Path).Order(StringComparer.Ordinal))
        {
            Expand(ListProbe.Open(folder), found, depth + 1);
        }

        if (found.Count == before)
        {
            throw new ListFormatException(probe.Path, "folder", "the folder holds no list");
        }
    }

    private const int MaxFolderDepth = 8;

    /// <summary>Detects the format of the file or folder at <paramref name="path"/> and reads it.</summary>
    public static LoadResult Load(string path, CancellationToken ct = default)
    {
        var probe = ListProbe.Open(path);
        return Detect(probe).Read(probe, ct);
    }
}
