using System.Globalization;

namespace Comity.Law.Rules;

/// <summary>Whether a sanctions listing is in force on the date: listed on or before it and not delisted.</summary>
internal static class ListingInForce
{
    public static string? WhyNot(Listing listing, DateOnly d)
    {
        if (listing.ListedOn is { } listed && listed > d)
        {
            return $"listing not yet in force on {Screener.Iso(d)} (listed on {Screener.Iso(listed)})";
        }

        if (listing.Properties.TryGetValue("delisted_on", out var text)
            && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var delisted)
            && delisted <= d)
        {
            return $"delisted on {Screener.Iso(delisted)}";
        }

        return null;
    }
}
