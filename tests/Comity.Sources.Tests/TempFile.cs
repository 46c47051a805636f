using Comity.Sources.Abstractions;

namespace Comity.Sources.Tests;

/// <summary>A temporary file with the given content, deleted on dispose.</summary>
internal sealed class TempFile : IDisposable
{
    public TempFile(string content, string extension)
    {
        FilePath = NewPath(extension);
        File.WriteAllText(FilePath, content);
    }

    public TempFile(byte[] content, string extension)
    {
        FilePath = NewPath(extension);
        File.WriteAllBytes(FilePath, content);
    }

    public string FilePath { get; }

    public ListProbe Probe => ListProbe.Open(FilePath);

    /// <summary>Writes a fresh temporary file and returns its path; the caller deletes it.</summary>
    public static string Write(ReadOnlySpan<byte> bytes, string extension)
    {
        var path = NewPath(extension);
        File.WriteAllBytes(path, bytes.ToArray());
        return path;
    }

    public void Dispose() => File.Delete(FilePath);

    private static string NewPath(string extension) => Path.Combine(Path.GetTempPath(), "comity-test-" + Guid.NewGuid().ToString("N") + extension);
}
