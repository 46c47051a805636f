namespace Comity.Core.Model;

/// <summary>How a list presents a name.</summary>
public enum NameKind
{
    /// <summary>The main name of the listing.</summary>
    Primary,

    /// <summary>A strong (good-quality) alias: a.k.a., or a variation of the primary name.</summary>
    Alias,

    /// <summary>A weak (low-quality) alias: short, generic or nickname-like; lower-confidence evidence.</summary>
    WeakAlias,

    /// <summary>A former name (f.k.a.).</summary>
    Former,
}

/// <summary>Name parts where the source gives them.</summary>
public sealed record NameParts(
    string? Given = null,
    string? Middle = null,
    string? Family = null,
    string? Patronymic = null,
    string? Title = null)
{
    public bool IsEmpty => Given is null && Middle is null && Family is null && Patronymic is null;
}

/// <summary>One name of a listed entity.</summary>
/// <param name="Full">The whole name as displayed (whitespace normalised, original script kept).</param>
/// <param name="Kind">Primary, alias, weak alias or former name.</param>
/// <param name="Parts">Structured parts, if the source gives them.</param>
/// <param name="Language">ISO 639-1 language code or script label from the source, if any.</param>
public sealed record EntityName(string Full, NameKind Kind = NameKind.Primary, NameParts? Parts = null, string? Language = null)
{
    public override string ToString() => Full;
}
