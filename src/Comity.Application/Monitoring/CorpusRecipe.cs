using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Comity.Application.Corpus;
using Comity.Application.Linking;
using Comity.Application.Lists;
using Comity.Core.Model;
using Comity.Sources.Registry;

namespace Comity.Application.Monitoring;

/// <summary>How a corpus version was built, so that it can be built again: every list path in load order, as a
/// bundled file (relative to the data folder), a version in the data dir (content-addressed, kept while runs refer
/// to it) or another file, each with its files' SHA-256. Recorded once per version (proof of screening); replay and
/// delta planning rebuild an old version from it after checking every file's hash.</summary>
internal static class CorpusRecipe
{
    /// <summary>The recipe of <paramref name="corpus"/> as JSON.</summary>
    public static string Of(ScreeningCorpus corpus, ListStore? store)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var dataDir = TryDataDirectory();
        var lists = new JsonArray();
        foreach (var group in corpus.Datasets.GroupBy(d => Path.GetFullPath(d.Path), StringComparer.Ordinal))
        {
            var path = group.Key;
            var (kind, reference) = Classify(path, dataDir, store);
            var files = group.SelectMany(d => d.Provenance.Files).DistinctBy(f => f.Name, StringComparer.Ordinal).OrderBy(f => f.Name, StringComparer.Ordinal);
            lists.Add(new JsonObject
            {
                ["kind"] = kind,
                ["ref"] = reference,
                ["sources"] = new JsonArray([.. group.Select(d => (JsonNode)JsonValue.Create(d.Source))]),
                ["files"] = new JsonArray([.. files.Select(f => (JsonNode)new JsonObject { ["name"] = Path.GetFileName(f.Name), ["sha256"] = f.Sha256 })]),
            });
        }

        return new JsonObject { ["format"] = "comity-corpus-recipe-v1", ["version"] = corpus.Version, ["lists"] = lists }.ToJsonString();
    }

    /// <summary>The list paths of a recipe, each checked against its recorded SHA-256. Throws
    /// <see cref="InvalidDataException"/> naming the list and file that is missing or changed.</summary>
    public static IReadOnlyList<string> Paths(string recipeJson, ListStore? store)
    {
        ArgumentNullException.ThrowIfNull(recipeJson);
        var o = JsonNode.Parse(recipeJson)!.AsObject();
        var version = o["version"]?.GetValue<string>() ?? "?";
        var paths = new List<string>();
        foreach (var l in o["lists"]!.AsArray())
        {
            var kind = l!["kind"]!.GetValue<string>();
            var reference = l["ref"]!.GetValue<string>();
            var path = kind switch
            {
                "bundled" => Path.GetFullPath(Path.Combine(DefaultCorpus.DataDirectory(), reference)),
                "store" => store is null
                    ? throw new InvalidDataException($"corpus {version}: {reference} is a downloaded version; give the data dir it was downloaded to (--data-dir)")
                    : Path.GetFullPath(Path.Combine(store.Root, reference)),
                _ => reference,
            };
            foreach (var f in l["files"]!.AsArray())
            {
                var name = f!["name"]!.GetValue<string>();
                var expected = f["sha256"]!.GetValue<string>();
                var file = Directory.Exists(path) ? Path.Combine(path, name) : path;
                if (!File.Exists(file))
                {
                    throw new InvalidDataException($"corpus {version}: {kind} list {reference}: {name} is missing (it was read with SHA-256 {expected[..16]}…)");
                }

                string actual;
                using (var stream = File.OpenRead(file))
                {
                    actual = Convert.ToHexStringLower(SHA256.HashData(stream));
                }

                if (!string.Equals(actual, expected, StringComparison.Ordinal))
                {
                    throw new InvalidDataException($"corpus {version}: {kind} list {reference}: {name} has changed since (SHA-256 {actual[..16]}…, recorded {expected[..16]}…)");
                }
            }

            paths.Add(path);
        }

        return paths;
    }

    /// <summary>The entities and subject links of lists, without building a match index (what a delta needs of an
    /// old version).</summary>
    internal static (List<Entity> Entities, SubjectLinks Links) ReadEntities(IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        var entities = new List<Entity>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var probe = Sources.Abstractions.ListProbe.Open(path);
            var result = ListReaders.Detect(probe).Read(probe, cancellationToken);
            foreach (var e in result.Entities)
            {
                if (seen.Add(e.Id))
                {
                    entities.Add(e);
                }
            }
        }

        entities = CorpusLoader.SupersedeCurated(entities);
        return (entities, SubjectLinks.Build(entities));
    }

    private static (string Kind, string Reference) Classify(string path, string? dataDir, ListStore? store)
    {
        if (store is not null && Under(path, Path.Combine(store.Root, "objects")))
        {
            return ("store", Path.GetRelativePath(store.Root, path));
        }

        if (dataDir is not null && Under(path, dataDir))
        {
            return ("bundled", Path.GetRelativePath(dataDir, path));
        }

        return ("file", path);
    }

    private static bool Under(string path, string folder)
    {
        var f = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return path.StartsWith(f, StringComparison.Ordinal);
    }

    private static string? TryDataDirectory()
    {
        try
        {
            return Path.GetFullPath(DefaultCorpus.DataDirectory());
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
    }
}
