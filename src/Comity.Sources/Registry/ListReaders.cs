using Comity.Sources.Abstractions;
using Comity.Sources.Ofac;
using Comity.Sources.Un;

namespace Comity.Sources.Registry;

/// <summary>Every list reader Comity knows, format detection and one-call loading.</summary>
public static class ListReaders
{
    /// <summary>All readers, in detection order (the first whose <see cref="IListReader.CanRead"/> is true wins).</summary>
    public static IReadOnlyList<IListReader> All { get; } =
    [
        new OfacCsvReader(),
        new OfacXmlReader(),
        new UnXmlReader(),
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

        throw new ListFormatException(probe.Path, probe.IsDirectory ? "folder" : "line 1", "unrecognised format: no list reader accepts this file or folder");
    }

    /// <summary>Detects the format of the file or folder at <paramref name="path"/> and reads it.</summary>
    public static LoadResult Load(string path, CancellationToken ct = default)
    {
        var probe = ListProbe.Open(path);
        return Detect(probe).Read(probe, ct);
    }
}
