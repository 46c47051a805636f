using System.Security.Cryptography;
using Comity.Core.Matching;
using Comity.Sources.Abstractions;

namespace Comity.Application.Corpus;

/// <summary>The folder of corpus snapshots (<see cref="SnapshotFile"/>), one file per set of inputs, named by its key.</summary>
/// <remarks>
/// <para>Where: <c>$COMITY_CACHE_DIR</c> when set (<c>off</c> turns snapshots off), else <c>$XDG_CACHE_HOME/comity</c>,
/// else <c>~/.cache/comity</c>; never the data folder, which may be read-only.</para>
/// <para>The key of a corpus is the SHA-256 of the engine version and, for every list path in order, its full path and
/// the name and SHA-256 of each file read from it: a changed, added or removed file, a list moved elsewhere or a new
/// build of the code each give a new key, so a stale snapshot is never read. The engine version is the SHA-256 of
/// <see cref="SnapshotFile.FormatVersion"/> and the module version ids of the assemblies whose code decides what a
/// snapshot holds (Core: model, normalisation, index, scoring; Sources: the readers; Application: loading and linking).
/// With deterministic builds a module version id is a hash of the compiled code, so any change to that code changes
/// it: nothing to remember to bump.</para>
/// <para>Writes go to a temporary file renamed into place, so a reader sees a whole snapshot or none; the
/// <see cref="Keep"/> most recently used snapshots are kept, older ones deleted.</para>
/// </remarks>
internal sealed class CorpusCache
{
    /// <summary>The environment variable naming the folder (<c>off</c>: no snapshots).</summary>
    public const string Variable = "COMITY_CACHE_DIR";

    /// <summary>Snapshots kept in the folder (the most recently used).</summary>
    public const int Keep = 4;

    private const long SmallHeapBytes = 64L << 20;

    private static readonly Lazy<byte[]> Engine = new(ComputeEngine);

    public CorpusCache(string? directory) => Directory = directory;

    /// <summary>The folder, or null when snapshots are off.</summary>
    public string? Directory { get; }

    /// <summary>The cache the environment asks for (see the remarks).</summary>
    public static CorpusCache FromEnvironment()
    {
        var configured = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new CorpusCache(configured.Trim() is "off" or "none" or "0" ? null : Path.GetFullPath(configured.Trim()));
        }

        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (!string.IsNullOrWhiteSpace(xdg) && Path.IsPathRooted(xdg))
        {
            return new CorpusCache(Path.Combine(xdg, "comity"));
        }

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return new CorpusCache(string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".cache", "comity"));
    }

    /// <summary>The engine version: hex SHA-256 of the snapshot format and the code that shapes a snapshot.</summary>
    public static string EngineVersion => SnapshotFile.Hex(Engine.Value);

    /// <summary>The assemblies whose compiled code the engine version covers.</summary>
    public static IReadOnlyList<System.Reflection.Assembly> EngineAssemblies { get; } =
        [typeof(MatchIndex).Assembly, typeof(ListProbe).Assembly, typeof(CorpusCache).Assembly];

    internal static byte[] EngineBytes => Engine.Value;

    /// <summary>The key of the corpus read from <paramref name="paths"/> (absolute list paths, in load order).</summary>
    /// <exception cref="FileNotFoundException">A path does not exist.</exception>
    public static byte[] KeyOf(IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Engine.Value);
        foreach (var path in paths)
        {
            var probe = ListProbe.Open(path);
            sha.AppendData(SnapshotFile.Utf8("path\0" + Path.GetFullPath(path) + "\0"));
            foreach (var file in probe.Files)
            {
                sha.AppendData(SnapshotFile.Utf8("file\0" + Path.GetFileName(file) + "\0"));
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
                sha.AppendData(SHA256.HashData(stream));
            }
        }

        return sha.GetHashAndReset();
    }

    /// <summary>The file a corpus of this key lives in.</summary>
    public string PathOf(byte[] key) =>
        Path.Combine(Directory ?? throw new InvalidOperationException("snapshots are off"), "corpus-" + SnapshotFile.Hex(key)[..32] + ".snapshot");

    /// <summary>The corpus of <paramref name="key"/> read from its snapshot, or null when there is none for this key and
    /// this engine. A file that is there but does not read back (truncated, damaged, unreadable) is reported through
    /// <paramref name="warn"/>, deleted, and null is returned: the caller rebuilds.</summary>
    public ScreeningCorpus? TryRead(byte[] key, DateTimeOffset loadedAt, MatcherOptions? options, Action<string>? warn)
    {
        if (Directory is null)
        {
            return null;
        }

        var path = PathOf(key);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            ScreeningCorpus corpus;
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16, FileOptions.SequentialScan))
            {
                var header = SnapshotFile.ReadHeader(stream) ?? throw new InvalidDataException("not a Comity corpus snapshot");
                if (header.Format != SnapshotFile.FormatVersion || !header.Engine.AsSpan().SequenceEqual(Engine.Value) || !header.Key.AsSpan().SequenceEqual(key))
                {
                    // Written by another build or for other inputs under a colliding name prefix: not ours to read.
                    return null;
                }

                var noGc = EnterNoGcRegion(header.PayloadLength);
                try
                {
                    corpus = SnapshotFile.ReadPayload(stream, header, loadedAt, options);
                }
                finally
                {
                    LeaveNoGcRegion(noGc);
                }
            }

            Touch(path);
            return corpus;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException or EndOfStreamException
            or System.Text.Json.JsonException or ArgumentException or FormatException or OverflowException or IndexOutOfRangeException)
        {
            warn?.Invoke($"corpus snapshot {path} ignored and rebuilt: {e.Message}");
            TryDelete(path);
            return null;
        }
    }

    /// <summary>Writes the snapshot of <paramref name="corpus"/> (atomically) and prunes old ones. A failure (disk full,
    /// read-only folder) is reported through <paramref name="warn"/> and leaves no partial file: the corpus is served
    /// anyway, only the next start is slower.</summary>
    public bool TryWrite(byte[] key, ScreeningCorpus corpus, Action<string>? warn)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        if (Directory is null)
        {
            return false;
        }

        var path = PathOf(key);
        var temp = path + ".tmp-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16))
            {
                SnapshotFile.Write(stream, corpus, Engine.Value, key);
            }

            File.Move(temp, path, overwrite: true);
            Prune();
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            warn?.Invoke($"corpus snapshot not written to {Directory}: {e.Message}");
            TryDelete(temp);
            return false;
        }
    }

    private void Prune()
    {
        var files = new DirectoryInfo(Directory!).GetFiles("corpus-*.snapshot").OrderByDescending(f => f.LastWriteTimeUtc).ToList();
        foreach (var old in files.Skip(Keep))
        {
            TryDelete(old.FullName);
        }

        foreach (var stale in new DirectoryInfo(Directory!).GetFiles("corpus-*.snapshot.tmp-*"))
        {
            // A writer that died mid-write leaves its temporary file; one older than an hour is nobody's.
            if (DateTime.UtcNow - stale.LastWriteTimeUtc > TimeSpan.FromHours(1))
            {
                TryDelete(stale.FullName);
            }
        }
    }

    /// <summary>Reading a snapshot allocates about five bytes of objects per byte of payload, nearly all of which live as
    /// long as the corpus: with the default small gen0 budget the GC collects every few megabytes and copies every
    /// survivor up the generations, a quarter of the decoding's CPU (<c>bench startup-profile --snapshot-steps</c>).
    /// At start-up (a small heap) the read runs in a no-GC region instead; on a big heap (a hot reload in a serving
    /// process) it does not, since entering one collects first and would pause the requests being served.</summary>
    internal static bool EnterNoGcRegion(long payloadBytes)
    {
        if (GC.GetTotalMemory(forceFullCollection: false) > SmallHeapBytes)
        {
            return false;
        }

        try
        {
            return GC.TryStartNoGCRegion(Math.Clamp(payloadBytes * 5, 16L << 20, 1L << 30));
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or InvalidOperationException)
        {
            // Larger than this runtime allows, or another load is in one already: read with the GC as usual.
            return false;
        }
    }

    internal static void LeaveNoGcRegion(bool entered)
    {
        if (!entered || System.Runtime.GCSettings.LatencyMode != System.Runtime.GCLatencyMode.NoGCRegion)
        {
            return;
        }

        try
        {
            GC.EndNoGCRegion();
        }
        catch (InvalidOperationException)
        {
            // The region already ended (more was allocated than asked for, or something collected): nothing to undo.
        }
    }

    private static void Touch(string path)
    {
        try
        {
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only cache still serves; only the pruning order is affected.
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left in place; the next writer replaces it.
        }
    }

    private static byte[] ComputeEngine()
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(SnapshotFile.Utf8("comity-corpus-snapshot\0" + SnapshotFile.FormatVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        foreach (var assembly in EngineAssemblies)
        {
            sha.AppendData(SnapshotFile.Utf8(assembly.GetName().Name + "\0"));
            sha.AppendData(assembly.ManifestModule.ModuleVersionId.ToByteArray());
        }

        return sha.GetHashAndReset();
    }
}
