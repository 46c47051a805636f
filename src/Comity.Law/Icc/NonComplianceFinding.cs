using Comity.Law.Data;

namespace Comity.Law.Icc;

/// <summary>An Art 87(7) finding that a state failed to comply with the Court's request to cooperate (a row of
/// <c>data/law/icc-non-compliance.csv</c>).</summary>
public sealed record NonComplianceFinding
{
    public required string Iso2 { get; init; }

    /// <summary>The finding's date as recorded: <c>yyyy-MM-dd</c>, or <c>yyyy-MM</c> / <c>yyyy</c> when the day is not known.</summary>
    public required string Finding { get; init; }

    /// <summary>The day the finding was first reported (used when <see cref="Finding"/> has no day).</summary>
    public DateOnly? Reported { get; init; }

    /// <summary>The first day on which the finding is shown: the finding's day when known; otherwise the day it was
    /// reported; otherwise the last day of its month or year (never before it can have been made).</summary>
    public required DateOnly CountsFrom { get; init; }

    /// <summary>What the state failed to do (the visit or release and the person concerned).</summary>
    public required string Matter { get; init; }

    /// <summary>The warrant the request concerned (an id of <c>data/icc/warrants.csv</c>), when recorded.</summary>
    public string? WarrantId { get; init; }

    /// <summary><c>referred_asp</c>, <c>referred_sc</c>, <c>referred_asp_sc</c>, <c>not_referred</c>, <c>deferred</c> or <c>to_verify</c>.</summary>
    public required string Outcome { get; init; }

    public required bool Unconfirmed { get; init; }

    public required string Sources { get; init; }

    /// <summary>The date the row was last checked against its sources.</summary>
    public required string Version { get; init; }

    /// <summary>The outcome in words: "referred to the ASP", "referral deferred", ...</summary>
    public string OutcomeText => NonComplianceRow.OutcomeText(Outcome);

    /// <summary>One line: "Art 87(7) non-compliance finding 2024-10-24 (Putin: ...); referred to the ASP; unconfirmed".</summary>
    public string Summary =>
        $"Art 87(7) non-compliance finding {Finding}{(Reported is { } r && Finding.Length < 10 ? $" (reported {Rules.Screener.Iso(r)})" : string.Empty)}: {Matter}; {OutcomeText}{(Unconfirmed ? "; unconfirmed" : string.Empty)}";
}

/// <summary>Parses a row of <c>icc-non-compliance.csv</c>, keeping its file and line for later reference checks.</summary>
internal sealed record NonComplianceRow(NonComplianceFinding Finding, Fact Fact)
{
    public static readonly string[] Columns = ["iso2", "finding", "reported", "matter", "warrant_id", "outcome", "version", "verification", "sources"];

    private static readonly Dictionary<string, string> Outcomes = new(StringComparer.Ordinal)
    {
        ["referred_asp"] = "referred to the Assembly of States Parties",
        ["referred_sc"] = "referred to the Security Council",
        ["referred_asp_sc"] = "referred to the Assembly of States Parties and the Security Council",
        ["not_referred"] = "not referred",
        ["deferred"] = "referral deferred",
        ["to_verify"] = "outcome to verify",
    };

    public static string OutcomeText(string outcome) => Outcomes.GetValueOrDefault(outcome, outcome);

    public static NonComplianceRow Parse(CsvRecord r)
    {
        var iso = r.Required("iso2");
        if (iso.Length != 2 || !char.IsAsciiLetterUpper(iso[0]) || !char.IsAsciiLetterUpper(iso[1]))
        {
            throw r.Error($"column 'iso2': '{iso}' is not an ISO 3166-1 alpha-2 code (two capital letters)");
        }

        var finding = r.OptionalPartialDate("finding") ?? throw r.Error("column 'finding' is empty (write yyyy-MM-dd, or yyyy-MM / yyyy when the day is not known)");
        var reported = r.OptionalDate("reported");
        if (reported is { } rep && rep < finding.Earliest)
        {
            throw r.Error($"column 'reported': {Rules.Screener.Iso(rep)} is before the finding ({finding})");
        }

        if (reported is not null && finding.HasDay)
        {
            throw r.Error("column 'reported' is only for a finding whose day is not known; leave it empty when 'finding' is a full date");
        }

        var countsFrom = finding.HasDay ? finding.Earliest : reported is { } known && known < finding.Latest ? known : finding.Latest;
        _ = r.OneOf("outcome", Outcomes);
        var outcome = r.Text("outcome");
        var fact = Fact.From(r);
        return new NonComplianceRow(
            new NonComplianceFinding
            {
                Iso2 = iso,
                Finding = finding.ToString(),
                Reported = reported,
                CountsFrom = countsFrom,
                Matter = r.Required("matter"),
                WarrantId = r.Optional("warrant_id"),
                Outcome = outcome,
                Unconfirmed = fact.Unconfirmed,
                Sources = fact.Sources,
                Version = fact.Version,
            },
            fact);
    }
}
