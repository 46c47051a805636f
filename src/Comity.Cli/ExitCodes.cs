namespace Comity.Cli;

/// <summary>The exit codes of <c>comity</c>, as documented in the README.</summary>
internal static class ExitCodes
{
    /// <summary>Success: the command did what it was asked (every row screened; the audit chain verified; the
    /// warrant resolved).</summary>
    public const int Ok = 0;

    /// <summary>A negative answer: <c>audit verify</c> found the chain broken; <c>obligations</c> found no warrant
    /// subject (or several, listed).</summary>
    public const int Negative = 1;

    /// <summary>Bad input, found before any work: an argument, option, path, format, jurisdiction, role, date,
    /// assumption, CSV header or mapping; a missing database for <c>audit verify</c>; <c>serve</c> cannot start (port in
    /// use, unusable store or keys file).</summary>
    public const int BadInput = 2;

    /// <summary>A list or the law data failed to load (the message names the file and line); nothing was screened.</summary>
    public const int BadData = 3;

    /// <summary><c>screen</c> finished but some rows could not be screened (each is in the output with its line and
    /// <c>error</c>, and on standard error); <c>--allow-skipped</c> makes this 0.</summary>
    public const int SkippedRows = 4;

    /// <summary><c>lists update</c>: at least one source failed (download or checks); its previous version stays current
    /// and the other sources were still updated.</summary>
    public const int UpdateFailed = 5;

    /// <summary><c>lists update</c>: every source is current and none changed (304 Not Modified or the same content).</summary>
    public const int NothingChanged = 6;

    /// <summary>Interrupted (Ctrl+C) before finishing.</summary>
    public const int Interrupted = 130;

    /// <summary>An unexpected internal error (a bug): one line on standard error, the stack trace only with COMITY_DEBUG=1.</summary>
    public const int Internal = 70;
}
