using Comity.Core.Model;

namespace Comity.Core.Matching;

/// <summary>Format checks for the globally unique identifier types whose exact agreement is a match on its own: IMO
/// ship numbers (seven digits, weighted check digit), LEI (ISO 17442: 20 characters, ISO 7064 mod 97-10), SWIFT/BIC
/// (ISO 9362: 8 or 11 characters, bank code and country letters) and crypto addresses (25 characters or more). A value
/// that fails its check is still compared as an ordinary strong identifier, never as a decisive one.</summary>
internal static class IdentifierFormats
{
    /// <summary>True when <paramref name="type"/> names one thing world-wide and <paramref name="normalized"/>
    /// (<see cref="Identifier.Normalized"/>) passes its format check.</summary>
    public static bool IsDecisive(IdentifierType type, string normalized) => type switch
    {
        IdentifierType.Imo => IsImo(normalized),
        IdentifierType.Lei => IsLei(normalized),
        IdentifierType.SwiftBic => IsBic(normalized),
        IdentifierType.CryptoAddress => normalized.Length >= 25,
        _ => false,
    };

    /// <summary>Seven digits; the last equals Σ digit × (7 … 2) mod 10 over the first six.</summary>
    public static bool IsImo(ReadOnlySpan<char> s)
    {
        if (s.Length != 7)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 7; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                return false;
            }

            sum += i < 6 ? (s[i] - '0') * (7 - i) : 0;
        }

        return sum % 10 == s[6] - '0';
    }

    /// <summary>Twenty upper-case letters or digits, the last two digits, the whole (letters as 10–35) ≡ 1 mod 97.</summary>
    public static bool IsLei(ReadOnlySpan<char> s)
    {
        if (s.Length != 20 || !char.IsAsciiDigit(s[18]) || !char.IsAsciiDigit(s[19]))
        {
            return false;
        }

        var rem = 0;
        foreach (var c in s)
        {
            if (char.IsAsciiDigit(c))
            {
                rem = ((rem * 10) + (c - '0')) % 97;
            }
            else if (c is >= 'A' and <= 'Z')
            {
                rem = ((rem * 100) + (c - 'A' + 10)) % 97;
            }
            else
            {
                return false;
            }
        }

        return rem == 1;
    }

    /// <summary>Eight or eleven characters: four bank letters, two country letters, then letters or digits.</summary>
    public static bool IsBic(ReadOnlySpan<char> s)
    {
        if (s.Length is not (8 or 11))
        {
            return false;
        }

        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            var ok = i < 6 ? c is >= 'A' and <= 'Z' : c is >= 'A' and <= 'Z' or >= '0' and <= '9';
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
