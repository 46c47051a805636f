using Comity.Law.Data;
using Comity.Law.Icc;
using Comity.Law.Reports;
using Comity.Law.Rules;

namespace Comity.Law;

/// <summary>The law engine: what a hit means for a screener on a date. Never matches names; never reads the clock.</summary>
public sealed class LawEngine
{
    private const string SealedNote = "A negative screening result never proves that no ICC warrant exists: the Court issues warrants under seal.";

    private readonly LawData data;

    private LawEngine(LawData data) => this.data = data;

    /// <summary>Every named overlay that <see cref="ScreenerProfile.Assumptions"/> may switch on.</summary>
    public IReadOnlyList<string> KnownAssumptions => [.. data.Overlays.Select(o => o.Name)];

    /// <summary>Loads <c>law/*.csv</c> and <c>icc/*.csv</c> under <paramref name="dataDirectory"/> (the repository's
    /// <c>data</c> folder; the repository root is accepted too). Throws <see cref="LawDataException"/> naming file and line.</summary>
    public static LawEngine LoadDefault(string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(dataDirectory);
        var dir = Directory.Exists(Path.Combine(dataDirectory, "law")) || !Directory.Exists(Path.Combine(dataDirectory, "data", "law"))
            ? dataDirectory
            : Path.Combine(dataDirectory, "data");
        return new LawEngine(LawData.Load(dir));
    }

    /// <summary>The decision for one hit (one subject, any number of listings).</summary>
    public Decision Decide(ScreenerProfile profile, IReadOnlyList<Listing> listings)
    {
        ArgumentNullException.ThrowIfNull(listings);
        var s = new Screener(data, profile);
        var entries = new List<DecisionEntry>();
        foreach (var listing in listings)
        {
            entries.AddRange(DecideListing(s, listing));
        }

        var overall = entries.Count == 0 ? LawAction.Inactive : entries.Max(e => e.Action);
        var conflict = entries.Any(e => e.Action == LawAction.Freeze) && entries.Any(e => e.Action == LawAction.MustNotComply);
        var unconfirmed = entries.Count > 0 && !entries.Any(e => e.Action == overall && !e.Unconfirmed);
        if (conflict)
        {
            unconfirmed |= entries.Where(e => e.Action == LawAction.MustNotComply).All(e => e.Unconfirmed)
                || entries.Where(e => e.Action == LawAction.Freeze).All(e => e.Unconfirmed);
        }

        return new Decision
        {
            Overall = overall,
            Conflict = conflict,
            Entries = entries,
            Unconfirmed = unconfirmed,
            Profile = profile,
            Notes = profile.Role == Role.Authority ? [SealedNote] : [],
        };
    }

    /// <summary>The coverage gaps of a profile: every regime that binds the screener on the as-of date (ICC warrants for
    /// an authority) whose dataset in <paramref name="lists"/> is not loaded, is a sample, is older than its maximum
    /// age or has no date while one applies. Datasets absent from <paramref name="lists"/> are not judged.</summary>
    public IReadOnlyList<CoverageGap> Coverage(ScreenerProfile profile, IReadOnlyList<ListCoverage> lists)
    {
        ArgumentNullException.ThrowIfNull(lists);
        var s = new Screener(data, profile);
        var gaps = new List<CoverageGap>();
        foreach (var regime in data.Regimes)
        {
            var binds = regime.Binds == "icc" ? profile.Role == Role.Authority : RegimeBinding.Binds(data, regime, s).Binds;
            if (!binds)
            {
                continue;
            }

            foreach (var dataset in data.Datasets.Values.Where(d => d.Regime == regime.Id).OrderBy(d => d.Source, StringComparer.Ordinal))
            {
                if (lists.FirstOrDefault(l => l.Source == dataset.Source) is not { } l)
                {
                    continue;
                }

                if (CoverageGapOf(regime.Id, l, profile.AsOf) is { } gap)
                {
                    gaps.Add(gap);
                }
            }
        }

        return gaps;
    }

    /// <summary>The decision with the profile's coverage gaps attached: an overall action below
    /// <c>unknown_coverage</c> (not_binding, inactive, enhanced_due_diligence) becomes <c>unknown_coverage</c>, since
    /// a binding list that was not seen could name the subject; a known duty (must_not_comply, freeze, arrest) stays.</summary>
    public static Decision WithCoverage(Decision decision, IReadOnlyList<CoverageGap> gaps)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(gaps);
        if (gaps.Count == 0)
        {
            return decision;
        }

        return decision.Overall >= LawAction.UnknownCoverage
            ? decision with { Coverage = gaps }
            : decision with { Overall = LawAction.UnknownCoverage, Unconfirmed = false, Coverage = gaps };
    }

    private static CoverageGap? CoverageGapOf(string regime, ListCoverage l, DateOnly asOf)
    {
        if (!l.Loaded)
        {
            return new CoverageGap(regime, l.Source, CoverageReason.NotLoaded, $"{l.Source} is not loaded");
        }

        if (l.MinEntities is { } min && l.Entities < min)
        {
            return new CoverageGap(regime, l.Source, CoverageReason.Incomplete,
                $"{l.Source} holds {l.Entities} entities; a full publication holds at least {min} (a sample or excerpt)");
        }

        if (l.MaxAgeDays is { } max)
        {
            if (l.DataDate is not { } date)
            {
                return new CoverageGap(regime, l.Source, CoverageReason.Undated, $"{l.Source} has no known data date (maximum age {max} days)");
            }

            var age = asOf.DayNumber - date.DayNumber;
            if (age > max)
            {
                return new CoverageGap(regime, l.Source, CoverageReason.Stale,
                    $"{l.Source} is dated {Screener.Iso(date)}, {age} days before {Screener.Iso(asOf)} (maximum age {max} days)");
            }
        }

        return null;
    }

    /// <summary>Party status of a state on a date (Arts 126, 127).</summary>
    public PartyStatus PartyStatus(string jurisdiction, DateOnly asOf, bool acceptUnconfirmedRescissions = true)
    {
        var s = new Screener(data, new ScreenerProfile(jurisdiction, Role.Authority, asOf));
        return data.Parties.Status(s.Iso2, asOf, acceptUnconfirmedRescissions);
    }

    /// <summary>Number of states parties on a date.</summary>
    public int CountParties(DateOnly asOf, bool acceptUnconfirmedRescissions = true) =>
        data.Parties.CountParties(asOf, acceptUnconfirmedRescissions);

    /// <summary>Every state's duty under one warrant (id such as <c>icc-putin-vladimir</c>, or an exact name or alias,
    /// ignoring case and diacritics) on a date.</summary>
    public ObligationsReport Obligations(string warrantIdOrName, DateOnly asOf) =>
        ObligationsBuilder.Build(data, warrantIdOrName, asOf);

    /// <summary>Which regimes bind the screener, which foreign measures a blocking statute forbids complying with, and
    /// the ICC position, on the profile's date.</summary>
    public RegimesReport Regimes(ScreenerProfile profile) => RegimesBuilder.Build(data, new Screener(data, profile));

    private List<DecisionEntry> DecideListing(Screener s, Listing listing)
    {
        if (listing.Source.StartsWith("custom-", StringComparison.Ordinal))
        {
            return
            [
                new DecisionEntry
                {
                    ListingId = listing.Id, Regime = "custom", Programme = listing.Programs.Count > 0 ? string.Join(", ", listing.Programs) : null,
                    Action = LawAction.EnhancedDueDiligence, Basis = "user list (not a legal regime)",
                    Explanation = "listed on the screener's own list: no legal obligation attaches; review under internal policy",
                },
            ];
        }

        if (!data.Datasets.TryGetValue(listing.Source, out var dataset))
        {
            return
            [
                new DecisionEntry
                {
                    ListingId = listing.Id, Regime = "unknown", Action = LawAction.EnhancedDueDiligence, Basis = "dataset not in data/law/datasets.csv",
                    Unconfirmed = true, Reason = $"dataset '{listing.Source}' has no regime in data/law/datasets.csv",
                    Explanation = "unknown dataset: the legal effect cannot be determined; review manually", Flags = ["review"],
                },
            ];
        }

        return dataset.Regime switch
        {
            "ICC" => [WarrantRule.Decide(data, s, listing)],
            "US-OFAC" => UsRule.Decide(data, s, listing, dataset),
            _ => [SanctionsRule.Decide(data, s, listing, dataset)],
        };
    }
}
