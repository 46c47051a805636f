namespace Comity.Law;

/// <summary>Who screens, where, and on which date.</summary>
/// <param name="Jurisdiction">Country of establishment: ISO alpha-2 (any case) or a country name.</param>
/// <param name="UsPerson">A US person (citizen, resident, US-organised entity or its foreign branch, anyone in the US).</param>
/// <param name="UsNexus">The transaction has a US nexus (e.g. USD clearing).</param>
/// <param name="Assumptions">Named hypotheses (overlays) switched on, e.g. <c>eu-blocking:ICC-EO14203</c>.</param>
/// <param name="UsSubsidiary">A foreign subsidiary of a US entity: a US person under EO 14203 s.8(c) (and, to verify,
/// under the Cuba and Iran programmes), not for other programmes.</param>
public sealed record ScreenerProfile(
    string Jurisdiction, Role Role, DateOnly AsOf, bool UsPerson = false, bool UsNexus = false,
    IReadOnlySet<string>? Assumptions = null, bool UsSubsidiary = false)
{
    /// <summary>Today (UTC) from the given clock: the default as-of date.</summary>
    public static DateOnly Today(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
    }

    /// <summary>True when the named overlay is switched on.</summary>
    public bool Assumes(string name) => Assumptions is not null && Assumptions.Contains(name);
}
