namespace Comity.Application.Batches;

/// <summary>Limits and places of batch runs. Immutable; every default is here.</summary>
internal sealed record BatchOptions
{
    /// <summary>Largest accepted upload.</summary>
    public long MaxUploadBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Rows screened (and alerts recorded) per step; the progress moves by this much at a time.</summary>
    public int ChunkSize { get; init; } = 250;

    /// <summary>How long a finished run's files are kept.</summary>
    public TimeSpan Retention { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Most runs kept at once; the oldest finished ones are removed first.</summary>
    public int MaxJobs { get; init; } = 200;

    /// <summary>Folder for uploads and results; null: a new private folder under the system's temporary folder.</summary>
    public string? Directory { get; init; }
}
