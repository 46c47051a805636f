namespace Comity.Law.Icc;

/// <summary>A state's Rome Statute party status on a date (Arts 126, 127), with the facts it rests on.</summary>
public sealed record PartyStatus
{
    public required string Iso2 { get; init; }

    public required string Name { get; init; }

    public required DateOnly AsOf { get; init; }

    /// <summary>A party on <see cref="AsOf"/> (all obligations, including during a pending withdrawal, Art 127(1)).</summary>
    public required bool IsParty { get; init; }

    /// <summary>Was a party and its withdrawal has taken effect (Art 127(2) obligations may survive).</summary>
    public bool FormerParty { get; init; }

    /// <summary>Notice given, not yet effective on <see cref="AsOf"/>.</summary>
    public bool PendingWithdrawal { get; init; }

    public DateOnly? EntryIntoForce { get; init; }

    public DateOnly? WithdrawalNotified { get; init; }

    public DateOnly? WithdrawalEffective { get; init; }

    public DateOnly? WithdrawalRescinded { get; init; }

    /// <summary>The answer turns on an unconfirmed row (withdrawal or rescission dates, or within a year of entry into force).</summary>
    public bool Unconfirmed { get; init; }

    public string? Reason { get; init; }

    /// <summary>One line: "party since 2002-07-01", "former party (withdrawal effective 2019-03-17)", ...</summary>
    public required string Summary { get; init; }
}
