using System.Globalization;
using System.Text.Json;

namespace Comity.Application.Lists;

/// <summary>One file of a source: the name it is stored under (what the reader sees) and its official URL.</summary>
internal sealed record SourceFile(string Name, Uri Url);

/// <summary>One dataset as <c>data/sources.json</c> describes it: where the authority publishes it, in which format,
/// how often it changes, when it is stale and how many entities a genuine publication holds at least.</summary>
internal sealed record SourceDefinition
{
    /// <summary>Dataset name, the entities' <c>source</c> (e.g. <c>us-ofac-sdn</c>).</summary>
    public required string Name { get; init; }

    public required string Authority { get; init; }

    /// <summary>Accepted reader formats (<c>comity lists inspect</c> names them); the first is the usual one.</summary>
    public required IReadOnlyList<string> Formats { get; init; }

    /// <summary>The files of one publication (OFAC's CSV set has four; most sources one).</summary>
    public required IReadOnlyList<SourceFile> Files { get; init; }

    /// <summary>Expected update cadence, as text (<c>daily</c>, <c>weekly</c>, <c>irregular</c>).</summary>
    public required string Cadence { get; init; }

    /// <summary>Days after its data date from which the list counts as stale.</summary>
    public required int MaxAgeDays { get; init; }

    /// <summary>Fewer entities than this: a sample, an excerpt or a broken file, never a genuine full publication.</summary>
    public required int MinEntities { get; init; }

    /// <summary>The largest accepted drop in entity count from the previous version (0.2 = 20 %), unless
    /// <c>--accept-shrink</c>.</summary>
    public double MaxShrink { get; init; } = 0.2;

    /// <summary>The bundled file or folder this source replaces, relative to the data folder (as in
    /// <c>default-corpus.json</c>); null when nothing is bundled.</summary>
    public string? Bundled { get; init; }

    /// <summary>The bundled file's data date where the file itself carries none (from data/lists/README.md).</summary>
    public DateOnly? BundledDataDate { get; init; }

    public string? Note { get; init; }

    /// <summary>A publication of several files is stored and read as a folder.</summary>
    public bool IsFolder => Files.Count > 1;
}

/// <summary>Download limits shared by every source.</summary>
internal sealed record FetchSettings
{
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(120);

    public long MaxBytes { get; init; } = 512L * 1024 * 1024;

    /// <summary>Attempts per file (1 = no retry).</summary>
    public int Attempts { get; init; } = 3;

    /// <summary>Delay before the first retry; doubled each time.</summary>
    public TimeSpan Backoff { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Versions kept per source.</summary>
    public int Keep { get; init; } = 5;
}

/// <summary>The parsed sources file. Every problem is a <see cref="SourcesFileException"/> naming the file and the
/// field (<c>sources[2].files[0].url</c>); nothing is half-loaded.</summary>
internal sealed record SourcesConfig(string Path, IReadOnlyList<SourceDefinition> Sources, FetchSettings Fetch)
{
    public const string FileName = "sources.json";

    /// <summary>The definition of <paramref name="name"/>, or null.</summary>
    public SourceDefinition? Find(string name) => Sources.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal));

    /// <summary>The bundled <c>data/sources.json</c>.</summary>
    public static SourcesConfig LoadDefault() => Load(System.IO.Path.Combine(Corpus.DefaultCorpus.DataDirectory(), FileName));

    public static SourcesConfig Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new SourcesFileException($"{path}: no such sources file");
        }

        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new SourcesFileException($"{path}: not valid JSON (line {(e.LineNumber ?? 0) + 1}): {e.Message}", e);
        }

        using (doc)
        {
            return Parse(path, doc.RootElement);
        }
    }

    /// <summary>This configuration with one source's URL replaced (<c>--url SOURCE=URL</c>). A source of several files
    /// takes a base URL ending in <c>/</c>, to which each file name is appended.</summary>
    public SourcesConfig WithUrl(string source, string url)
    {
        var def = Find(source) ?? throw new SourcesFileException($"--url {source}={url}: unknown source '{source}'; known: {string.Join(", ", Sources.Select(s => s.Name))}");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new SourcesFileException($"--url {source}={url}: not an absolute http or https URL");
        }

        IReadOnlyList<SourceFile> files;
        if (def.IsFolder)
        {
            if (!url.EndsWith('/'))
            {
                throw new SourcesFileException($"--url {source}={url}: {source} has {def.Files.Count} files ({string.Join(", ", def.Files.Select(f => f.Name))}); give a base URL ending in / to which each file name is appended");
            }

            files = [.. def.Files.Select(f => f with { Url = new Uri(uri, Uri.EscapeDataString(f.Name)) })];
        }
        else
        {
            files = [def.Files[0] with { Url = uri }];
        }

        var changed = def with { Files = files };
        return this with { Sources = [.. Sources.Select(s => ReferenceEquals(s, def) ? changed : s)] };
    }

    private static SourcesConfig Parse(string path, JsonElement root)
    {
        var p = new FieldReader(path);
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw p.Error("$", "expected a JSON object with \"sources\"");
        }

        var fetch = new FetchSettings();
        if (root.TryGetProperty("fetch", out var f))
        {
            fetch = new FetchSettings
            {
                Timeout = TimeSpan.FromSeconds(p.Number(f, "fetch", "timeout_seconds", 1, 3600, fetch.Timeout.TotalSeconds)),
                MaxBytes = (long)p.Number(f, "fetch", "max_bytes", 1024, 1L << 40, fetch.MaxBytes),
                Attempts = (int)p.Number(f, "fetch", "attempts", 1, 10, fetch.Attempts),
                Backoff = TimeSpan.FromSeconds(p.Number(f, "fetch", "backoff_seconds", 0, 600, fetch.Backoff.TotalSeconds)),
                Keep = (int)p.Number(f, "fetch", "keep", 1, 1000, fetch.Keep),
            };
        }

        if (!root.TryGetProperty("sources", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            throw p.Error("sources", "required: an array of sources");
        }

        var sources = new List<SourceDefinition>();
        var i = 0;
        foreach (var s in list.EnumerateArray())
        {
            var at = $"sources[{i++}]";
            if (s.ValueKind != JsonValueKind.Object)
            {
                throw p.Error(at, "expected an object");
            }

            var name = p.Text(s, at, "name");
            if (name.Length == 0 || !name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            {
                throw p.Error(at + ".name", $"'{name}': expected lower-case letters, digits and '-' (a dataset name such as us-ofac-sdn)");
            }

            if (sources.Any(x => x.Name == name))
            {
                throw p.Error(at + ".name", $"'{name}' is defined twice");
            }

            var formats = s.TryGetProperty("formats", out var fm) && fm.ValueKind == JsonValueKind.Array
                ? fm.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString()! : throw p.Error(at + ".formats", "expected strings")).ToArray()
                : [p.Text(s, at, "format")];
            var known = global::Comity.Sources.Registry.ListReaders.All.Select(r => r.Format).ToHashSet(StringComparer.Ordinal);
            foreach (var format in formats)
            {
                if (!known.Contains(format))
                {
                    throw p.Error(at + ".format", $"'{format}' is not a format Comity reads; known: {string.Join(", ", known.Order(StringComparer.Ordinal))}");
                }
            }

            if (!s.TryGetProperty("files", out var fl) || fl.ValueKind != JsonValueKind.Array || fl.GetArrayLength() == 0)
            {
                throw p.Error(at + ".files", "required: a non-empty array of {\"name\", \"url\"}");
            }

            var files = new List<SourceFile>();
            var j = 0;
            foreach (var file in fl.EnumerateArray())
            {
                var fat = $"{at}.files[{j++}]";
                var fileName = p.Text(file, fat, "name");
                if (fileName.Length == 0 || fileName.IndexOfAny(['/', '\\']) >= 0 || fileName is "." or "..")
                {
                    throw p.Error(fat + ".name", $"'{fileName}': expected a plain file name");
                }

                var url = p.Text(file, fat, "url");
                if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                {
                    throw p.Error(fat + ".url", $"'{url}': not an absolute http or https URL");
                }

                files.Add(new SourceFile(fileName, uri));
            }

            DateOnly? bundledDate = null;
            if (s.TryGetProperty("bundled_data_date", out var bd) && bd.ValueKind != JsonValueKind.Null)
            {
                bundledDate = bd.ValueKind == JsonValueKind.String && DateOnly.TryParseExact(bd.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                    ? d
                    : throw p.Error(at + ".bundled_data_date", "expected a date yyyy-MM-dd");
            }

            sources.Add(new SourceDefinition
            {
                Name = name,
                Authority = p.Text(s, at, "authority"),
                Formats = formats,
                Files = files,
                Cadence = p.Text(s, at, "cadence"),
                MaxAgeDays = (int)p.Number(s, at, "max_age_days", 1, 3650, null),
                MinEntities = (int)p.Number(s, at, "min_entities", 1, 10_000_000, null),
                MaxShrink = p.Number(s, at, "max_shrink", 0, 1, 0.2),
                Bundled = FieldReader.OptionalText(s, "bundled"),
                BundledDataDate = bundledDate,
                Note = FieldReader.OptionalText(s, "note"),
            });
        }

        return new SourcesConfig(path, sources, fetch);
    }

    private sealed class FieldReader(string path)
    {
        public SourcesFileException Error(string field, string message) => new($"{path}: {field}: {message}");

        public string Text(JsonElement o, string at, string name) =>
            o.ValueKind == JsonValueKind.Object && o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
                ? v.GetString()!.Trim()
                : throw Error($"{at}.{name}", "required: a string");

        public static string? OptionalText(JsonElement o, string name) =>
            o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        public double Number(JsonElement o, string at, string name, double min, double max, double? fallback)
        {
            if (o.ValueKind != JsonValueKind.Object || !o.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
            {
                return fallback ?? throw Error($"{at}.{name}", "required: a number");
            }

            if (v.ValueKind != JsonValueKind.Number || !v.TryGetDouble(out var d) || d < min || d > max)
            {
                throw Error($"{at}.{name}", $"expected a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");
            }

            return d;
        }
    }
}

/// <summary>A sources file or a <c>--url</c> override that cannot be used; the message names the file and field.</summary>
internal sealed class SourcesFileException : Exception
{
    public SourcesFileException()
    {
    }

    public SourcesFileException(string message)
        : base(message)
    {
    }

    public SourcesFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
