using Comity.Core.Text;
using Comity.Law.Data;
using Comity.Law.Icc;
using Comity.Law.Rules;

namespace Comity.Law.Reports;

/// <summary>Builds <see cref="ObligationsReport"/>: one row per state that is, was, or is otherwise bound to cooperate.</summary>
internal static class ObligationsBuilder
{
    public static ObligationsReport Build(LawData data, string query, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(query);
        var found = WarrantLookup.Find(data.Warrants, query);
        if (found.Count == 0)
        {
            return new ObligationsReport
            {
                Query = query,
                AsOf = asOf,
                Resolution = WarrantResolution.NotFound,
                Notes = [$"no ICC warrant or summons with id, name or alias '{query}' (exact match, ignoring case and diacritics)", SealedNote],
            };
        }

        if (found.Count > 1)
        {
            return new ObligationsReport
            {
                Query = query,
                AsOf = asOf,
                Resolution = WarrantResolution.Ambiguous,
                Candidates = [.. found.Select(Summary)],
                Notes = [$"'{query}' matches {found.Count} warrants: {string.Join(", ", found.Select(w => $"{w.Id} ({w.Name})"))}; ask again with an id"],
            };
        }

        var w = found[0];
        var isos = data.Parties.Rows.Select(r => r.Iso2).Concat(data.Cooperation.Select(c => c.Iso2)).Distinct(StringComparer.Ordinal);
        var states = new List<StateObligation>();
        foreach (var iso in isos)
        {
            states.Add(State(data, w, iso, asOf) with { NonCompliance = Findings(data, iso, asOf) });
        }

        states.Sort((a, b) => string.CompareOrdinal(a.Iso2, b.Iso2));
        var counts = new ObligationCounts(
            states.Count(x => x.Party.IsParty),
            states.Count(x => x.Action == LawAction.Arrest),
            states.Count(x => x.Action == LawAction.Arrest && x.Flags.Contains("Art 127(2)")),
            states.Count(x => x.Unconfirmed),
            states.Count(x => x.Action != LawAction.Arrest))
        {
            NonCompliance = states.Count(x => x.NonCompliance.Count > 0),
        };
        return new ObligationsReport
        {
            Query = query,
            AsOf = asOf,
            Resolution = WarrantResolution.Found,
            Warrant = Summary(w),
            States = states,
            Counts = counts,
            Notes =
            [
                "States not listed have never been parties and have no Rome Statute duty to arrest (ad hoc cooperation only, Art 87(5)).",
                "The duty is triggered by the person's presence on the territory and the Court's request (Art 87(1)).",
                SealedNote,
                .. states.Any(x => x.NonCompliance.Count > 0)
                    ? new[] { "An Art 87(7) non-compliance finding records that the Court found a state failed to arrest or surrender on an earlier request; it does not change the state's duty." }
                    : [],
            ],
        };
    }

    /// <summary>The state's Art 87(7) findings shown on <paramref name="asOf"/> (see <see cref="NonComplianceFinding.CountsFrom"/>).</summary>
    private static List<NonComplianceFinding> Findings(LawData data, string iso, DateOnly asOf) =>
        [.. data.NonCompliance.Select(n => n.Finding)
            .Where(f => string.Equals(f.Iso2, iso, StringComparison.Ordinal) && f.CountsFrom <= asOf)
            .OrderBy(f => f.CountsFrom)];

    private const string SealedNote = "A negative screening result never proves that no ICC warrant exists: the Court issues warrants under seal.";

    private static StateObligation State(LawData data, Warrant w, string iso, DateOnly asOf)
    {
        var party = data.Parties.Status(iso, asOf);
        var name = data.Parties.Find(iso)?.Name ?? Countries.NameOf(iso);
        if (w.IsSummons || !w.AtLarge || w.Issued.Earliest > asOf)
        {
            var why = w.Issued.Earliest > asOf
                ? $"warrant not issued on {Screener.Iso(asOf)} (issued {w.Issued})"
                : w.IsSummons ? "summons to appear: never an arrest duty (Art 58(7))" : $"status {w.Status}: no active arrest warrant";
            return new StateObligation(iso, name, party, w.IsSummons && w.AtLarge ? LawAction.NotBinding : LawAction.Inactive,
                "Rome Statute Art 58", why, w.Unconfirmed, w.Unconfirmed ? w.UnconfirmedReason : null, []);
        }

        var arrest = ArrestRule.Decide(data, iso, w, asOf);
        var reasons = new List<string>();
        if (w.Unconfirmed && arrest.Action == LawAction.Arrest)
        {
            reasons.Add(w.UnconfirmedReason);
        }

        if (arrest.Reason is not null)
        {
            reasons.Add(arrest.Reason);
        }

        return new StateObligation(iso, name, party, arrest.Action, arrest.Basis, arrest.Explanation, reasons.Count > 0,
            reasons.Count > 0 ? string.Join("; ", reasons) : null, arrest.Flags);
    }

    private static WarrantSummary Summary(Warrant w) => new(
        w.Id, w.Name, w.Aliases, w.Situation, w.CaseName, w.IsSummons ? "summons" : "warrant", w.Issued.ToString(), w.Status,
        w.StatusDate, w.StatusNote, w.Unconfirmed, w.Unconfirmed ? w.UnconfirmedReason : null);
}
