using System.IO.Compression;
using System.Xml;
using Comity.Sources.Abstractions;

namespace Comity.Sources.Spreadsheets;

/// <summary>A zip container (xlsx, ods) opened with size, count and ratio limits. Corrupt or hostile archives
/// throw <see cref="ListFormatException"/> naming the file and the entry.</summary>
internal sealed class SafeArchive : IDisposable
{
    private readonly ZipArchive _zip;
    private readonly SpreadsheetLimits _limits;
    private long _totalRead;

    private SafeArchive(string file, ZipArchive zip, SpreadsheetLimits limits)
    {
        File = file;
        _zip = zip;
        _limits = limits;
    }

    /// <summary>The file name used in error messages.</summary>
    public string File { get; }

    /// <summary>Settings for every XML part: no DTD, no external resolution.</summary>
    public static XmlReaderSettings XmlSettings { get; } = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    /// <summary>True when the file starts with the zip local-header signature.</summary>
    public static bool LooksLikeZip(ReadOnlySpan<byte> head) => head.StartsWith("PK\u0003\u0004"u8);

    public static SafeArchive Open(string path, SpreadsheetLimits? limits = null)
    {
        var name = Path.GetFileName(path);
        limits ??= SpreadsheetLimits.Default;
        FileStream? stream = null;
        try
        {
            stream = System.IO.File.OpenRead(path);
            var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: false);
            var count = zip.Entries.Count;
            if (count > limits.MaxEntries)
            {
                zip.Dispose();
                throw new ListFormatException(name, "archive", $"too many entries ({count} > {limits.MaxEntries})");
            }

            return new SafeArchive(name, zip, limits);
        }
        catch (InvalidDataException ex)
        {
            stream?.Dispose();
            throw new ListFormatException(name, "archive", $"not a readable zip archive ({ex.Message})", ex);
        }
    }

    public bool Contains(string entryName) => _zip.GetEntry(entryName) is not null;

    /// <summary>The text of a small entry (at most <paramref name="maxBytes"/> bytes are read), or null when the entry
    /// is missing.</summary>
    public string? ReadSmallText(string entryName, int maxBytes = 4096)
    {
        if (!Contains(entryName))
        {
            return null;
        }

        using var s = OpenEntry(entryName);
        var buffer = new byte[maxBytes];
        var n = s.ReadAtLeast(buffer, maxBytes, throwOnEndOfStream: false);
        return System.Text.Encoding.UTF8.GetString(buffer, 0, n);
    }

    /// <summary>Opens an entry for reading through a stream that enforces the size limits.</summary>
    public Stream OpenEntry(string entryName)
    {
        var entry = _zip.GetEntry(entryName)
            ?? throw new ListFormatException(File, entryName, "missing archive entry");
        if (entry.Length > _limits.MaxEntryBytes)
        {
            throw new ListFormatException(File, entryName, $"entry too large ({entry.Length} bytes)");
        }

        if (entry.Length > 1024 * 1024 && entry.CompressedLength > 0 && entry.Length / entry.CompressedLength > _limits.MaxCompressionRatio)
        {
            throw new ListFormatException(File, entryName, $"suspicious compression ratio ({entry.Length / entry.CompressedLength}:1)");
        }

        try
        {
            return new LimitedStream(this, entryName, entry.Open());
        }
        catch (InvalidDataException ex)
        {
            throw new ListFormatException(File, entryName, $"corrupt archive entry ({ex.Message})", ex);
        }
    }

    /// <summary>Opens an entry as an XML reader with safe settings.</summary>
    public XmlReader OpenXml(string entryName) => XmlReader.Create(OpenEntry(entryName), XmlSettings);

    /// <summary>Runs <paramref name="action"/> and turns XML and decompression errors into
    /// <see cref="ListFormatException"/> for <paramref name="entryName"/>.</summary>
    public T Guard<T>(string entryName, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (XmlException ex)
        {
            throw new ListFormatException(File, $"{entryName} line {ex.LineNumber}", $"malformed XML ({ex.Message})", ex);
        }
        catch (InvalidDataException ex)
        {
            throw new ListFormatException(File, entryName, $"corrupt archive entry ({ex.Message})", ex);
        }
        catch (EndOfStreamException ex)
        {
            throw new ListFormatException(File, entryName, "truncated archive entry", ex);
        }
    }

    public void Dispose() => _zip.Dispose();

    private void Count(string entryName, long entryRead, int n)
    {
        _totalRead += n;
        if (entryRead > _limits.MaxEntryBytes || _totalRead > _limits.MaxTotalBytes)
        {
            throw new ListFormatException(File, entryName, "uncompressed size exceeds the limit");
        }
    }

    private sealed class LimitedStream(SafeArchive owner, string entryName, Stream inner) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _read;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            _read += n;
            owner.Count(entryName, _read, n);
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
