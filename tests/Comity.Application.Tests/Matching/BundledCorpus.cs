using Comity.Application.Corpus;
using Comity.Application.Tests.Measures;
using Comity.Core.Matching;
using Comity.Core.Model;

namespace Comity.Application.Tests.Matching;

/// <summary>The bundled default screening corpus (OFAC SDN and consolidated CSV, UN consolidated XML), loaded and
/// indexed once per test run and shared by every test of this assembly that reads it (matching, recall, calibration,
/// held-out accuracy).</summary>
internal static class BundledCorpus
{
    private static readonly Lazy<ScreeningCorpus> Loaded = new(EvalData.LoadCorpus, LazyThreadSafetyMode.ExecutionAndPublication);

    public static ScreeningCorpus Corpus => Loaded.Value;

    public static IReadOnlyList<Entity> Entities => Loaded.Value.Entities;

    public static MatchIndex Index => Loaded.Value.Index;
}
