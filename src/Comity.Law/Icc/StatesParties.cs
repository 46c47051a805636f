using System.Globalization;
using Comity.Core.Text;

namespace Comity.Law.Icc;

/// <summary>Party status by date, from <c>data/icc/states-parties.csv</c> (LEGAL.md a.1 and f, <c>is_party</c>).</summary>
internal sealed class StatesParties(IReadOnlyList<StateParty> rows)
{
    private readonly Dictionary<string, StateParty> byIso = rows.ToDictionary(r => r.Iso2, StringComparer.Ordinal);

    public IReadOnlyList<StateParty> Rows { get; } = rows;

    public StateParty? Find(string iso2) => byIso.GetValueOrDefault(iso2);

    /// <summary>Party status of <paramref name="iso2"/> on <paramref name="d"/>. With
    /// <paramref name="acceptUnconfirmedRescissions"/> false, a rescission resting on an unconfirmed row is ignored
    /// (Hungary: a former party from 2026-06-02).</summary>
    public PartyStatus Status(string iso2, DateOnly d, bool acceptUnconfirmedRescissions = true)
    {
        var r = Find(iso2);
        if (r is null)
        {
            return new PartyStatus
            {
                Iso2 = iso2,
                Name = Countries.NameOf(iso2),
                AsOf = d,
                IsParty = false,
                Summary = "never a party (no row in states-parties.csv)",
            };
        }

        var unconfirmed = r.Unconfirmed && (r.HasWithdrawalFacts || Math.Abs(d.DayNumber - r.EntryIntoForce.DayNumber) < 366);
        var reason = unconfirmed
            ? $"party status of {r.Name} rests on an unconfirmed row (states-parties.csv line {r.Line}; sources: {r.Sources})"
              + (r.Notes.Length > 0 ? $"; {r.Notes}" : string.Empty)
            : null;
        var status = new PartyStatus
        {
            Iso2 = r.Iso2,
            Name = r.Name,
            AsOf = d,
            IsParty = false,
            EntryIntoForce = r.EntryIntoForce,
            WithdrawalNotified = r.WithdrawalNotified,
            WithdrawalEffective = r.WithdrawalEffective,
            WithdrawalRescinded = r.WithdrawalRescinded,
            Unconfirmed = unconfirmed,
            Reason = reason,
            Summary = string.Empty,
        };

        if (d < r.EntryIntoForce)
        {
            return status with { Summary = $"not yet a party (Statute in force for it from {Iso(r.EntryIntoForce)}, Art 126)" };
        }

        // Before its withdrawal notice a party is simply a party: nothing is pending yet (Art 127(1) runs from the notice).
        if (r.WithdrawalNotified is { } notified && d < notified)
        {
            return status with { IsParty = true, Summary = $"party since {Iso(r.EntryIntoForce)}" };
        }

        if (r.WithdrawalEffective is not { } effective)
        {
            var rescinded = r.WithdrawalRescinded is { } rs ? $"; a withdrawal notice was rescinded on {Iso(rs)}" : string.Empty;
            return status with { IsParty = true, Summary = $"party since {Iso(r.EntryIntoForce)}{rescinded}" };
        }

        var acceptRescission = acceptUnconfirmedRescissions || !r.Unconfirmed;
        if (r.WithdrawalRescinded is { } rescission && rescission < effective && acceptRescission)
        {
            return status with
            {
                IsParty = true,
                Summary = $"party since {Iso(r.EntryIntoForce)}; withdrawal notice (effective {Iso(effective)}) rescinded on {Iso(rescission)} before taking effect",
            };
        }

        if (d < effective)
        {
            return status with
            {
                IsParty = true,
                PendingWithdrawal = true,
                Summary = $"party since {Iso(r.EntryIntoForce)}; withdrawal notified {Opt(r.WithdrawalNotified)}, effective {Iso(effective)}: still a party until then (Art 127(1))",
            };
        }

        return status with { FormerParty = true, Summary = $"former party (withdrawal effective {Iso(effective)})" };
    }

    /// <summary>Number of parties on a date.</summary>
    public int CountParties(DateOnly d, bool acceptUnconfirmedRescissions = true) =>
        Rows.Count(r => Status(r.Iso2, d, acceptUnconfirmedRescissions).IsParty);

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Opt(DateOnly? d) => d is { } v ? Iso(v) : "(date not known)";
}
