using Comity.Sources.Abstractions;
using Comity.Sources.Registry;

namespace Comity.Sources.Tests.Registry;

/// <summary>The bundled lists, each loaded once per test run and shared by the test classes.</summary>
internal static class Loaded
{
    private static readonly Lazy<LoadResult> LazySdn2024 = new(() => ListReaders.Load(RepoFiles.Lists("ofac/sdn-csv")));
    private static readonly Lazy<LoadResult> LazySdn2021 = new(() => ListReaders.Load(RepoFiles.Lists("ofac/sdn-csv-2021")));
    private static readonly Lazy<LoadResult> LazyCons = new(() => ListReaders.Load(RepoFiles.Lists("ofac/cons-csv")));
    private static readonly Lazy<LoadResult> LazyConsXml = new(() => ListReaders.Load(RepoFiles.Lists("ofac/xml/consolidated.xml")));
    private static readonly Lazy<LoadResult> LazyUn = new(() => ListReaders.Load(RepoFiles.Lists("un/UN_consolidated.xml")));

    public static LoadResult Sdn2024 => LazySdn2024.Value;

    public static LoadResult Sdn2021 => LazySdn2021.Value;

    public static LoadResult Cons => LazyCons.Value;

    public static LoadResult ConsXml => LazyConsXml.Value;

    public static LoadResult Un => LazyUn.Value;
}
