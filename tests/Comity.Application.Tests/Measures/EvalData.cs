using Comity.Application.Corpus;

namespace Comity.Application.Tests.Measures;

/// <summary>The repository's labelled data (<c>data/eval</c>) and the corpus it was generated from (the default corpus),
/// found by walking up from the binaries to <c>Comity.slnx</c>.</summary>
internal static class EvalData
{
    public static string Root { get; } = FindRoot();

    public static string PairsCsv => Path("data/eval/pairs.csv");

    public static string PopulationCsv => Path("data/eval/population.csv");

    public static IReadOnlyList<string> Lists =>
        [Path("data/lists/ofac/sdn-csv"), Path("data/lists/ofac/cons-csv"), Path("data/lists/un/UN_consolidated.xml")];

    public static string Path(string relative) => System.IO.Path.Combine(Root, relative);

    /// <summary>Loads and indexes the default corpus that <c>data/eval</c> was generated from and that users screen
    /// against (<c>data/default-corpus.json</c>; ten seconds or so: load once and share).</summary>
    public static ScreeningCorpus LoadCorpus() => CorpusLoader.LoadDefault();

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
