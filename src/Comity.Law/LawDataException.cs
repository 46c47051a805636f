namespace Comity.Law;

/// <summary>A law data file (<c>data/law</c> or <c>data/icc</c>) could not be loaded; names the file and line.</summary>
public sealed class LawDataException : Exception
{
    public LawDataException()
    {
    }

    public LawDataException(string message)
        : base(message)
    {
    }

    public LawDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public LawDataException(string file, int line, string message)
        : base($"{file}: line {line}: {message}")
    {
        File = file;
        Line = line;
    }

    public LawDataException(string file, int line, string message, Exception innerException)
        : base($"{file}: line {line}: {message}", innerException)
    {
        File = file;
        Line = line;
    }

    /// <summary>The file name (not the full path).</summary>
    public string? File { get; }

    /// <summary>The 1-based line of the offending record (1 = header).</summary>
    public int Line { get; }
}
