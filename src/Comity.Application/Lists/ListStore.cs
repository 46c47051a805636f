using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Comity.Application.Lists;

/// <summary>The writable store of downloaded list versions (<c>--data-dir</c>, <c>COMITY_DATA_DIR</c>):
/// <code>
/// objects/{sha256}/{file}...   the accepted content, never modified
/// sources/{source}.json        every kept version of one source, oldest first
/// current.json                 {source: version id}: the current set, replaced atomically (write + rename)
/// tmp/                         downloads in progress
/// pins/{id}                    versions a recorded corpus refers to (proof of screening): never pruned
/// </code>
/// A reader sees either the previous current set or the new one, never a mix.</summary>
internal sealed class ListStore
{
    public const string EnvironmentVariable = "COMITY_DATA_DIR";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public ListStore(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
    }

    public string Root { get; }

    private string CurrentFile => Path.Combine(Root, "current.json");

    /// <summary>The store named by <paramref name="option"/> (<c>--data-dir</c>), else by <c>COMITY_DATA_DIR</c>, else
    /// null (the bundled corpus only).</summary>
    public static ListStore? Resolve(string? option)
    {
        var dir = !string.IsNullOrWhiteSpace(option) ? option : Environment.GetEnvironmentVariable(EnvironmentVariable);
        return string.IsNullOrWhiteSpace(dir) ? null : new ListStore(dir);
    }

    /// <summary>Creates the folders (an existing file at <see cref="Root"/> is an error naming it).</summary>
    public void EnsureCreated()
    {
        if (File.Exists(Root))
        {
            throw new IOException($"data dir {Root}: is a file, not a folder");
        }

        Directory.CreateDirectory(Path.Combine(Root, "objects"));
        Directory.CreateDirectory(Path.Combine(Root, "sources"));
        Directory.CreateDirectory(Path.Combine(Root, "tmp"));
    }

    /// <summary>Holds the store for one update run; a second concurrent run fails with a clear message.</summary>
    public IDisposable Lock()
    {
        EnsureCreated();
        var path = Path.Combine(Root, ".lock");
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException e)
        {
            throw new IOException($"data dir {Root}: another 'comity lists update' holds {path}", e);
        }
    }

    /// <summary>The current set: source → version id (empty when nothing was ever accepted).</summary>
    public IReadOnlyDictionary<string, string> Current()
    {
        if (!File.Exists(CurrentFile))
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        try
        {
            var o = JsonNode.Parse(File.ReadAllText(CurrentFile))!.AsObject();
            var sources = o["sources"]!.AsObject();
            return sources.ToDictionary(kv => kv.Key, kv => kv.Value!.GetValue<string>(), StringComparer.Ordinal);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NullReferenceException or FormatException)
        {
            throw new InvalidDataException($"{CurrentFile}: damaged ({e.Message}); restore it or remove the data dir", e);
        }
    }

    /// <summary>The current version of every source that has one.</summary>
    public IReadOnlyDictionary<string, ListVersion> CurrentVersions()
    {
        var result = new Dictionary<string, ListVersion>(StringComparer.Ordinal);
        foreach (var (source, id) in Current())
        {
            var v = History(source).LastOrDefault(x => x.Id == id)
                ?? throw new InvalidDataException($"{CurrentFile}: {source} names version {id[..Math.Min(12, id.Length)]}, which {HistoryFile(source)} does not hold");
            result[source] = v;
        }

        return result;
    }

    /// <summary>Every kept version of <paramref name="source"/>, oldest first.</summary>
    public IReadOnlyList<ListVersion> History(string source)
    {
        var file = HistoryFile(source);
        if (!File.Exists(file))
        {
            return [];
        }

        try
        {
            var o = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
            return [.. o["versions"]!.AsArray().Select(v => ListVersion.FromJson(v!))];
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NullReferenceException or FormatException)
        {
            throw new InvalidDataException($"{file}: damaged ({e.Message})", e);
        }
    }

    /// <summary>Every source with a history.</summary>
    public IReadOnlyList<string> Sources()
    {
        var dir = Path.Combine(Root, "sources");
        return Directory.Exists(dir)
            ? [.. Directory.GetFiles(dir, "*.json").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal)]
            : [];
    }

    /// <summary>The folder of a version's content.</summary>
    public string ObjectFolder(string id) => Path.Combine(Root, "objects", id);

    /// <summary>What the corpus loads for a version: its folder (several files) or its one file.</summary>
    public string LoadPath(ListVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var folder = ObjectFolder(version.Id);
        return version.Files.Length == 1 ? Path.Combine(folder, version.Files[0].Name) : folder;
    }

    /// <summary>A new, empty staging folder for a download.</summary>
    public string Stage()
    {
        EnsureCreated();
        var dir = Path.Combine(Root, "tmp", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>The content id of staged files: the file's SHA-256, or for several files the SHA-256 of their
    /// sorted <c>name sha256</c> lines.</summary>
    public static string ContentId(IReadOnlyList<StoredFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count == 1)
        {
            return files[0].Sha256;
        }

        var sb = new StringBuilder();
        foreach (var f in files.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            sb.Append(f.Name).Append(' ').Append(f.Sha256).Append('\n');
        }

        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    /// <summary>Moves a checked, staged download into <c>objects/</c> (once per content) and records the version in
    /// the source's history. Does not make it current.</summary>
    public void Add(string stagedFolder, ListVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var target = ObjectFolder(version.Id);
        if (Directory.Exists(target))
        {
            Directory.Delete(stagedFolder, recursive: true);
        }
        else
        {
            Directory.Move(stagedFolder, target);
        }

        var history = History(version.Source).Where(v => v.Id != version.Id).Append(version).ToList();
        WriteHistory(version.Source, history);
    }

    /// <summary>Replaces the current set in one rename.</summary>
    public void SetCurrent(IReadOnlyDictionary<string, string> current, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(current);
        var o = new JsonObject
        {
            ["format"] = "comity-current-v1",
            ["updated_at"] = at.ToString("O", CultureInfo.InvariantCulture),
            ["sources"] = new JsonObject([.. current.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))]),
        };
        WriteAtomically(CurrentFile, o);
    }

    /// <summary>Keeps the newest <paramref name="keep"/> versions of <paramref name="source"/> (the current one always),
    /// and deletes content no kept version refers to.</summary>
    public void Prune(string source, int keep)
    {
        var current = Current().GetValueOrDefault(source);
        var history = History(source).ToList();
        var kept = history.Skip(Math.Max(0, history.Count - keep)).ToList();
        foreach (var pinned in history.Where(v => IsPinned(v.Id) && !kept.Contains(v)).Reverse())
        {
            kept.Insert(0, pinned);
        }

        if (current is not null && !kept.Any(v => v.Id == current) && history.FirstOrDefault(v => v.Id == current) is { } c)
        {
            kept.Insert(0, c);
        }

        if (kept.Count == history.Count)
        {
            return;
        }

        WriteHistory(source, kept);
        var referenced = Sources().SelectMany(History).Select(v => v.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var dropped in history.Except(kept))
        {
            if (!referenced.Contains(dropped.Id) && Directory.Exists(ObjectFolder(dropped.Id)))
            {
                Directory.Delete(ObjectFolder(dropped.Id), recursive: true);
            }
        }
    }

    /// <summary>Keeps a version from being pruned: a recorded corpus (runs, monitoring) refers to it, and a replay
    /// rebuilds that corpus from it.</summary>
    public void Pin(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var dir = Path.Combine(Root, "pins");
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, id);
        if (!File.Exists(file))
        {
            File.WriteAllText(file, string.Empty);
        }
    }

    /// <summary>True when <paramref name="id"/> is pinned (see <see cref="Pin"/>).</summary>
    public bool IsPinned(string id) => File.Exists(Path.Combine(Root, "pins", id));

    /// <summary>Removes staging folders left by an interrupted run.</summary>
    public void CleanStaging()
    {
        var tmp = Path.Combine(Root, "tmp");
        if (Directory.Exists(tmp))
        {
            foreach (var d in Directory.GetDirectories(tmp))
            {
                Directory.Delete(d, recursive: true);
            }
        }
    }

    private string HistoryFile(string source) => Path.Combine(Root, "sources", source + ".json");

    private void WriteHistory(string source, IReadOnlyList<ListVersion> versions)
    {
        var o = new JsonObject
        {
            ["source"] = source,
            ["versions"] = new JsonArray([.. versions.Select(v => (JsonNode)v.ToJson())]),
        };
        WriteAtomically(HistoryFile(source), o);
    }

    private static void WriteAtomically(string path, JsonNode node)
    {
        var tmp = path + ".tmp-" + Guid.NewGuid().ToString("N");
        using (var s = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write))
        {
            s.Write(Encoding.UTF8.GetBytes(node.ToJsonString(Indented)));
            s.Flush(flushToDisk: true);
        }

        File.Move(tmp, path, overwrite: true);
    }
}
