namespace Comity.Storage.Monitoring;

/// <summary>A job's results were not stored because its lease had passed to another worker (or expired): nothing of
/// the write was applied.</summary>
public sealed class LeaseLostException : Exception
{
    public LeaseLostException()
    {
    }

    public LeaseLostException(string message)
        : base(message)
    {
    }

    public LeaseLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
