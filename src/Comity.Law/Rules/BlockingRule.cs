using Comity.Law.Data;

namespace Comity.Law.Rules;

/// <summary>Blocking statutes (LEGAL.md (c), (d), (f) <c>blocking_conflict</c>): a foreign measure in the annex of a
/// statute that binds the screener must not be complied with.</summary>
internal static class BlockingRule
{
    public static bool StatuteBinds(BlockingStatute statute, Screener s) => s.D >= statute.InForce && statute.Binds switch
    {
        "eu" => s.EuLaw,
        "gb" => s.Iso2 == "GB",
        "ca-corp" => s.Iso2 == "CA" && s.Profile.Role != Role.Authority,
        _ => false,
    };

    /// <summary>The annex entry, or the switched-on overlay, that puts <paramref name="measure"/> under the statute on the date.</summary>
    public static (AnnexEntry? Entry, Overlay? Overlay) Covers(LawData data, BlockingStatute statute, string measure, Screener s)
    {
        var entry = data.Annex.FirstOrDefault(a =>
            string.Equals(a.Statute, statute.Id, StringComparison.Ordinal) && string.Equals(a.Measure, measure, StringComparison.Ordinal) && a.InForce(s.D));
        if (entry is not null)
        {
            return (entry, null);
        }

        var overlay = data.Overlays.FirstOrDefault(o =>
            string.Equals(o.Statute, statute.Id, StringComparison.Ordinal) && string.Equals(o.Measure, measure, StringComparison.Ordinal) && s.Profile.Assumes(o.Name));
        return (null, overlay);
    }

    public static (List<DecisionEntry> Entries, List<string> Uncovered) Decide(
        LawData data, Screener s, Listing listing, IReadOnlyList<UsProgramme> programmes, bool usBinds)
    {
        var entries = new List<DecisionEntry>();
        var uncovered = new List<string>();
        foreach (var statute in data.Statutes.Where(st => StatuteBinds(st, s)))
        {
            var covered = new List<(UsProgramme Programme, AnnexEntry? Entry, Overlay? Overlay)>();
            foreach (var p in programmes)
            {
                var (entry, overlay) = Covers(data, statute, p.Measure, s);
                if (entry is not null || overlay is not null)
                {
                    covered.Add((p, entry, overlay));
                }
                else
                {
                    uncovered.Add($"{p.Tag} ({p.Basis}) is not in the annex of {statute.Name} on {Screener.Iso(s.D)}: compliance neither required nor prohibited by it (Art 1, Annex); no notification duty");
                }
            }

            if (covered.Count == 0)
            {
                continue;
            }

            var unconfirmedFacts = covered.Where(c => c.Entry?.Fact.Unconfirmed == true).Select(c => c.Entry!.Fact.UnconfirmedReason($"annex item '{c.Entry.Name}'")).ToList();
            if (statute.Fact.Unconfirmed)
            {
                unconfirmedFacts.Insert(0, statute.Fact.UnconfirmedReason(statute.Name));
            }

            var overlays = covered.Where(c => c.Overlay is not null).Select(c => c.Overlay!).ToList();
            var items = string.Join("; ", covered.Select(c => c.Entry?.Name ?? $"{c.Programme.Basis} (hypothetical: {c.Overlay!.Name})"));
            var explanation =
                $"{statute.Name} binds this {s.Describe()} and covers {items}: do not freeze, block, refuse or terminate because of the US listing "
                + "without prior authorisation; refusal for documented reasons unrelated to the foreign measure stays possible, but the burden is on the screener "
                + "if the evidence points to a compliance motive (CJEU C-124/20)";
            if (overlays.Count > 0)
            {
                explanation += $". Hypothetical: {string.Join("; ", overlays.Select(o => o.Description))}";
            }

            if (usBinds)
            {
                explanation += ". Conflict: US law also binds this business (freeze); the lawful route is prior authorisation under the blocking statute (Reg. 2271/96 Art 5(2))";
            }

            entries.Add(new DecisionEntry
            {
                ListingId = listing.Id,
                Regime = statute.Id,
                Programme = string.Join(", ", covered.Select(c => c.Programme.Tag)),
                Action = LawAction.MustNotComply,
                Basis = $"{statute.Basis}; Annex: {items}",
                Report = statute.Report,
                Unconfirmed = unconfirmedFacts.Count > 0,
                Reason = unconfirmedFacts.Count > 0 ? string.Join("; ", unconfirmedFacts) : null,
                Explanation = explanation,
                Flags = [.. overlays.Select(o => "hypothetical:" + o.Name)],
            });
        }

        return (entries, uncovered);
    }
}
