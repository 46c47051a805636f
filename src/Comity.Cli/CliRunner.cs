using System.CommandLine;
using Comity.Sources.Abstractions;

namespace Comity.Cli;

/// <summary>Runs the command line and turns known failures into one clear message and a non-zero exit code.</summary>
internal static class CliRunner
{
    public const int BadInput = 2;

    public const int BadList = 3;

    public static int Run(RootCommand root, string[] args)
    {
        try
        {
            return root.Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (ListFormatException ex)
        {
            Console.Error.WriteLine($"comity: list not loaded: {ex.Message}");
            return BadList;
        }
        catch (Comity.Law.LawDataException ex)
        {
            Console.Error.WriteLine($"comity: law data not loaded: {ex.Message}");
            return BadList;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or ArgumentException or InvalidDataException or FormatException)
        {
            Console.Error.WriteLine($"comity: {ex.Message}");
            return BadInput;
        }
    }
}
