namespace Comity.Evaluation;

/// <summary>Locates the repository (the folder holding <c>Comity.slnx</c>).</summary>
internal static class RepoRoot
{
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
