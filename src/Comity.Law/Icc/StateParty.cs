using Comity.Law.Data;

namespace Comity.Law.Icc;

/// <summary>A row of <c>data/icc/states-parties.csv</c>.</summary>
internal sealed record StateParty(
    string Iso2, string Name, DateOnly EntryIntoForce, DateOnly? WithdrawalNotified, DateOnly? WithdrawalEffective,
    DateOnly? WithdrawalRescinded, bool Unconfirmed, string Sources, string Notes, int Line)
{
    public static readonly string[] Columns =
    [
        "iso2", "name", "signed", "ratified_or_acceded", "entry_into_force", "withdrawal_notified", "withdrawal_effective",
        "withdrawal_rescinded", "verification", "sources", "notes",
    ];

    public static StateParty Parse(CsvRecord r)
    {
        _ = r.OptionalDate("signed");
        _ = r.Date("ratified_or_acceded");
        return new StateParty(
            r.Required("iso2").ToUpperInvariant(), r.Required("name"), r.Date("entry_into_force"), r.OptionalDate("withdrawal_notified"),
            r.OptionalDate("withdrawal_effective"), r.OptionalDate("withdrawal_rescinded"), r.Unconfirmed(), r.Text("sources"),
            r.Text("notes"), r.Line);
    }

    public bool HasWithdrawalFacts => WithdrawalNotified is not null || WithdrawalEffective is not null || WithdrawalRescinded is not null;
}
