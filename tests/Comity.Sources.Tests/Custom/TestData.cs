using Comity.Sources.Abstractions;

namespace Comity.Sources.Tests.Custom;

/// <summary>Locates the repository (the folder holding <c>Comity.slnx</c>) and its data files.</summary>
internal static class TestData
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

    /// <summary>An absolute path under the repository root, from a path with forward slashes.</summary>
    public static string Full(string relative) => System.IO.Path.Combine(Root, relative.Replace('/', System.IO.Path.DirectorySeparatorChar));

    public static ListProbe Probe(string relative) => ListProbe.Open(Full(relative));

    /// <summary>Every real list file and folder entry under data/lists and data/icc (files only).</summary>
    public static IEnumerable<string> RealFiles() =>
        Directory.EnumerateFiles(Full("data/lists"), "*", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Full("data/icc")))
            .Where(f => !f.EndsWith("README.md", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    /// <summary>Reads with the test's cancellation token.</summary>
    public static LoadResult Load(this IListReader reader, ListProbe probe) => reader.Read(probe, TestContext.Current.CancellationToken);

    /// <summary>Reads a file or folder under the repository root.</summary>
    public static LoadResult Load(this IListReader reader, string relative) => reader.Load(Probe(relative));

    /// <summary>A temporary file with the given content, deleted on dispose.</summary>
    public static TempFile Temp(string content, string extension = ".txt") => new(content, extension);

    public sealed class TempFile : IDisposable
    {
        public TempFile(string content, string extension)
        {
            FilePath = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "comity-test-" + Guid.NewGuid().ToString("N") + extension);
            File.WriteAllText(FilePath, content);
        }

        public TempFile(byte[] content, string extension)
        {
            FilePath = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "comity-test-" + Guid.NewGuid().ToString("N") + extension);
            File.WriteAllBytes(FilePath, content);
        }

        public string FilePath { get; }

        public ListProbe Probe => ListProbe.Open(FilePath);

        public void Dispose() => File.Delete(FilePath);
    }
}
