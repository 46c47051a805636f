using Comity.Law.Data;
using Comity.Law.Rules;

namespace Comity.Law.Reports;

/// <summary>Builds <see cref="RegimesReport"/> for a screener.</summary>
internal static class RegimesBuilder
{
    public static RegimesReport Build(LawData data, Screener s)
    {
        var regimes = new List<RegimeStatus>();
        foreach (var regime in data.Regimes.Where(r => r.Binds != "icc"))
        {
            var b = RegimeBinding.Binds(data, regime, s);
            var why = b.Why;
            var binds = b.Binds;
            if (!binds && regime.Binds == "us" && s.Profile.UsSubsidiary)
            {
                var reach = data.UsProgrammes.Values.Where(p => p.Subsidiaries != SubsidiaryReach.No).ToList();
                binds = reach.Count > 0;
                why = $"as a foreign subsidiary of a US entity, only for programmes that reach subsidiaries: "
                    + string.Join(", ", reach.Select(p => p.Subsidiaries == SubsidiaryReach.Yes ? p.Tag : $"{p.Tag} (to verify)"));
            }

            regimes.Add(new RegimeStatus(regime.Id, regime.Name, binds, why, regime.Basis, binds ? regime.Report : null,
                binds && b.Unconfirmed, binds && b.Unconfirmed ? b.Reason : null, regime.Fact.Version, regime.Fact.Sources));
        }

        var blocked = new List<BlockedMeasure>();
        foreach (var statute in data.Statutes.Where(st => BlockingRule.StatuteBinds(st, s)))
        {
            var measures = data.Annex.Where(a => string.Equals(a.Statute, statute.Id, StringComparison.Ordinal)).Select(a => a.Measure)
                .Concat(data.Overlays.Where(o => string.Equals(o.Statute, statute.Id, StringComparison.Ordinal)).Select(o => o.Measure))
                .Distinct(StringComparer.Ordinal);
            foreach (var measure in measures)
            {
                var (entry, overlay) = BlockingRule.Covers(data, statute, measure, s);
                if (entry is not null)
                {
                    var unconfirmed = entry.Fact.Unconfirmed || statute.Fact.Unconfirmed;
                    blocked.Add(new BlockedMeasure(statute.Id, statute.Name, measure, entry.Name, entry.From, null, statute.Basis, statute.Report,
                        unconfirmed, unconfirmed ? entry.Fact.UnconfirmedReason(entry.Name) : null, entry.Fact.Sources));
                }
                else if (overlay is not null)
                {
                    blocked.Add(new BlockedMeasure(statute.Id, statute.Name, measure, overlay.Description, null, overlay.Name, statute.Basis,
                        statute.Report, false, null, overlay.Sources));
                }
            }
        }

        var party = data.Parties.Status(s.Iso2, s.D);
        var duty = s.Profile.Role != Role.Authority
            ? "private screener: an active ICC warrant calls for enhanced due diligence, not a freeze (the Statute binds states)"
            : party.IsParty
                ? "authority of a state party: arrest and surrender on active warrants (Arts 86, 89(1), 59, 92, 97)"
                : party.FormerParty
                    ? "authority of a former party: arrest duty may survive for warrants issued before the withdrawal took effect (Art 127(2))"
                    : "authority of a non-party: no Rome Statute duty to arrest unless an Art 12(3) declaration or a Security Council resolution obliges it; ad hoc cooperation possible (Art 87(5))";
        return new RegimesReport
        {
            Profile = s.Profile,
            Jurisdiction = s.Iso2,
            EuLawApplies = s.EuLaw,
            Regimes = regimes,
            BlockedMeasures = blocked,
            IccParty = party,
            IccDuty = duty,
            Notes = blocked.Count == 0
                ? ["No blocking statute binds this screener on this date: complying with foreign measures is neither required nor prohibited by one."]
                : ["Blocking statutes forbid complying with the measures listed (without prior authorisation) and set a notification duty."],
        };
    }
}
