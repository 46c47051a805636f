namespace Comity.Core.Model;

/// <summary>Kinds of identifiers that lists carry.</summary>
public enum IdentifierType
{
    Other,
    Passport,
    NationalId,
    TaxId,
    Registration,
    Imo,
    Mmsi,
    CallSign,
    AircraftSerial,
    SwiftBic,
    Lei,
    CryptoAddress,
    Email,
    Phone,
    Website,
    UnReference,
}

/// <summary>An identifier of a listed entity: type, number, issuing country (ISO alpha-2, lowercase).</summary>
public sealed record Identifier(IdentifierType Type, string Value, string? Country = null, string? Note = null)
{
    /// <summary>The value reduced to upper-case letters and digits, the form identifiers are compared in.</summary>
    public string Normalized { get; } = NormalizeValue(Value);

    /// <summary>Upper-case ASCII letters and digits only; a leading <c>IMO</c> on IMO numbers is removed.</summary>
    public static string NormalizeValue(ReadOnlySpan<char> value)
    {
        Span<char> buffer = value.Length <= 256 ? stackalloc char[value.Length] : new char[value.Length];
        var n = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                buffer[n++] = char.ToUpperInvariant(c);
            }
        }

        var s = buffer[..n];
        if (s.StartsWith("IMO") && s.Length > 3 && char.IsAsciiDigit(s[3]))
        {
            s = s[3..];
        }

        return new string(s);
    }

    /// <summary>True for identifier types that are strong evidence of identity (documents, vessel and aircraft
    /// numbers, registration codes, crypto addresses).</summary>
    public bool IsStrong => Type is not (IdentifierType.Other or IdentifierType.Email or IdentifierType.Phone or IdentifierType.Website)
        && Normalized.Length >= 5;
}

/// <summary>A reference to the same subject in another list or register, e.g. a UN reference number
/// (<c>UN</c>, <c>QDi.291</c>), an EU reference, an OFSI group id, an IMO number.</summary>
public sealed record CrossReference(string Scheme, string Value);
