using System.Collections.Immutable;
using System.Globalization;
using Comity.Core.Model;
using Comity.Sources.Registry;

namespace Comity.Application.Lists;

/// <summary>One listed entity that is in both versions but differs: which fields changed.</summary>
internal sealed record EntityChange(string EntityId, string Caption, IReadOnlyList<string> Fields);

/// <summary>An entity only in one of the two versions.</summary>
internal sealed record EntityRef(string EntityId, string Caption);

/// <summary>What changed in one source between two versions (by entity id).</summary>
internal sealed record ListDiff(string Source, string From, string To, IReadOnlyList<EntityRef> Added, IReadOnlyList<EntityRef> Removed, IReadOnlyList<EntityChange> Changed)
{
    /// <summary>The compared fields, in report order.</summary>
    public static IReadOnlyList<string> Fields { get; } = ["schema", "names", "birth_dates", "identifiers", "programs", "countries", "listed_on", "addresses"];

    /// <summary>Compares two versions of <paramref name="source"/> in <paramref name="store"/>. A version is its id (or
    /// a prefix of at least 6 hex digits) or <c>bundled</c> (the bundled file). Defaults: <paramref name="to"/> the
    /// current version, <paramref name="from"/> the version before it (the bundled file when there is none).</summary>
    public static ListDiff Compare(ListStore store, SourcesConfig config, string source, string? from, string? to)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(config);
        var history = store.History(source);
        var current = store.Current().GetValueOrDefault(source);
        var toVersion = to is null
            ? history.LastOrDefault(v => v.Id == current) ?? (history.Count > 0 ? history[^1] : null) ?? throw new ArgumentException($"{source}: no downloaded version in {store.Root} (run comity lists update)")
            : to == "bundled" ? null : Resolve(history, source, to, "--to");
        var toLabel = toVersion?.ShortId ?? "bundled";
        ListVersion? fromVersion;
        string fromLabel;
        if (from is null)
        {
            var i = toVersion is null ? -1 : history.ToList().FindIndex(v => v.Id == toVersion.Id);
            fromVersion = i > 0 ? history[i - 1] : null;
            fromLabel = fromVersion?.ShortId ?? "bundled";
        }
        else
        {
            fromVersion = from == "bundled" ? null : Resolve(history, source, from, "--from");
            fromLabel = fromVersion?.ShortId ?? "bundled";
        }

        var before = Entities(store, config, source, fromVersion);
        var after = Entities(store, config, source, toVersion);
        return Between(source, fromLabel, toLabel, before, after);
    }

    /// <summary>The difference between two entity sets of one source.</summary>
    public static ListDiff Between(string source, string from, string to, IReadOnlyList<Entity> before, IReadOnlyList<Entity> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var old = before.GroupBy(e => e.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var now = after.GroupBy(e => e.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var added = now.Keys.Where(k => !old.ContainsKey(k)).Order(StringComparer.Ordinal).Select(k => new EntityRef(k, now[k].Caption)).ToList();
        var removed = old.Keys.Where(k => !now.ContainsKey(k)).Order(StringComparer.Ordinal).Select(k => new EntityRef(k, old[k].Caption)).ToList();
        var changed = new List<EntityChange>();
        foreach (var id in now.Keys.Where(old.ContainsKey).Order(StringComparer.Ordinal))
        {
            var a = Facts(old[id]);
            var b = Facts(now[id]);
            var fields = Fields.Where(f => !a[f].SequenceEqual(b[f], StringComparer.Ordinal)).ToList();
            if (fields.Count > 0)
            {
                changed.Add(new EntityChange(id, now[id].Caption, fields));
            }
        }

        return new ListDiff(source, from, to, added, removed, changed);
    }

    private static ListVersion Resolve(IReadOnlyList<ListVersion> history, string source, string id, string option)
    {
        if (id.Length < 6)
        {
            throw new ArgumentException($"{option} {id}: give at least 6 hex digits of a version id (see comity lists history {source}) or 'bundled'");
        }

        var matches = history.Where(v => v.Id.StartsWith(id, StringComparison.OrdinalIgnoreCase)).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new ArgumentException($"{option} {id}: no such version of {source} (see comity lists history {source})"),
            _ => throw new ArgumentException($"{option} {id}: ambiguous, {matches.Count} versions of {source} start with it"),
        };
    }

    private static IReadOnlyList<Entity> Entities(ListStore store, SourcesConfig config, string source, ListVersion? version)
    {
        string path;
        if (version is null)
        {
            var bundled = config.Find(source)?.Bundled ?? throw new ArgumentException($"{source}: no bundled file to compare with; give --from and --to");
            path = Path.GetFullPath(Path.Combine(Corpus.DefaultCorpus.DataDirectory(), bundled));
        }
        else
        {
            path = store.LoadPath(version);
        }

        var result = ListReaders.Load(path);
        return [.. result.Entities.Where(e => e.Source == source)];
    }

    private static Dictionary<string, ImmutableArray<string>> Facts(Entity e) => new(StringComparer.Ordinal)
    {
        ["schema"] = [e.Schema.Name()],
        ["names"] = Sorted(e.Names.Select(n => n.Full)),
        ["birth_dates"] = Sorted(e.BirthDates.Select(d => d.ToString())),
        ["identifiers"] = Sorted(e.Identifiers.Select(i => $"{i.Type}:{i.Normalized}")),
        ["programs"] = Sorted(e.Programs),
        ["countries"] = Sorted(e.Nationalities.Concat(e.Citizenships)),
        ["listed_on"] = e.ListedOn is { } l ? [l.ToString()] : [],
        ["addresses"] = Sorted(e.Addresses.Select(a => a.Full)),
    };

    private static ImmutableArray<string> Sorted(IEnumerable<string> values) =>
        [.. values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>Counts as text, e.g. <c>+12 −3 ~40</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Source} {From} → {To}: {Added.Count} added, {Removed.Count} removed, {Changed.Count} changed");
}
