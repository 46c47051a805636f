namespace Comity.Sources.Abstractions;

/// <summary>Reads one list format. Readers are stateless and thread-safe.</summary>
public interface IListReader
{
    /// <summary>Format name, e.g. <c>ofac-csv</c>.</summary>
    string Format { get; }

    /// <summary>True when <paramref name="probe"/> (the file or folder to read) is in this reader's format,
    /// judged from content, not from the file name.</summary>
    bool CanRead(ListProbe probe);

    /// <summary>Reads the whole list. Throws <see cref="ListFormatException"/> when the file as a whole is unreadable;
    /// malformed records are skipped and reported as diagnostics.</summary>
    LoadResult Read(ListProbe probe, CancellationToken cancellationToken = default);
}
