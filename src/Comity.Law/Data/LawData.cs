using Comity.Law.Icc;

namespace Comity.Law.Data;

/// <summary>Every law fact, loaded from <c>data/law</c> and <c>data/icc</c>.</summary>
internal sealed class LawData
{
    public required IReadOnlyDictionary<string, EuMember> EuMembers { get; init; }

    public required IReadOnlyList<Regime> Regimes { get; init; }

    public required IReadOnlyDictionary<string, DatasetInfo> Datasets { get; init; }

    public required IReadOnlyDictionary<string, UsProgramme> UsProgrammes { get; init; }

    public required IReadOnlyList<BlockingStatute> Statutes { get; init; }

    public required IReadOnlyList<AnnexEntry> Annex { get; init; }

    public required IReadOnlyList<Overlay> Overlays { get; init; }

    public required IReadOnlyList<CooperationBasis> Cooperation { get; init; }

    public required IReadOnlyList<Art98Agreement> Art98 { get; init; }

    public required IReadOnlyDictionary<string, ReviewNote> Reviews { get; init; }

    public required IReadOnlyList<EnforcementInterval> Enforcement { get; init; }

    /// <summary>Art 87(7) non-compliance findings, in file order.</summary>
    public required IReadOnlyList<NonComplianceRow> NonCompliance { get; init; }

    public required StatesParties Parties { get; init; }

    public required IReadOnlyList<Warrant> Warrants { get; init; }

    public required IReadOnlyDictionary<string, Designation> Designations { get; init; }

    public Regime Regime(string id) => Regimes.First(r => string.Equals(r.Id, id, StringComparison.Ordinal));

    /// <summary>Loads <c>{dataDirectory}/law/*.csv</c> and <c>{dataDirectory}/icc/*.csv</c>.</summary>
    public static LawData Load(string dataDirectory)
    {
        var law = Path.Combine(dataDirectory, "law");
        var icc = Path.Combine(dataDirectory, "icc");
        var regimes = Read(law, "regimes.csv", Data.Regime.Columns, Data.Regime.Parse);
        var statutes = Read(law, "blocking-statutes.csv", BlockingStatute.Columns, BlockingStatute.Parse);
        var data = new LawData
        {
            EuMembers = Unique(Read(law, "eu-members.csv", EuMember.Columns, EuMember.Parse), m => m.Iso2, m => m.Fact),
            Regimes = regimes,
            Datasets = Unique(Read(law, "datasets.csv", DatasetInfo.Columns, DatasetInfo.Parse), d => d.Source, d => d.Fact),
            UsProgrammes = Unique(Read(law, "us-programmes.csv", UsProgramme.Columns, UsProgramme.Parse), p => p.Tag, p => p.Fact),
            Statutes = statutes,
            Annex = Read(law, "blocking-annex.csv", AnnexEntry.Columns, AnnexEntry.Parse),
            Overlays = Read(law, "overlays.csv", Overlay.Columns, Overlay.Parse),
            Cooperation = Read(law, "icc-cooperation.csv", CooperationBasis.Columns, CooperationBasis.Parse),
            Art98 = Read(law, "icc-art98.csv", Art98Agreement.Columns, Art98Agreement.Parse),
            Reviews = Read(law, "icc-review.csv", ReviewNote.Columns, ReviewNote.Parse).ToDictionary(r => r.WarrantId, StringComparer.Ordinal),
            Enforcement = Read(law, "eo14203-enforcement.csv", EnforcementInterval.Columns, EnforcementInterval.Parse),
            NonCompliance = Read(law, "icc-non-compliance.csv", NonComplianceRow.Columns, NonComplianceRow.Parse),
            Parties = new StatesParties(Read(icc, "states-parties.csv", StateParty.Columns, StateParty.Parse)),
            Warrants = Read(icc, "warrants.csv", Warrant.Columns, Warrant.Parse),
            Designations = Read(icc, "us-eo14203-designations.csv", Designation.Columns, Designation.Parse)
                .ToDictionary(d => d.Id, StringComparer.Ordinal),
        };
        data.CheckReferences();
        return data;
    }

    private void CheckReferences()
    {
        foreach (var d in Datasets.Values)
        {
            if (!Regimes.Any(r => string.Equals(r.Id, d.Regime, StringComparison.Ordinal)))
            {
                throw new LawDataException(d.Fact.File, d.Fact.Line, $"unknown regime '{d.Regime}'");
            }
        }

        foreach (var a in Annex)
        {
            if (!Statutes.Any(s => string.Equals(s.Id, a.Statute, StringComparison.Ordinal)))
            {
                throw new LawDataException(a.Fact.File, a.Fact.Line, $"unknown statute '{a.Statute}'");
            }
        }

        foreach (var o in Overlays)
        {
            if (!Statutes.Any(s => string.Equals(s.Id, o.Statute, StringComparison.Ordinal)))
            {
                throw new LawDataException("overlays.csv", 0, $"overlay '{o.Name}': unknown statute '{o.Statute}'");
            }
        }

        foreach (var r in Reviews.Values)
        {
            if (!Warrants.Any(w => string.Equals(w.Id, r.WarrantId, StringComparison.Ordinal)))
            {
                throw new LawDataException("icc-review.csv", 0, $"unknown warrant id '{r.WarrantId}'");
            }
        }

        foreach (var n in NonCompliance)
        {
            if (n.Finding.WarrantId is { } id && !Warrants.Any(w => string.Equals(w.Id, id, StringComparison.Ordinal)))
            {
                throw new LawDataException(n.Fact.File, n.Fact.Line, $"column 'warrant_id': unknown warrant id '{id}' (not in warrants.csv)");
            }

            if (Parties.Find(n.Finding.Iso2) is null && !Cooperation.Any(c => string.Equals(c.Iso2, n.Finding.Iso2, StringComparison.Ordinal)))
            {
                throw new LawDataException(n.Fact.File, n.Fact.Line,
                    $"column 'iso2': '{n.Finding.Iso2}' is neither in states-parties.csv nor in icc-cooperation.csv (an Art 87(7) finding concerns a state bound to cooperate)");
            }
        }
    }

    private static List<T> Read<T>(string dir, string name, string[] columns, Func<CsvRecord, T> parse) =>
        [.. CsvFile.Read(Path.Combine(dir, name), columns).Select(parse)];

    private static Dictionary<string, T> Unique<T>(List<T> items, Func<T, string> key, Func<T, Fact> fact)
    {
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (!map.TryAdd(key(item), item))
            {
                var f = fact(item);
                throw new LawDataException(f.File, f.Line, $"duplicate key '{key(item)}'");
            }
        }

        return map;
    }
}
