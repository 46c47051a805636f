using System.Diagnostics;
using Comity.Core.Matching;
using Comity.Core.Model;
using Comity.Sources.Registry;

namespace Comity.Application.Tests.Matching;

/// <summary>The bundled default corpus (OFAC SDN and consolidated CSV, UN consolidated XML), loaded and indexed
/// once per test run.</summary>
internal static class BundledCorpus
{
    private static readonly Lazy<(IReadOnlyList<Entity> Entities, MatchIndex Index, TimeSpan Load, TimeSpan Build)> Loaded = new(Load);

    public static string Root { get; } = FindRoot();

    public static IReadOnlyList<Entity> Entities => Loaded.Value.Entities;

    public static MatchIndex Index => Loaded.Value.Index;

    public static TimeSpan LoadTime => Loaded.Value.Load;

    public static TimeSpan BuildTime => Loaded.Value.Build;

    public static string Data(string relative) => Path.Combine(Root, "data", relative);

    private static (IReadOnlyList<Entity>, MatchIndex, TimeSpan, TimeSpan) Load()
    {
        var watch = Stopwatch.StartNew();
        var entities = new List<Entity>();
        foreach (var path in new[] { "lists/ofac/sdn-csv", "lists/ofac/cons-csv", "lists/un/UN_consolidated.xml" })
        {
            entities.AddRange(ListReaders.Load(Data(path)).Entities);
        }

        var load = watch.Elapsed;
        watch.Restart();
        var index = MatchIndex.Build(entities);
        return (entities, index, load, watch.Elapsed);
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Comity.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Comity.slnx not found above " + AppContext.BaseDirectory);
    }
}
