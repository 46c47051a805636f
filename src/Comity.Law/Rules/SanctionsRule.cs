using Comity.Law.Data;

namespace Comity.Law.Rules;

/// <summary>A listing under a sanctions or screening regime other than US-OFAC (UN, EU, UK, CA, AU, CH, US-EXPORT).</summary>
internal static class SanctionsRule
{
    public static DecisionEntry Decide(LawData data, Screener s, Listing listing, DatasetInfo dataset)
    {
        var regime = data.Regime(dataset.Regime);
        var programme = listing.Programs.Count > 0 ? string.Join(", ", listing.Programs) : null;
        if (ListingInForce.WhyNot(listing, s.D) is { } why)
        {
            return new DecisionEntry
            {
                ListingId = listing.Id,
                Regime = regime.Id,
                Programme = programme,
                Action = LawAction.Inactive,
                Basis = regime.Basis,
                Explanation = $"{regime.Name}: {why}",
            };
        }

        var binding = RegimeBinding.Binds(data, regime, s);
        if (!binding.Binds)
        {
            return new DecisionEntry
            {
                ListingId = listing.Id,
                Regime = regime.Id,
                Programme = programme,
                Action = LawAction.NotBinding,
                Basis = regime.Basis,
                Explanation = $"{regime.Name} does not bind this {s.Describe()}: {binding.Why}",
                WhatWouldChange = RegimeBinding.WhatWouldChange(regime),
            };
        }

        var action = dataset.BindingAction ?? regime.BindingAction;
        var basis = binding.ViaBasis is { } via ? $"{regime.Basis}; via {via}" : regime.Basis;
        var report = regime.Report;
        if (regime.Id == "UN" && binding.ViaBasis is not null)
        {
            report = data.Regimes.FirstOrDefault(r => binding.Why.Contains(r.Name, StringComparison.Ordinal))?.Report ?? report;
        }

        if (report is not null && report.To.Contains("Member State", StringComparison.Ordinal))
        {
            report = report with { To = $"{report.To} ({s.Iso2})" };
        }

        var unconfirmed = binding.Unconfirmed || (dataset.BindingAction is not null && dataset.Fact.Unconfirmed);
        var reason = binding.Unconfirmed ? binding.Reason : dataset.Fact.Unconfirmed ? dataset.Fact.UnconfirmedReason(dataset.Source) : null;
        var what = action == LawAction.Freeze
            ? "freeze funds and economic resources, make none available, report to the competent authority"
            : dataset.Note;
        return new DecisionEntry
        {
            ListingId = listing.Id,
            Regime = regime.Id,
            Programme = programme,
            Action = action,
            Basis = basis,
            Report = action == LawAction.Freeze ? report : null,
            Unconfirmed = unconfirmed,
            Reason = unconfirmed ? reason : null,
            Explanation = $"{regime.Name} binds this {s.Describe()} ({binding.Why}): {what}",
        };
    }
}
