using System.Globalization;
using Comity.Core.Text;
using Comity.Law.Data;

namespace Comity.Law.Rules;

/// <summary>A profile resolved against the law data: upper-case ISO code, EU law applicability on the date.</summary>
internal sealed class Screener
{
    public Screener(LawData data, ScreenerProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Profile = profile;
        Iso2 = Countries.TryResolve(profile.Jurisdiction, out var iso)
            ? iso.ToUpperInvariant()
            : throw new ArgumentException($"unknown jurisdiction '{profile.Jurisdiction}'", nameof(profile));
        EuMember = data.EuMembers.GetValueOrDefault(Iso2);
        EuLaw = EuMember?.EuLawApplies(profile.AsOf) == true;
        foreach (var a in profile.Assumptions ?? new HashSet<string>())
        {
            if (!data.Overlays.Any(o => string.Equals(o.Name, a, StringComparison.Ordinal)))
            {
                throw new ArgumentException(
                    $"unknown assumption '{a}'; known: {string.Join(", ", data.Overlays.Select(o => o.Name))}", nameof(profile));
            }
        }
    }

    public ScreenerProfile Profile { get; }

    public string Iso2 { get; }

    public DateOnly D => Profile.AsOf;

    public EuMember? EuMember { get; }

    /// <summary>Union law applies in the screener's country on the date (member, or UK during the transition).</summary>
    public bool EuLaw { get; }

    public string Describe() =>
        $"{Profile.Role.ToString().ToLowerInvariant()} screener in {Iso2} on {Iso(D)}"
        + (Profile.UsPerson ? ", US person" : string.Empty)
        + (Profile.UsSubsidiary ? ", foreign subsidiary of a US entity" : string.Empty)
        + (Profile.UsNexus ? ", US nexus" : string.Empty);

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
