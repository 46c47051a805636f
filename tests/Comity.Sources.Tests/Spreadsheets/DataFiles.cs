namespace Comity.Sources.Tests.Spreadsheets;

/// <summary>Locates files of the repository (data/lists, data/constructed) from the test binary.</summary>
internal static class DataFiles
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string RepoRoot => Root.Value;

    /// <summary>A path below the repository root, e.g. <c>data/lists/eu/sample_eu_fsf.xml</c>.</summary>
    public static string Path(string relative) => System.IO.Path.Combine(RepoRoot, relative);

    /// <summary>Every real list file under data/lists (documentation files excluded).</summary>
    public static IEnumerable<string> AllListFiles() =>
        Directory.EnumerateFiles(Path("data/lists"), "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".md", StringComparison.Ordinal) && !f.EndsWith(".pdf", StringComparison.Ordinal)
                && !f.EndsWith(".xsd", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    /// <summary>Reads a file with a reader, passing the test's cancellation token.</summary>
    public static Comity.Sources.Abstractions.LoadResult Load(Comity.Sources.Abstractions.IListReader reader, string path) =>
        reader.Read(Comity.Sources.Abstractions.ListProbe.Open(path), TestContext.Current.CancellationToken);

    /// <summary>A fresh temporary file with the given bytes; the caller deletes it.</summary>
    public static string TempFile(ReadOnlySpan<byte> bytes, string extension)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"comity-{Guid.NewGuid():N}{extension}");
        File.WriteAllBytes(path, bytes.ToArray());
        return path;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Comity.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Comity.slnx not found above " + AppContext.BaseDirectory);
    }
}
