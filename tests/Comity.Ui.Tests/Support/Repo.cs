namespace Comity.Ui.Tests.Support;

/// <summary>Paths in the repository (found by walking up to <c>Comity.slnx</c>) and fresh temp folders.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Data(params string[] parts) => Path.Combine([Root, "data", .. parts]);

    public static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "comity-ui-tests", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dir);
        return dir;
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
