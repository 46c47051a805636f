namespace Comity.Sources.Custom;

/// <summary>How a user's watchlist CSV names its columns, and the dataset name to load it under.</summary>
/// <param name="FieldToColumn">Comity field → the file's column header (compared case-insensitively). Fields:
/// <c>id</c>, <c>name</c>, <c>aliases</c>, <c>schema</c>, <c>dob</c>, <c>nationality</c>, <c>country</c>, <c>passport</c>,
/// <c>imo</c>, <c>program</c>, <c>listed_on</c>. Fields not mapped use their default column names (<c>type</c> is also
/// accepted for <c>schema</c>).</param>
/// <param name="SourceName">The dataset name (<c>source</c>) of the loaded entities; empty for
/// <c>custom-&lt;file stem&gt;</c>.</param>
public sealed record CustomColumnMapping(IReadOnlyDictionary<string, string> FieldToColumn, string SourceName)
{
    /// <summary>Default column names, source <c>custom-&lt;file stem&gt;</c>.</summary>
    public static CustomColumnMapping Default { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal), string.Empty);

    /// <summary>The recognised field names.</summary>
    public static IReadOnlyList<string> Fields { get; } =
        ["id", "name", "aliases", "schema", "dob", "nationality", "country", "passport", "imo", "program", "listed_on"];
}
