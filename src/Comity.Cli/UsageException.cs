namespace Comity.Cli;

/// <summary>A bad argument, option, path or input header, found before any work is done: exit code 2, one line.</summary>
internal sealed class UsageException : Exception
{
    public UsageException()
    {
    }

    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
