namespace Comity.Cli.Tests;

/// <summary>Issue 10, finding 5 (CLI): <c>comity screen --list BAD</c> and <c>comity lists --list BAD</c> aborted
/// (exit 134) on an FtM file holding invalid UTF-8 bytes or an escaped lone surrogate. Now: one line naming the file
/// and line, exit 3 (<see cref="ExitCodes.BadData"/>), nothing screened.</summary>
public sealed class InvalidListTextTests
{
    public static TheoryData<string, string, string> Cases => new()
    {
        { "lines", "bytes", "entities.ftm.json: line 2, column" },
        { "lines", "surrogate", "entities.ftm.json: line 2: invalid text at $.properties.name[0]" },
        { "array", "bytes", "entities-array.json: line 3, column" },
        { "array", "surrogate", "entities-array.json: line 3 ([0]): invalid text at $.properties.name[0]" },
    };

    private static string BadFile(string layout, string kind)
    {
        var name = layout == "lines" ? "entities.ftm.json" : "entities-array.json";
        var good = File.ReadAllBytes(Path.Combine(ComityProcess.RepoRoot, "data", "constructed", "ftm", name));
        var marker = "\"name\": [\""u8.ToArray();
        var start = layout == "lines" ? good.AsSpan().IndexOf((byte)'\n') + 1 : 0;
        var at = start + good.AsSpan(start).IndexOf(marker) + marker.Length;
        byte[] inject = kind == "bytes" ? [0xFF, 0xFE, 0xC3] : "\\ud800x"u8.ToArray();
        var dir = Directory.CreateTempSubdirectory("comity-bad-text");
        var path = Path.Combine(dir.FullName, name);
        File.WriteAllBytes(path, [.. good.AsSpan(0, at), .. inject, .. good.AsSpan(at)]);
        return path;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Screen_and_lists_exit_3_naming_file_and_line(string layout, string kind, string expected)
    {
        var bad = BadFile(layout, kind);
        foreach (var r in new[]
        {
            ComityProcess.Run("screen", Path.Combine(ComityProcess.RepoRoot, "examples", "customers.csv"), "--list", bad),
            ComityProcess.Run("lists", "--list", bad),
        })
        {
            Assert.Equal(ExitCodes.BadData, r.Exit);
            Assert.Equal(string.Empty, r.Out);
            var line = Assert.Single(r.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("comity: list not loaded: " + expected, line, StringComparison.Ordinal);
        }
    }
}
