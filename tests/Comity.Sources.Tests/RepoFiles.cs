using Comity.Sources.Abstractions;

namespace Comity.Sources.Tests;

/// <summary>Locates the repository (the folder holding <c>Comity.slnx</c>, found by walking up from the test binary)
/// and its data files, and reads them with the test's cancellation token.</summary>
internal static class RepoFiles
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Comity.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Comity.slnx not found above " + AppContext.BaseDirectory);
    });

    public static string Root => RootPath.Value;

    /// <summary>An absolute path from a path below the repository root written with forward slashes (an absolute
    /// path is returned as it is).</summary>
    public static string Full(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>A path below <c>data/lists</c>.</summary>
    public static string Lists(string relative) => Path.Combine(Root, "data", "lists", relative);

    public static ListProbe Probe(string relative) => ListProbe.Open(Full(relative));

    /// <summary>Every real list file under data/lists and data/icc (README.md files excluded).</summary>
    public static IEnumerable<string> RealFiles() =>
        Directory.EnumerateFiles(Full("data/lists"), "*", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Full("data/icc")))
            .Where(f => !f.EndsWith("README.md", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    /// <summary>Every real list file under data/lists (documentation files excluded).</summary>
    public static IEnumerable<string> AllListFiles() =>
        Directory.EnumerateFiles(Full("data/lists"), "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".md", StringComparison.Ordinal) && !f.EndsWith(".pdf", StringComparison.Ordinal)
                && !f.EndsWith(".xsd", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    /// <summary>Reads with the test's cancellation token.</summary>
    public static LoadResult Load(this IListReader reader, ListProbe probe) => reader.Read(probe, TestContext.Current.CancellationToken);

    /// <summary>Reads a file or folder given below the repository root or as an absolute path.</summary>
    public static LoadResult Load(this IListReader reader, string path) => reader.Load(Probe(path));
}
