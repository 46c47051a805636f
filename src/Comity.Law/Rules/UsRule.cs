using Comity.Law.Data;
using Comity.Law.Icc;

namespace Comity.Law.Rules;

/// <summary>A listing under a US-OFAC programme (SDN, non-SDN, curated EO 14203 designations), plus blocking statutes.</summary>
internal static class UsRule
{
    public static List<DecisionEntry> Decide(LawData data, Screener s, Listing listing, DatasetInfo dataset)
    {
        var regime = data.Regime("US-OFAC");
        var designation = string.Equals(dataset.Source, "us-ofac-icc", StringComparison.Ordinal)
            ? data.Designations.GetValueOrDefault(listing.SourceId)
            : null;
        IReadOnlyList<string> tags = designation is not null ? [designation.Program] : listing.Programs;
        var programmes = tags.Select(t => data.UsProgrammes.GetValueOrDefault(t) ?? UsProgramme.Unknown(t)).ToList();
        var reasons = new List<string>();
        if (designation is not null && designation.Unconfirmed)
        {
            reasons.Add(designation.UnconfirmedReason);
        }
        else if (designation is null && string.Equals(dataset.Source, "us-ofac-icc", StringComparison.Ordinal))
        {
            reasons.Add($"designation '{listing.SourceId}' is not in data/icc/us-eo14203-designations.csv");
        }

        var why = ListingInForce.WhyNot(listing, s.D);
        if (designation is not null)
        {
            why ??= DesignationStatus(data, designation, s.D, reasons);
        }

        var ended = programmes.Where(p => p.Until is { } u && s.D >= u).ToList();
        var active = programmes.Except(ended).ToList();
        if (why is null && programmes.Count > 0 && active.Count == 0)
        {
            why = string.Join("; ", ended.Select(p => $"programme {p.Tag} ended on {Screener.Iso(p.Until!.Value)} ({p.Instrument})"));
        }

        var programmeText = programmes.Count > 0 ? string.Join(", ", programmes.Select(p => p.Tag)) : null;
        if (programmes.Any(p => p.Fact.Line == 0))
        {
            reasons.Add($"programme tag(s) {string.Join(", ", programmes.Where(p => p.Fact.Line == 0).Select(p => p.Tag))} not in data/law/us-programmes.csv: mapped to US-OFAC with the tag as basis");
        }

        if (why is not null)
        {
            return
            [
                new DecisionEntry
                {
                    ListingId = listing.Id, Regime = regime.Id, Programme = programmeText, Action = LawAction.Inactive,
                    Basis = Basis(regime, programmes), Unconfirmed = reasons.Count > 0,
                    Reason = reasons.Count > 0 ? string.Join("; ", reasons) : null,
                    Explanation = $"US-OFAC listing not in force on {Screener.Iso(s.D)}: {why}",
                    Flags = reasons.Count > 0 ? ["review"] : [],
                },
            ];
        }

        var reach = active.Any(p => p.Subsidiaries != SubsidiaryReach.No);
        var reachUnconfirmed = !active.Any(p => p.Subsidiaries == SubsidiaryReach.Yes);
        var binding = RegimeBinding.Binds(data, regime, s, reach, reachUnconfirmed);
        var (blocking, uncovered) = BlockingRule.Decide(data, s, listing, active, binding.Binds);
        var entries = new List<DecisionEntry>();
        if (binding.Binds)
        {
            if (binding.Unconfirmed && binding.Reason is not null)
            {
                reasons.Add(binding.Reason);
            }

            var action = dataset.BindingAction ?? regime.BindingAction;
            var icc = active.Any(p => p.Tag == "ICC-EO14203");
            var text = action == LawAction.Freeze
                ? "block property and interests in property; no funds, goods or services to, for or from the person; reject transfers; entities owned 50% or more by blocked persons are blocked too (OFAC 50 Percent Rule)"
                  + (icc ? "; check general licences GL 2-7 (31 CFR Part 528) for licensed flows (legal services, emergency medical services, service charges, agricultural commodities and medicine, official US business)" : string.Empty)
                : dataset.Note;
            entries.Add(new DecisionEntry
            {
                ListingId = listing.Id,
                Regime = regime.Id,
                Programme = programmeText,
                Action = action,
                Basis = Basis(regime, active),
                Report = action == LawAction.Freeze ? regime.Report : null,
                Unconfirmed = reasons.Count > 0,
                Reason = reasons.Count > 0 ? string.Join("; ", reasons) : null,
                Explanation = $"US law binds this {s.Describe()} ({binding.Why}): {text}",
            });
        }
        else
        {
            var explanation = $"US-OFAC ({programmeText}) does not bind this {s.Describe()}: {binding.Why}";
            if (blocking.Count == 0 && uncovered.Count > 0)
            {
                explanation += ". " + string.Join(". ", uncovered) + ". Refusing service over the US listing is a commercial choice that this law does not require";
            }

            entries.Add(new DecisionEntry
            {
                ListingId = listing.Id,
                Regime = regime.Id,
                Programme = programmeText,
                Action = LawAction.NotBinding,
                Basis = Basis(regime, active),
                Unconfirmed = reasons.Count > 0,
                Reason = reasons.Count > 0 ? string.Join("; ", reasons) : null,
                Explanation = explanation,
                WhatWouldChange = RegimeBinding.WhatWouldChange(regime),
            });
        }

        entries.AddRange(blocking);
        return entries;
    }

    private static string Basis(Regime regime, List<UsProgramme> programmes) =>
        programmes.Count == 0 ? regime.Basis : $"{string.Join("; ", programmes.Select(p => p.Basis))}; reporting: 31 CFR Part 501";

    /// <summary>Why a curated designation is not in force on the date, or null; adds flags to <paramref name="reasons"/>.</summary>
    private static string? DesignationStatus(LawData data, Designation d, DateOnly date, List<string> reasons)
    {
        if (date < d.Designated)
        {
            return $"not yet designated on {Screener.Iso(date)} (designated {Screener.Iso(d.Designated)})";
        }

        if (d.Delisted is { } delisted)
        {
            if (delisted.HasDay && date >= delisted.Earliest)
            {
                return $"delisted on {delisted}";
            }

            if (!delisted.HasDay && date > delisted.Latest)
            {
                return $"delisted in {delisted} (month only)";
            }

            if (!delisted.HasDay && date >= delisted.Earliest)
            {
                reasons.Add($"delisted in {delisted} (exact day unknown): treated as still listed within that month");
            }
        }

        foreach (var interval in data.Enforcement.Where(e => string.Equals(e.DesignationId, d.Id, StringComparison.Ordinal) && e.Covers(date)))
        {
            if (interval.Fact.Unconfirmed)
            {
                reasons.Add(interval.Fact.UnconfirmedReason($"enforcement of {d.Id}"));
            }

            return $"enforcement {interval.Status} from {Screener.Iso(interval.From)}"
                + (interval.Until is { } u ? $" until {Screener.Iso(u)}" : " (restoration date not confirmed)");
        }

        if (d.EnforcementStatus == "enjoined")
        {
            return "enforcement enjoined";
        }

        if (d.EnforcementStatus == "unknown" && !d.Unconfirmed)
        {
            reasons.Add($"enforcement status of {d.Id} unknown");
        }

        return null;
    }
}
