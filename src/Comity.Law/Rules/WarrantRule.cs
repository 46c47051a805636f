using Comity.Law.Data;

namespace Comity.Law.Rules;

/// <summary>A hit on an ICC warrant or summons (LEGAL.md (a.2), (f); data/icc/README.md status table).</summary>
internal static class WarrantRule
{
    public const string PrivateBasis = "Rome Statute Arts 86, 89 bind states, not private parties; assets only through an Art 93(1)(k) request executed by national authorities";

    public static DecisionEntry Decide(LawData data, Screener s, Listing listing)
    {
        var w = data.Warrants.FirstOrDefault(x => string.Equals(x.Id, listing.SourceId, StringComparison.Ordinal));
        if (w is null)
        {
            return new DecisionEntry
            {
                ListingId = listing.Id,
                Regime = "ICC",
                Programme = listing.SourceId,
                Action = LawAction.EnhancedDueDiligence,
                Basis = PrivateBasis,
                Unconfirmed = true,
                Reason = $"warrant '{listing.SourceId}' is not in data/icc/warrants.csv",
                Explanation = "unknown ICC warrant id: review manually",
                Flags = ["review"],
            };
        }

        var reasons = new List<string>();
        var flags = new List<string>();
        var review = data.Reviews.GetValueOrDefault(w.Id);
        if (review is not null)
        {
            flags.Add("review");
            reasons.Add(review.Reason);
        }

        if (w.Unconfirmed)
        {
            reasons.Add(w.UnconfirmedReason);
        }

        string? inactive = null;
        if (w.Issued.Earliest > s.D)
        {
            inactive = $"warrant issued {w.Issued}, after {Screener.Iso(s.D)} (a sealed warrant may have existed earlier)";
        }
        else if (!w.AtLarge)
        {
            inactive = $"status {w.Status}" + (w.StatusDate is { } sd ? $" ({Screener.Iso(sd)})" : string.Empty) + $": {w.StatusNote}";
            if (w.StatusDate is { } date && date > s.D)
            {
                reasons.Add($"the recorded status dates from {Screener.Iso(date)}; the status on {Screener.Iso(s.D)} is not recorded");
            }
        }

        if (inactive is not null)
        {
            return new DecisionEntry
            {
                ListingId = listing.Id,
                Regime = "ICC",
                Programme = w.Id,
                Action = LawAction.Inactive,
                Basis = w.IsSummons ? "Rome Statute Art 58(7) (summons to appear)" : "Rome Statute Art 58 (warrant of arrest)",
                Unconfirmed = reasons.Count > 0,
                Reason = Join(reasons),
                Flags = flags,
                Explanation = $"{w.Name} ({w.CaseName}): no active arrest warrant: {inactive}. Still a known ICC suspect or defendant (PEP-type and adverse-media risk)"
                    + (review is not null ? $". Review any match: {review.Reason}" : string.Empty),
            };
        }

        if (w.IsSummons)
        {
            return new DecisionEntry
            {
                ListingId = listing.Id,
                Regime = "ICC",
                Programme = w.Id,
                Action = s.Profile.Role == Role.Authority ? LawAction.NotBinding : LawAction.EnhancedDueDiligence,
                Basis = "Rome Statute Art 58(7) (summons to appear): never an arrest duty",
                Unconfirmed = reasons.Count > 0,
                Reason = Join(reasons),
                Flags = flags,
                Explanation = $"{w.Name}: summons to appear, not a warrant of arrest",
            };
        }

        if (s.Profile.Role != Role.Authority)
        {
            return new DecisionEntry
            {
                ListingId = listing.Id,
                Regime = "ICC",
                Programme = w.Id,
                Action = LawAction.EnhancedDueDiligence,
                Basis = PrivateBasis,
                Unconfirmed = reasons.Count > 0,
                Reason = Join(reasons),
                Flags = flags,
                Explanation = $"{w.Name}: active ICC warrant ({w.Issued}, {w.Situation}). An ICC warrant is not an asset-freeze obligation for a private screener: enhanced due diligence (PEP-type risk, possible law-enforcement interest). A freeze arises only if a national authority orders one (e.g. on an Art 93(1)(k) request) or a binding sanctions regime lists the person",
                WhatWouldChange = "a national freeze order (Art 93(1)(k) request) or a listing under a sanctions regime that binds this screener",
            };
        }

        var arrest = ArrestRule.Decide(data, s.Iso2, w, s.D);
        reasons.AddRange(arrest.Reason is null ? [] : [arrest.Reason]);
        flags.AddRange(arrest.Flags);
        return new DecisionEntry
        {
            ListingId = listing.Id,
            Regime = "ICC",
            Programme = w.Id,
            Action = arrest.Action,
            Basis = arrest.Basis,
            Unconfirmed = reasons.Count > 0,
            Reason = Join(reasons),
            Flags = flags,
            Explanation = $"{w.Name} (warrant of {w.Issued}, {w.Situation}, at large). {arrest.Explanation}",
            WhatWouldChange = arrest.WhatWouldChange,
        };
    }

    private static string? Join(List<string> reasons) => reasons.Count > 0 ? string.Join("; ", reasons) : null;
}
