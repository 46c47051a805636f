using System.Text.Json;

namespace Comity.Application.Corpus;

/// <summary>Finds the bundled data folder and the default corpus manifest (<c>data/default-corpus.json</c>).</summary>
internal static class DefaultCorpus
{
    private const string Manifest = "default-corpus.json";

    /// <summary>The bundled <c>data</c> folder: <c>$COMITY_DATA</c> if set, else the nearest <c>data</c> folder holding
    /// the manifest, searched upwards from the current directory and from the program's folder.</summary>
    public static string DataDirectory()
    {
        var env = Environment.GetEnvironmentVariable("COMITY_DATA");
        if (!string.IsNullOrEmpty(env))
        {
            return File.Exists(Path.Combine(env, Manifest))
                ? env
                : throw new DirectoryNotFoundException($"COMITY_DATA={env}: no {Manifest} there");
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "data");
                if (File.Exists(Path.Combine(candidate, Manifest)))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException($"bundled data not found: no data/{Manifest} above {Directory.GetCurrentDirectory()}; set COMITY_DATA");
    }

    /// <summary>The lists of the default corpus, as absolute paths.</summary>
    public static IReadOnlyList<string> Paths()
    {
        var dir = DataDirectory();
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, Manifest)));
        return doc.RootElement.GetProperty("lists").EnumerateArray()
            .Select(e => Path.GetFullPath(Path.Combine(dir, e.GetString() ?? string.Empty)))
            .ToArray();
    }
}
