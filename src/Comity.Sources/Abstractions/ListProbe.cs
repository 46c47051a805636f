using System.Text;

namespace Comity.Sources.Abstractions;

/// <summary>A file or folder offered to readers, with the first bytes of each file for format detection.</summary>
public sealed class ListProbe
{
    private const int HeadBytes = 4096;

    private ListProbe(string path, bool isDirectory, IReadOnlyList<string> files)
    {
        Path = path;
        IsDirectory = isDirectory;
        Files = files;
    }

    /// <summary>The path as given.</summary>
    public string Path { get; }

    public bool IsDirectory { get; }

    /// <summary>The file itself, or the files directly inside the folder (sorted, ordinal).</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>Creates a probe; throws <see cref="FileNotFoundException"/> when nothing is at <paramref name="path"/>.</summary>
    public static ListProbe Open(string path)
    {
        if (Directory.Exists(path))
        {
            var files = Directory.GetFiles(path).Order(StringComparer.Ordinal).ToArray();
            return new ListProbe(path, true, files);
        }

        if (File.Exists(path))
        {
            return new ListProbe(path, false, [path]);
        }

        throw new FileNotFoundException($"{path}: no such file or folder", path);
    }

    /// <summary>The first bytes of a file (up to 4 KiB).</summary>
    public static ReadOnlySpan<byte> Head(string file)
    {
        using var s = File.OpenRead(file);
        var buffer = new byte[HeadBytes];
        var n = s.ReadAtLeast(buffer, HeadBytes, throwOnEndOfStream: false);
        return buffer.AsSpan(0, n);
    }

    /// <summary>The first bytes of a file decoded as UTF-8/Latin-1-tolerant text, BOM removed.</summary>
    public static string HeadText(string file)
    {
        var head = Head(file);
        if (head.StartsWith("\uFEFF"u8))
        {
            head = head[3..];
        }

        return Encoding.Latin1.GetString(head);
    }
}
