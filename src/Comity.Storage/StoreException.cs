namespace Comity.Storage;

/// <summary>A request the store cannot honour (unknown run, invalid spec, ...), with a message that says why.</summary>
public sealed class StoreException : Exception
{
    public StoreException()
    {
    }

    public StoreException(string message)
        : base(message)
    {
    }

    public StoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>True when the database itself is damaged or is not a Comity database (an empty, truncated, garbled
    /// or foreign file; missing tables): the store refuses to open it rather than start afresh or fail later.</summary>
    public bool IsCorruption { get; init; }
}
