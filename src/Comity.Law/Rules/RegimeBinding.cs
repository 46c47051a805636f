using Comity.Law.Data;

namespace Comity.Law.Rules;

/// <summary>Whether a regime binds a screener on a date (LEGAL.md (e), (f) <c>binding</c>).</summary>
internal sealed record BindingResult(bool Binds, string Why, string? ViaBasis, bool Unconfirmed, string? Reason);

internal static class RegimeBinding
{
    private static readonly string[] HomeOrder = ["EU", "UK", "US-OFAC", "CA", "AU", "CH"];

    public static BindingResult Binds(LawData data, Regime regime, Screener s, bool subsidiaryReached = false, bool subsidiaryUnconfirmed = false)
    {
        var p = s.Profile;
        switch (regime.Binds)
        {
            case "eu":
                return s.EuLaw
                    ? new(true, $"Union law applies in {s.Iso2} on {Screener.Iso(s.D)} (member since {Screener.Iso(s.EuMember!.MemberFrom)})", null, false, null)
                    : new(false, $"{s.Iso2} is not an EU Member State on {Screener.Iso(s.D)}", null, false, null);
            case "uk":
                return s.Iso2 == "GB"
                    ? new(true, "UK person / conduct in the UK", null, regime.Fact.Unconfirmed, regime.Fact.UnconfirmedReason("UK scope"))
                    : new(false, $"not a UK person (jurisdiction {s.Iso2})", null, false, null);
            case "us":
                if (s.Iso2 == "US" || p.UsPerson)
                {
                    return new(true, "US person (s.8(c) definition for EO 14203)", null, false, null);
                }

                if (p.UsNexus)
                {
                    return new(true, "US-nexus transaction (e.g. USD clearing): for that business", null, false, null);
                }

                if (p.UsSubsidiary && subsidiaryReached)
                {
                    return new(true, "foreign subsidiary of a US entity, reached by this programme", null, subsidiaryUnconfirmed,
                        subsidiaryUnconfirmed ? "reach of the programme to foreign subsidiaries of US persons: to verify" : null);
                }

                return new(false, "not a US person, not in the US, no US nexus", null, false, null);
            case "un":
                foreach (var id in HomeOrder)
                {
                    var home = data.Regime(id);
                    if (id == "US-OFAC" ? s.Iso2 == "US" : Binds(data, home, s).Binds)
                    {
                        return new(true, $"UN measures implemented by {home.Name}", home.Basis, true, regime.Fact.UnconfirmedReason("UN implementation"));
                    }
                }

                return new(true, $"UN Charter Art 25 binds {s.Iso2}; its implementing law is not in the data", null, true,
                    $"implementing law of {s.Iso2} not in data/law; private parties are bound only through it");
            case var c when c.StartsWith("country:", StringComparison.Ordinal):
                var country = c["country:".Length..];
                return s.Iso2 == country
                    ? new(true, $"established in {country}", null, regime.Fact.Unconfirmed, regime.Fact.UnconfirmedReason($"{regime.Id} scope"))
                    : new(false, $"not established in {country}", null, false, null);
            default:
                return new(false, $"regime {regime.Id} binds states (see ICC rules)", null, false, null);
        }
    }

    public static string WhatWouldChange(Regime regime) => regime.Binds switch
    {
        "eu" => "establishment in an EU Member State, EU nationality, or business done in the EU would make it binding (freeze)",
        "uk" => "being a UK person or acting in the UK would make it binding (freeze)",
        "us" => "US-person status (for EO 14203 also a foreign branch or subsidiary of a US entity, s.8(c)), presence in the US, or a US-nexus transaction such as USD clearing would make it binding (freeze)",
        var c when c.StartsWith("country:", StringComparison.Ordinal) => $"establishment in {c["country:".Length..]} would make it binding",
        _ => "a binding implementing law",
    };
}
