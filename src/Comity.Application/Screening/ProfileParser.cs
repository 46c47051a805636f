using System.Globalization;
using Comity.Core.Text;
using Comity.Law;

namespace Comity.Application.Screening;

/// <summary>A screener profile as a front end received it (command-line options, API properties): text, unchecked.</summary>
/// <param name="Role">financial (or bank), business or authority; null: financial.</param>
/// <param name="AsOf">yyyy-MM-dd; null: today from the clock.</param>
internal sealed record ProfileInput(
    string? Jurisdiction, string? Role = null, string? AsOf = null, bool UsPerson = false, bool UsNexus = false,
    bool UsSubsidiary = false, IReadOnlyList<string>? Assumptions = null)
{
    /// <summary>True when any option other than the jurisdiction was given (they mean nothing without one).</summary>
    public bool HasProfileOptions => Role is not null || AsOf is not null || UsPerson || UsNexus || UsSubsidiary || Assumptions is { Count: > 0 };
}

/// <summary>One problem with a profile field; <see cref="Field"/> is the wire name (<c>jurisdiction</c>, <c>role</c>,
/// <c>as_of</c>, <c>assume</c>, ...), which the CLI shows as its option (<c>--as-of</c>).</summary>
internal sealed record ProfileError(string Field, string? Value, string Message)
{
    public override string ToString() => Value is null ? $"{Field}: {Message}" : $"{Field} {Value}: {Message}";
}

/// <summary>The parsed profile (null when no jurisdiction was given, or on errors) and every error found.</summary>
internal sealed record ProfileParseResult(ScreenerProfile? Profile, IReadOnlyList<ProfileError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>Parses a screener profile for every front end the same way: role names (<c>bank</c> is
/// <c>financial</c>), the jurisdiction through <see cref="Countries"/> (ISO code or a country name in English,
/// German, French, Spanish, Italian or Dutch), dates <c>yyyy-MM-dd</c>, assumptions against the law engine's overlays.
/// Errors are values naming the field, never exceptions; nothing here loads data.</summary>
internal static class ProfileParser
{
    /// <summary>The role names accepted, as documented.</summary>
    public static IReadOnlyList<string> RoleNames { get; } = ["financial", "bank", "business", "authority"];

    /// <summary>Parses <paramref name="input"/>. <paramref name="knownAssumptions"/> are the law engine's overlay names
    /// (<see cref="LawEngine.KnownAssumptions"/>); <paramref name="time"/> gives today when no date is given.
    /// <paramref name="requireJurisdiction"/>: a missing jurisdiction is an error rather than "no profile".</summary>
    public static ProfileParseResult Parse(ProfileInput input, IReadOnlyCollection<string> knownAssumptions, TimeProvider time, bool requireJurisdiction = false)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(knownAssumptions);
        ArgumentNullException.ThrowIfNull(time);
        var errors = new List<ProfileError>();
        var role = Comity.Law.Role.Financial;
        if (input.Role is not null && !TryParseRole(input.Role, out role))
        {
            errors.Add(new ProfileError("role", input.Role, "expected financial (or bank), business or authority"));
        }

        var asOf = ScreenerProfile.Today(time);
        if (input.AsOf is not null && !TryParseDate(input.AsOf, out asOf))
        {
            errors.Add(new ProfileError("as_of", input.AsOf, "expected a date yyyy-MM-dd"));
        }

        var assumptions = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in input.Assumptions ?? [])
        {
            if (knownAssumptions.Contains(a, StringComparer.Ordinal))
            {
                assumptions.Add(a);
            }
            else
            {
                errors.Add(new ProfileError("assume", a, $"unknown assumption; known: {string.Join(", ", knownAssumptions)}"));
            }
        }

        string? jurisdiction = null;
        if (string.IsNullOrWhiteSpace(input.Jurisdiction))
        {
            if (requireJurisdiction)
            {
                errors.Insert(0, new ProfileError("jurisdiction", null, "required (ISO alpha-2 code or country name, e.g. DE)"));
            }
            else if (input.HasProfileOptions)
            {
                var (field, value) = FirstGiven(input);
                errors.Insert(0, new ProfileError(field, value, "needs a jurisdiction too (ISO code or country name, e.g. DE): without one no legal decision is made"));
            }
        }
        else if (Countries.TryResolve(input.Jurisdiction, out var iso2))
        {
            jurisdiction = iso2.ToUpperInvariant();
        }
        else
        {
            errors.Insert(0, new ProfileError("jurisdiction", input.Jurisdiction, "not a country (ISO alpha-2 or alpha-3 code, or a country name)"));
        }

        var profile = errors.Count == 0 && jurisdiction is not null
            ? new ScreenerProfile(jurisdiction, role, asOf, input.UsPerson, input.UsNexus, assumptions, input.UsSubsidiary)
            : null;
        return new ProfileParseResult(profile, errors);
    }

    /// <summary>financial or bank, business, authority (any case, surrounding spaces ignored).</summary>
    public static bool TryParseRole(string text, out Role role)
    {
        ArgumentNullException.ThrowIfNull(text);
        (var ok, role) = text.Trim().ToLowerInvariant() switch
        {
            "financial" or "bank" => (true, Comity.Law.Role.Financial),
            "business" => (true, Comity.Law.Role.Business),
            "authority" => (true, Comity.Law.Role.Authority),
            _ => (false, Comity.Law.Role.Financial),
        };
        return ok;
    }

    /// <summary>A calendar date written yyyy-MM-dd.</summary>
    public static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static (string Field, string? Value) FirstGiven(ProfileInput input) =>
        input.Role is not null ? ("role", input.Role)
        : input.AsOf is not null ? ("as_of", input.AsOf)
        : input.UsPerson ? ("us_person", null)
        : input.UsNexus ? ("us_nexus", null)
        : input.UsSubsidiary ? ("us_subsidiary", null)
        : ("assume", input.Assumptions![0]);
}
