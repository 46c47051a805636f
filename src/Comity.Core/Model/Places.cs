namespace Comity.Core.Model;

/// <summary>Gender as given by a list.</summary>
public enum Gender
{
    Unknown,
    Male,
    Female,
    Other,
}

/// <summary>An address; <see cref="Country"/> is ISO 3166 alpha-2 in lowercase where it could be resolved.</summary>
public sealed record Address(
    string Full,
    string? Street = null,
    string? City = null,
    string? Region = null,
    string? PostalCode = null,
    string? Country = null);

/// <summary>A place of birth as free text, with its country (ISO alpha-2, lowercase) when known.</summary>
public sealed record Place(string Text, string? Country = null);

/// <summary>A property that is kept for display and law but not used to match (vessel type, warrant status,
/// verification flags...). Names follow FtM where one exists (<c>flag</c>, <c>buildDate</c>, <c>status</c>).</summary>
public sealed record EntityProperty(string Name, string Value);
