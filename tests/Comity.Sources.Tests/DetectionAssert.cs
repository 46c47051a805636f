using Comity.Sources.Abstractions;

namespace Comity.Sources.Tests;

/// <summary>Checks a reader's <c>CanRead</c> on every real file: yes to its own, no to every other.</summary>
internal static class DetectionAssert
{
    public static void OnlyOwnFiles(IListReader reader, params string[] own)
    {
        var ownPaths = own.Select(RepoFiles.Full).ToHashSet(StringComparer.Ordinal);
        var wrong = new List<string>();
        foreach (var file in RepoFiles.RealFiles())
        {
            var expected = ownPaths.Contains(file);
            if (reader.CanRead(ListProbe.Open(file)) != expected)
            {
                wrong.Add($"{(expected ? "rejected" : "accepted")} {Path.GetRelativePath(RepoFiles.Root, file)}");
            }
        }

        Assert.Empty(wrong);
    }
}
