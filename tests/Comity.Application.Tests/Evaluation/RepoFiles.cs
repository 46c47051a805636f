namespace Comity.Application.Tests.Evaluation;

/// <summary>Finds files of the repository by walking up from the test binaries to <c>Comity.slnx</c>.</summary>
internal static class RepoFiles
{
    public static string Path(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Comity.slnx")))
            {
                return System.IO.Path.Combine(dir.FullName, relative);
            }
        }

        throw new DirectoryNotFoundException("Comity.slnx not found above " + AppContext.BaseDirectory);
    }
}
