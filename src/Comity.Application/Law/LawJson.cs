using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Comity.Law;
using Comity.Law.Icc;

namespace Comity.Application.Law;

/// <summary>JSON wire form of law decisions and reports (snake_case; actions by their wire names), shared by the CLI
/// and the server.</summary>
internal static class LawJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Serialize(JsonNode node, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.ToJsonString(indented ? Indented : Compact);
    }

    public static string Serialize(Decision decision, bool indented = true) => Serialize(ToJson(decision), indented);

    public static string Serialize(ObligationsReport report, bool indented = true) => Serialize(ToJson(report), indented);

    public static string Serialize(RegimesReport report, bool indented = true) => Serialize(ToJson(report), indented);

    /// <summary><c>{action, conflict, unconfirmed, profile, listings: [{listing_id, regime, programme, action, basis,
    /// report: {to, within_days, days, when, basis, unconfirmed}, unconfirmed, reason, explanation, what_would_change,
    /// flags}], notes}</c>.</summary>
    public static JsonObject ToJson(Decision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return new JsonObject
        {
            ["action"] = decision.Overall.ToWire(),
            ["conflict"] = decision.Conflict,
            ["unconfirmed"] = decision.Unconfirmed,
            ["profile"] = ToJson(decision.Profile),
            ["listings"] = Array(decision.Entries.Select(ToJson)),
            ["notes"] = Strings(decision.Notes),
            ["coverage"] = Coverage(decision.Coverage),
        };
    }

    /// <summary><c>[{regime, list, reason, detail}]</c>: the binding regimes whose lists were not seen in full.</summary>
    public static JsonArray Coverage(IEnumerable<CoverageGap> gaps)
    {
        ArgumentNullException.ThrowIfNull(gaps);
        return Array(gaps.Select(g => new JsonObject
        {
            ["regime"] = g.Regime,
            ["list"] = g.Source,
            ["reason"] = g.ReasonName,
            ["detail"] = g.Detail,
        }));
    }

    public static JsonObject ToJson(DecisionEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new JsonObject
        {
            ["listing_id"] = entry.ListingId,
            ["regime"] = entry.Regime,
            ["programme"] = entry.Programme,
            ["action"] = entry.Action.ToWire(),
            ["basis"] = entry.Basis,
            ["report"] = entry.Report is null ? null : ToJson(entry.Report),
            ["unconfirmed"] = entry.Unconfirmed,
            ["reason"] = entry.Reason,
            ["explanation"] = entry.Explanation,
            ["what_would_change"] = entry.WhatWouldChange,
            ["flags"] = Strings(entry.Flags),
        };
    }

    public static JsonObject ToJson(ReportDuty report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new JsonObject
        {
            ["to"] = report.To,
            ["within_days"] = report.WithinDays,
            ["days"] = report.Days,
            ["when"] = report.When,
            ["basis"] = report.Basis,
            ["unconfirmed"] = report.Unconfirmed,
        };
    }

    public static JsonObject ToJson(ScreenerProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new JsonObject
        {
            ["jurisdiction"] = profile.Jurisdiction,
            ["role"] = RoleName(profile.Role),
            ["as_of"] = Date(profile.AsOf),
            ["us_person"] = profile.UsPerson,
            ["us_nexus"] = profile.UsNexus,
            ["us_subsidiary"] = profile.UsSubsidiary,
            ["assumptions"] = Strings((profile.Assumptions ?? new HashSet<string>()).Order(StringComparer.Ordinal)),
        };
    }

    public static JsonObject ToJson(ObligationsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new JsonObject
        {
            ["query"] = report.Query,
            ["as_of"] = Date(report.AsOf),
            ["resolution"] = report.Resolution switch
            {
                WarrantResolution.Found => "found",
                WarrantResolution.NotFound => "not_found",
                _ => "ambiguous",
            },
            ["warrant"] = report.Warrant is null ? null : ToJson(report.Warrant),
            ["candidates"] = Array(report.Candidates.Select(ToJson)),
            ["counts"] = new JsonObject
            {
                ["parties"] = report.Counts.Parties,
                ["must_arrest"] = report.Counts.MustArrest,
                ["must_arrest_art_127_2"] = report.Counts.MustArrestArt127,
                ["unconfirmed"] = report.Counts.Flagged,
                ["not_bound"] = report.Counts.NotBound,
                ["non_compliance"] = report.Counts.NonCompliance,
            },
            ["states"] = Array(report.States.Select(s => new JsonObject
            {
                ["iso2"] = s.Iso2,
                ["name"] = s.Name,
                ["party"] = ToJson(s.Party),
                ["action"] = s.Action.ToWire(),
                ["basis"] = s.Basis,
                ["explanation"] = s.Explanation,
                ["unconfirmed"] = s.Unconfirmed,
                ["reason"] = s.Reason,
                ["flags"] = Strings(s.Flags),
                ["non_compliance"] = Array(s.NonCompliance.Select(f => new JsonObject
                {
                    ["finding"] = f.Finding,
                    ["reported"] = f.Reported is { } r ? Date(r) : null,
                    ["counts_from"] = Date(f.CountsFrom),
                    ["matter"] = f.Matter,
                    ["warrant_id"] = f.WarrantId,
                    ["outcome"] = f.Outcome,
                    ["unconfirmed"] = f.Unconfirmed,
                    ["sources"] = f.Sources,
                    ["version"] = f.Version,
                })),
            })),
            ["notes"] = Strings(report.Notes),
        };
    }

    public static JsonObject ToJson(RegimesReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new JsonObject
        {
            ["profile"] = ToJson(report.Profile),
            ["jurisdiction"] = report.Jurisdiction,
            ["eu_law_applies"] = report.EuLawApplies,
            ["regimes"] = Array(report.Regimes.Select(r => new JsonObject
            {
                ["regime"] = r.Id,
                ["name"] = r.Name,
                ["binds"] = r.Binds,
                ["why"] = r.Why,
                ["basis"] = r.Basis,
                ["report"] = r.Report is null ? null : ToJson(r.Report),
                ["unconfirmed"] = r.Unconfirmed,
                ["reason"] = r.Reason,
                ["version"] = r.Version,
                ["sources"] = r.Sources,
            })),
            ["blocked_measures"] = Array(report.BlockedMeasures.Select(m => new JsonObject
            {
                ["statute"] = m.Statute,
                ["statute_name"] = m.StatuteName,
                ["measure"] = m.Measure,
                ["measure_name"] = m.MeasureName,
                ["from"] = m.From is { } f ? Date(f) : null,
                ["hypothetical"] = m.Hypothetical,
                ["basis"] = m.Basis,
                ["report"] = m.Report is null ? null : ToJson(m.Report),
                ["unconfirmed"] = m.Unconfirmed,
                ["reason"] = m.Reason,
                ["sources"] = m.Sources,
            })),
            ["icc_party"] = ToJson(report.IccParty),
            ["icc_duty"] = report.IccDuty,
            ["notes"] = Strings(report.Notes),
        };
    }

    public static JsonObject ToJson(PartyStatus party)
    {
        ArgumentNullException.ThrowIfNull(party);
        return new JsonObject
        {
            ["is_party"] = party.IsParty,
            ["former_party"] = party.FormerParty,
            ["pending_withdrawal"] = party.PendingWithdrawal,
            ["summary"] = party.Summary,
            ["entry_into_force"] = Opt(party.EntryIntoForce),
            ["withdrawal_notified"] = Opt(party.WithdrawalNotified),
            ["withdrawal_effective"] = Opt(party.WithdrawalEffective),
            ["withdrawal_rescinded"] = Opt(party.WithdrawalRescinded),
            ["unconfirmed"] = party.Unconfirmed,
            ["reason"] = party.Reason,
        };
    }

    private static JsonObject ToJson(WarrantSummary w) => new()
    {
        ["id"] = w.Id,
        ["name"] = w.Name,
        ["aliases"] = Strings(w.Aliases),
        ["situation"] = w.Situation,
        ["case_name"] = w.CaseName,
        ["instrument"] = w.Instrument,
        ["issued"] = w.Issued,
        ["status"] = w.Status,
        ["status_date"] = Opt(w.StatusDate),
        ["status_note"] = w.StatusNote,
        ["unconfirmed"] = w.Unconfirmed,
        ["reason"] = w.Reason,
    };

    internal static string RoleName(Role role) => role switch
    {
        Role.Financial => "financial",
        Role.Business => "business",
        _ => "authority",
    };

    internal static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Opt(DateOnly? d) => d is { } v ? Date(v) : null;

    private static JsonArray Strings(IEnumerable<string> items) => [.. items.Select(i => (JsonNode?)JsonValue.Create(i))];

    private static JsonArray Array(IEnumerable<JsonObject> items) => [.. items.Select(i => (JsonNode?)i)];
}
