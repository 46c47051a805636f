using Comity.Core.Text;
using Comity.Law.Data;
using Comity.Law.Icc;

namespace Comity.Law.Rules;

/// <summary>What an active ICC warrant requires of the authorities of a state on a date (LEGAL.md (f) <c>arrest_obligation</c>).</summary>
internal sealed record ArrestResult(
    LawAction Action, string Basis, string Explanation, bool Unconfirmed, string? Reason, IReadOnlyList<string> Flags,
    string? WhatWouldChange, PartyStatus Party);

internal static class ArrestRule
{
    public const string PartyBasis = "Rome Statute Arts 86, 89(1) (arrest and surrender), 59 (arrest at once, competent judicial authority; text to verify), 92 (provisional arrest if urgent), 97 (consult the Court without delay); Arts 27, 98(1): official capacity is no bar";

    public static ArrestResult Decide(LawData data, string iso2, Warrant w, DateOnly d, bool acceptUnconfirmedRescissions = true)
    {
        var party = data.Parties.Status(iso2, d, acceptUnconfirmedRescissions);
        var reasons = new List<string>();
        var flags = new List<string>();
        if (party.Unconfirmed && party.Reason is not null)
        {
            reasons.Add(party.Reason);
        }

        if (party.IsParty)
        {
            var explanation = $"{party.Name}: {party.Summary}. Arrest under national law, bring the person promptly before the competent judicial authority (Art 59), surrender to the Court (Art 89(1)); provisional arrest if urgent (Art 92); consult the Court at once on any obstacle (Art 97); head-of-state status is no bar (Arts 27, 98(1)). Failure risks an Art 87(7) non-compliance finding";
            if (party.WithdrawalRescinded is not null && party.WithdrawalEffective is { } eff)
            {
                var alt = data.Parties.Status(iso2, d, acceptUnconfirmedRescissions: false);
                if (!alt.IsParty)
                {
                    explanation += $". Without the reported rescission it would be a former party from {Screener.Iso(eff)}: Art 127(2) duty may survive";
                }
            }

            AddArt98(data, iso2, w, flags, reasons);
            return new ArrestResult(LawAction.Arrest, PartyBasis, explanation, reasons.Count > 0, Join(reasons), flags, null, party);
        }

        if (party.FormerParty && party.WithdrawalEffective is { } effective
            && (w.Issued.Earliest < effective || SituationIs(w, iso2)))
        {
            flags.Add("Art 127(2)");
            reasons.Add("Art 127(2): the duty may survive withdrawal; confirm with the Court");
            var why = w.Issued.Earliest < effective
                ? $"the warrant ({w.Issued}) predates the withdrawal ({Screener.Iso(effective)})"
                : $"the situation ({w.Situation}) concerns {party.Name}";
            return new ArrestResult(
                LawAction.Arrest, "Rome Statute Art 127(2) (obligations arising while a party survive withdrawal); Arts 86, 89(1), 59, 97",
                $"{party.Name}: {party.Summary}; {why}: arrest and surrender, and consult the Court (Art 97)", true, Join(reasons), flags, null, party);
        }

        foreach (var basis in data.Cooperation.Where(c => c.Covers(iso2, w.Situation, d)))
        {
            reasons.Add(basis.Fact.UnconfirmedReason(basis.Instrument));
            var article = basis.Kind == "art12_3" ? "Rome Statute Art 12(3) and Part 9 (Arts 86, 89(1))" : "Rome Statute Art 13(b); Charter Art 25";
            return new ArrestResult(
                LawAction.Arrest, $"{article}; {basis.Instrument}", $"{party.Name}: not a party, but bound for this situation: {basis.Instrument}",
                true, Join(reasons), flags, null, party);
        }

        // A state with a party row whose status is not in force on the date (instrument deposited but not yet in
        // force, or withdrawal effective and Art 127(2) not engaged): the duty exists in time but not on this date.
        var action = party.EntryIntoForce is null ? LawAction.NotBinding : LawAction.Inactive;
        return new ArrestResult(
            action, "Rome Statute Art 87(5) (ad hoc cooperation by non-parties); Arts 86, 89 bind parties only",
            $"{party.Name}: {party.Summary}: no Rome Statute arrest duty; ad hoc cooperation possible (Art 87(5))"
            + (w.Situation is "Darfur, Sudan" or "Libya" ? "; Security Council referral: check whether the resolution obliges this state" : string.Empty),
            party.Unconfirmed, party.Reason, flags,
            party.FormerParty
                ? "a warrant issued before the withdrawal took effect, or a situation concerning this state, would engage Art 127(2)"
                : party.EntryIntoForce is { } eif && eif > d
                    ? $"the Statute enters into force for this state on {Screener.Iso(eif)} (Art 126): arrest duty from that day"
                    : "becoming a party (Art 126), an Art 12(3) declaration, or a Security Council resolution obliging this state would create a duty to arrest",
            party);
    }

    private static void AddArt98(LawData data, string iso2, Warrant w, List<string> flags, List<string> reasons)
    {
        foreach (var a in data.Art98.Where(a => a.Iso2 == iso2))
        {
            flags.Add($"Art 98(2): {a.Instrument}; consult the Court (Art 97)"
                + (w.Nationalities.Contains(a.Partner, StringComparer.OrdinalIgnoreCase) ? " (the person is a national of the partner state)" : string.Empty));
            if (a.Fact.Unconfirmed && w.Nationalities.Contains(a.Partner, StringComparer.OrdinalIgnoreCase))
            {
                reasons.Add(a.Fact.UnconfirmedReason("Art 98(2) agreement"));
            }
        }
    }

    private static bool SituationIs(Warrant w, string iso2)
    {
        var name = w.Situation;
        var comma = name.LastIndexOf(',');
        return Countries.TryResolve(name, out var c) && c.Equals(iso2, StringComparison.OrdinalIgnoreCase)
            || (comma >= 0 && Countries.TryResolve(name.AsSpan(comma + 1), out var c2) && c2.Equals(iso2, StringComparison.OrdinalIgnoreCase));
    }

    private static string? Join(List<string> reasons) => reasons.Count > 0 ? string.Join("; ", reasons) : null;
}
