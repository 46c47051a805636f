using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;
using Comity.Sources.Abstractions;

namespace Comity.Cli;

/// <summary>Runs the command line and turns every failure into one line on standard error and a documented exit code
/// (see <see cref="ExitCodes"/>). No stack trace reaches the user (set <c>COMITY_DEBUG=1</c> to see one).</summary>
internal static partial class CliRunner
{
    public static int Run(RootCommand root, string[] args, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(context);
        var err = context.Error;
        try
        {
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                foreach (var e in parse.Errors)
                {
                    err.WriteLine($"comity: {Friendly(e)}");
                }

                err.WriteLine($"comity: see 'comity {CommandPath(parse.CommandResult)}--help'");
                return ExitCodes.BadInput;
            }

            return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = context.Out, Error = err });
        }
        catch (Exception ex)
        {
            return Report(Unwrap(ex), err);
        }
        finally
        {
            context.Stdout.Flush();
            context.Out.Flush();
            err.Flush();
        }
    }

    private static int Report(Exception ex, TextWriter err)
    {
        var (code, line) = ex switch
        {
            UsageException => (ExitCodes.BadInput, ex.Message),
            ListFormatException => (ExitCodes.BadData, $"list not loaded: {ex.Message}"),
            Law.LawDataException => (ExitCodes.BadData, $"law data not loaded: {ex.Message}"),
            FileNotFoundException or DirectoryNotFoundException or ArgumentException or InvalidDataException or FormatException
                or UnauthorizedAccessException or PathTooLongException => (ExitCodes.BadInput, ex.Message),
            IOException => (ExitCodes.BadInput, ex.Message),
            OperationCanceledException => (ExitCodes.Interrupted, "interrupted"),
            _ => (ExitCodes.Internal, $"unexpected error ({ex.GetType().Name}): {ex.Message} (a bug: please report it; COMITY_DEBUG=1 shows the stack trace)"),
        };
        err.WriteLine($"comity: {OneLine(line)}");
        if (Environment.GetEnvironmentVariable("COMITY_DEBUG") is "1" or "true")
        {
            err.WriteLine(ex.ToString());
        }

        return code;
    }

    /// <summary>The failure behind a parallel loop's <see cref="AggregateException"/> (one cause is reported).</summary>
    private static Exception Unwrap(Exception ex)
    {
        while (ex is AggregateException { InnerExceptions.Count: > 0 } agg)
        {
            ex = agg.InnerExceptions[0];
        }

        return ex is System.Reflection.TargetInvocationException { InnerException: { } inner } ? Unwrap(inner) : ex;
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();

    /// <summary>System.CommandLine's "Cannot parse argument 'x' for option '--y' as expected type 'T'" names a .NET type;
    /// say what is expected instead.</summary>
    private static string Friendly(ParseError error)
    {
        var m = CannotParse().Match(error.Message);
        if (!m.Success)
        {
            return OneLine(error.Message);
        }

        var type = m.Groups["type"].Value;
        var expected = type.Contains("Double", StringComparison.Ordinal) ? "a number"
            : type.Contains("Int32", StringComparison.Ordinal) ? "a whole number"
            : type.Contains("Boolean", StringComparison.Ordinal) ? "true or false"
            : "a valid value";
        return $"{m.Groups["option"].Value} {m.Groups["value"].Value}: expected {expected}";
    }

    private static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (var r = result; r is not null && r.Parent is CommandResult parent; r = parent)
        {
            names.Insert(0, r.Command.Name);
        }

        return names.Count == 0 ? string.Empty : string.Join(' ', names) + " ";
    }

    [GeneratedRegex("^Cannot parse argument '(?<value>.*)' for (?:option|command|argument) '(?<option>.*)' as expected type '(?<type>.*)'", RegexOptions.CultureInvariant)]
    private static partial Regex CannotParse();
}
