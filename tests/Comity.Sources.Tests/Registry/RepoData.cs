namespace Comity.Sources.Tests.Registry;

/// <summary>Locates the repository root (the folder holding <c>Comity.slnx</c>) and its bundled list files.</summary>
internal static class RepoData
{
    public static string Root { get; } = FindRoot();

    public static string Lists(string relative) => Path.Combine(Root, "data", "lists", relative);

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
