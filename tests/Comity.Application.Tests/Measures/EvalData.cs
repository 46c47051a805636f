using Comity.Application.Corpus;

namespace Comity.Application.Tests.Measures;

/// <summary>The repository's labelled data (<c>data/eval</c>), the default corpus it was generated from, and the OFAC + UN
/// corpus of the older matching tests, found by walking up from the binaries to <c>Comity.slnx</c>.</summary>
internal static class EvalData
{
    public static string Root { get; } = FindRoot();

    public static string PairsCsv => Path("data/eval/pairs.csv");

    public static string PopulationCsv => Path("data/eval/population.csv");

    public static IReadOnlyList<string> Lists =>
        [Path("data/lists/ofac/sdn-csv"), Path("data/lists/ofac/cons-csv"), Path("data/lists/un/UN_consolidated.xml")];

    public static string Path(string relative) => System.IO.Path.Combine(Root, relative);

    /// <summary>The default corpus (<c>data/default-corpus.json</c>) that <c>data/eval</c> is generated from and users screen
    /// against, loaded once for the accuracy measures.</summary>
    public static ScreeningCorpus DefaultCorpus => Default.Value;

    private static readonly Lazy<ScreeningCorpus> Default = new(() => CorpusLoader.LoadDefault(), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Loads and indexes the three lists OFAC SDN, OFAC consolidated and UN (a few seconds: load once and share);
    /// the corpus of the matching tests that pin listed subjects.</summary>
    public static ScreeningCorpus LoadCorpus() => CorpusLoader.Load(Lists);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Comity.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Comity.slnx not found above " + AppContext.BaseDirectory);
    }
}
