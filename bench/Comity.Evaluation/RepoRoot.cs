namespace Comity.Evaluation;

/// <summary>Locates the repository (the folder holding <c>Comity.slnx</c>) and the lists the generator reads.</summary>
internal static class RepoRoot
{
    /// <summary>OFAC SDN CSV, OFAC consolidated (non-SDN) CSV and the UN consolidated XML, relative to the root.</summary>
    public static readonly string[] DefaultLists =
    [
        "data/lists/ofac/sdn-csv",
        "data/lists/ofac/cons-csv",
        "data/lists/un/UN_consolidated.xml",
    ];

    public static string Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Comity.slnx")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException("Comity.slnx not found above the current or the program folder");
    }
}
