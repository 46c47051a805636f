namespace Comity.Sources.Abstractions;

/// <summary>Severity of a load diagnostic.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Something odd but handled (an orphan alias row, an unparseable date kept as raw text).</summary>
    Warning,

    /// <summary>A record was skipped.</summary>
    Error,
}

/// <summary>Something a reader skipped or could not interpret, with its location.</summary>
/// <param name="File">File name (as given to the reader).</param>
/// <param name="Location">Line (<c>line 12</c>) or element (<c>INDIVIDUAL[3]/DATAID=6908</c>) where it happened.</param>
/// <param name="Code">Stable machine code, e.g. <c>orphan-alias</c>, <c>bad-row</c>, <c>bad-date</c>.</param>
/// <param name="Message">What happened, for a human.</param>
public sealed record Diagnostic(string File, string Location, string Code, string Message, DiagnosticSeverity Severity = DiagnosticSeverity.Warning)
{
    public override string ToString() => $"{File}: {Location}: {Code}: {Message}";
}

/// <summary>A whole file could not be read (malformed, truncated, hostile, wrongly encoded). Nothing from it is
/// loaded. The message names the file and the line or element.</summary>
public sealed class ListFormatException : Exception
{
    public ListFormatException(string file, string location, string message, Exception? inner = null)
        : base($"{file}: {location}: {message}", inner)
    {
        File = file;
        Location = location;
    }

    public ListFormatException()
    {
        File = string.Empty;
        Location = string.Empty;
    }

    public ListFormatException(string message)
        : base(message)
    {
        File = string.Empty;
        Location = string.Empty;
    }

    public ListFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = string.Empty;
        Location = string.Empty;
    }

    public string File { get; }

    public string Location { get; }
}
