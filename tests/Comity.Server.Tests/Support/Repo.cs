namespace Comity.Server.Tests.Support;

/// <summary>Paths in the repository (found by walking up to <c>Comity.slnx</c>).</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Data(params string[] parts) => Path.Combine([Root, "data", .. parts]);

    public static string UnXml => Data("lists", "un", "UN_consolidated.xml");

    public static string OfacCons => Data("lists", "ofac", "cons-csv");

    /// <summary>A fresh temp folder holding copies of the UN list and the OFAC consolidated CSV set.</summary>
    public static (string Dir, string Un, string Cons) CopyLists()
    {
        var dir = TempDir();
        var un = Path.Combine(dir, "UN_consolidated.xml");
        File.Copy(UnXml, un);
        var cons = Path.Combine(dir, "cons-csv");
        Directory.CreateDirectory(cons);
        foreach (var f in Directory.GetFiles(OfacCons))
        {
            File.Copy(f, Path.Combine(cons, Path.GetFileName(f)));
        }

        return (dir, un, cons);
    }

    public static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "comity-server-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Comity.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Comity.slnx not found above " + AppContext.BaseDirectory);
    }
}
