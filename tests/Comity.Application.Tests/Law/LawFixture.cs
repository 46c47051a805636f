using System.Globalization;
using Comity.Law;

namespace Comity.Application.Tests.Law;

/// <summary>The law engine over the repository's data folder (found by walking up to Comity.slnx).</summary>
internal static class LawFixture
{
    private static readonly Lazy<LawEngine> Instance = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Comity.slnx")))
        {
            dir = dir.Parent;
        }

        return LawEngine.LoadDefault(Path.Combine(dir!.FullName, "data"));
    });

    public static LawEngine Engine => Instance.Value;

    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
