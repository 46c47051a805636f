using System.Globalization;
using System.Runtime.CompilerServices;
using Comity.Application.Corpus;
using Comity.Law;

namespace Comity.Application.Lists;

/// <summary>What is known about one dataset of a corpus: its data date (and where that date comes from), its size
/// against the minimum of a genuine publication, its maximum age; <see cref="AgeOn"/> and <see cref="StaleOn"/> judge it on a date.</summary>
/// <param name="DataDateFrom"><c>file</c> (the file says so), <c>last-modified</c> (the server's header at download),
/// <c>documented</c> (data/lists/README.md, for a bundled file without a date), <c>newest listing</c> (the latest
/// listing date in the file), or null.</param>
/// <param name="Version">The store version (12 hex digits) the dataset was read from, or <c>bundled</c>.</param>
internal sealed record ListStatus(
    string Source, bool Loaded, string? Path, int Entities, DateOnly? DataDate, string? DataDateFrom, int? MinEntities, int? MaxAgeDays,
    string? Cadence, string Version)
{
    /// <summary>Fewer entities than a genuine publication holds: a sample or excerpt.</summary>
    public bool Complete => Loaded && (MinEntities is not { } min || Entities >= min);

    /// <summary>Days from the data date to <paramref name="asOf"/> (null without a date).</summary>
    public int? AgeOn(DateOnly asOf) => DataDate is { } d ? asOf.DayNumber - d.DayNumber : null;

    /// <summary>Older than its maximum age on <paramref name="asOf"/>, or undated while a maximum applies.</summary>
    public bool StaleOn(DateOnly asOf) => MaxAgeDays is { } max && (AgeOn(asOf) is not { } age || age > max);

    /// <summary>The coverage facts the law engine judges.</summary>
    public ListCoverage ToCoverage() => new(Source, Loaded, DataDate, Entities, MinEntities, MaxAgeDays);
}

/// <summary>Dataset statuses of a corpus: computed once per corpus (data dates from the files, the store's download
/// records, the bundled documentation or the newest listing), with the minimum sizes and maximum ages of
/// <c>data/sources.json</c>. Datasets that the sources file names but the corpus lacks are listed as not loaded.</summary>
internal static class ListStatuses
{
    /// <summary>Curated datasets bundled without an official feed: expected in every default corpus.</summary>
    private static readonly string[] Curated = ["icc-warrants", "us-ofac-icc"];

    private static readonly ConditionalWeakTable<ScreeningCorpus, IReadOnlyList<ListStatus>> Cache = [];

    private static readonly Lazy<SourcesConfig?> DefaultSources = new(() =>
    {
        try
        {
            return SourcesConfig.LoadDefault();
        }
        catch (Exception e) when (e is SourcesFileException or IOException or DirectoryNotFoundException)
        {
            return null;
        }
    });

    /// <summary>Every dataset of <paramref name="corpus"/>, then every expected one it lacks.</summary>
    public static IReadOnlyList<ListStatus> Of(ScreeningCorpus corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        return Cache.GetValue(corpus, c => Compute(c, DefaultSources.Value));
    }

    /// <summary>The data date of one loaded dataset (midnight UTC), as <see cref="Of"/> reports it; the corpus load time
    /// when the dataset has none or is not loaded. The one definition behind <c>/v1/lists</c>, yente's
    /// <c>last_seen</c>/<c>updated_at</c> and <c>changed_since</c>.</summary>
    public static DateTime DataDate(ScreeningCorpus corpus, string source)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        foreach (var status in Of(corpus))
        {
            if (status.Loaded && string.Equals(status.Source, source, StringComparison.Ordinal) && status.DataDate is { } d)
            {
                return d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            }
        }

        var t = corpus.LoadedAt.UtcDateTime;
        return new DateTime(t.Year, t.Month, t.Day, t.Hour, t.Minute, t.Second, DateTimeKind.Utc);
    }

    /// <summary>The coverage facts of <paramref name="corpus"/> for <see cref="LawEngine.Coverage"/>.</summary>
    public static IReadOnlyList<ListCoverage> Coverage(ScreeningCorpus corpus) => [.. Of(corpus).Select(s => s.ToCoverage())];

    internal static IReadOnlyList<ListStatus> Compute(ScreeningCorpus corpus, SourcesConfig? config)
    {
        var result = new List<ListStatus>();
        foreach (var d in corpus.Datasets)
        {
            var def = config?.Find(d.Source);
            var (version, stored) = StoredVersion(d.Path, d.Source);
            var bundled = def?.Bundled is { } b && config is not null
                && string.Equals(System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(config.Path)!, b)), System.IO.Path.GetFullPath(d.Path), StringComparison.Ordinal);
            var (date, from) = DataDate(corpus, d, bundled ? def : null, stored);
            result.Add(new ListStatus(d.Source, true, d.Path, d.EntityCount, date, from, def?.MinEntities, def?.MaxAgeDays, def?.Cadence, version));
        }

        var loaded = result.Select(r => r.Source).ToHashSet(StringComparer.Ordinal);
        foreach (var def in config?.Sources ?? [])
        {
            if (loaded.Add(def.Name))
            {
                result.Add(new ListStatus(def.Name, false, null, 0, null, null, def.MinEntities, def.MaxAgeDays, def.Cadence, "-"));
            }
        }

        foreach (var curated in Curated)
        {
            if (loaded.Add(curated))
            {
                result.Add(new ListStatus(curated, false, null, 0, null, null, null, null, null, "-"));
            }
        }

        return result;
    }

    /// <param name="bundledDef">The source's definition when the dataset is its bundled file (its documented date applies).</param>
    private static (DateOnly? Date, string? From) DataDate(ScreeningCorpus corpus, Dataset d, SourceDefinition? bundledDef, ListVersion? stored)
    {
        if (ParseDate(d.Provenance.Published) is { } published)
        {
            return (published, "file");
        }

        if (stored?.DataDate is { } downloaded)
        {
            return (downloaded, stored.DataDateFrom ?? "last-modified");
        }

        if (stored is null && bundledDef?.BundledDataDate is { } documented)
        {
            return (documented, "documented");
        }

        var newest = corpus.Entities.Where(e => e.Source == d.Source && e.ListedOn is not null).Select(e => e.ListedOn!.Value.Earliest).DefaultIfEmpty().Max();
        return newest == default ? (null, null) : (newest, "newest listing");
    }

    /// <summary>The store version a dataset path lies in (<c>{root}/objects/{id}/...</c>), with its record.</summary>
    private static (string Version, ListVersion? Stored) StoredVersion(string path, string source)
    {
        var full = System.IO.Path.GetFullPath(path);
        var dir = Directory.Exists(full) ? new DirectoryInfo(full) : new FileInfo(full).Directory;
        var objects = dir?.Parent;
        if (dir is null || objects is null || objects.Name != "objects" || objects.Parent is null || dir.Name.Length != 64)
        {
            return ("bundled", null);
        }

        try
        {
            var store = new ListStore(objects.Parent.FullName);
            var v = store.History(source).LastOrDefault(x => x.Id == dir.Name);
            return (dir.Name[..12], v);
        }
        catch (InvalidDataException)
        {
            return (dir.Name[..12], null);
        }
    }

    /// <summary>The date at the start of a publication date text (<c>2026-08-05T16:47:04+02:00</c>, <c>2025-04-10</c>,
    /// <c>03/28/2025</c>).</summary>
    internal static DateOnly? ParseDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var t = text.Trim();
        if (t.Length >= 10 && DateOnly.TryParseExact(t[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso))
        {
            return iso;
        }

        string[] formats = ["MM/dd/yyyy", "dd/MM/yyyy", "d MMM yyyy", "dd MMM yyyy"];
        return DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dto)
            ? DateOnly.FromDateTime(dto.UtcDateTime)
            : DateOnly.TryParseExact(t, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }
}

/// <summary>The status fields of a dataset on the wire (<c>/v1/lists</c>): <c>data_date</c>, <c>data_date_from</c>,
/// <c>age_days</c>, <c>max_age_days</c>, <c>stale</c>, <c>min_entities</c>, <c>complete</c>, <c>cadence</c>,
/// <c>version</c>.</summary>
internal static class ListStatusJson
{
    public static void WriteFields(System.Text.Json.Utf8JsonWriter w, ListStatus status, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(status);
        if (status.DataDate is { } d)
        {
            w.WriteString("data_date", d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        else
        {
            w.WriteNull("data_date");
        }

        Nullable(w, "data_date_from", status.DataDateFrom);
        NullableInt(w, "age_days", status.AgeOn(asOf));
        NullableInt(w, "max_age_days", status.MaxAgeDays);
        w.WriteBoolean("stale", status.StaleOn(asOf));
        NullableInt(w, "min_entities", status.MinEntities);
        w.WriteBoolean("complete", status.Complete);
        Nullable(w, "cadence", status.Cadence);
        w.WriteString("version", status.Version);
    }

    private static void Nullable(System.Text.Json.Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    private static void NullableInt(System.Text.Json.Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
