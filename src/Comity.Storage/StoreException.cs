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
}
