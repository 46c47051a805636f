namespace Comity.Law.Tests;

/// <summary>Locates the repository (the folder holding Comity.slnx) and loads the engine once.</summary>
internal static class Repo
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Comity.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Comity.slnx not found above " + AppContext.BaseDirectory);
    });

    private static readonly Lazy<LawEngine> EngineInstance = new(() => LawEngine.LoadDefault(DataDir));

    public static string Root => RootPath.Value;

    public static string DataDir => Path.Combine(Root, "data");

    public static LawEngine Engine => EngineInstance.Value;

    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
