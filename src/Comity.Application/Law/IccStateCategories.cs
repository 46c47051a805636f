using Comity.Law;

namespace Comity.Application.Law;

/// <summary>A state's standing towards the Court on a date, as the obligations map colours it.</summary>
internal enum IccStateCategory
{
    /// <summary>A Rome Statute party with no withdrawal pending: bound to arrest (Arts 86, 89).</summary>
    Party,

    /// <summary>A party that has notified its withdrawal, not yet effective: still bound (Art 127(1)).</summary>
    PartyWithdrawing,

    /// <summary>A former party whose withdrawal has taken effect (Art 127(2) may keep a duty for earlier warrants).</summary>
    WithdrawalEffective,

    /// <summary>Not a party but bound for the situation: an Art 12(3) declaration or a Security Council referral.</summary>
    NonPartyBound,

    /// <summary>Not a party (or not yet in force): no Rome Statute duty to arrest; ad hoc cooperation only (Art 87(5)).</summary>
    NonParty,
}

/// <summary>Classifies the rows of an <see cref="ObligationsReport"/> for the map and its legend.</summary>
internal static class IccStateCategories
{
    /// <summary>Every category, in legend order.</summary>
    public static IReadOnlyList<IccStateCategory> All { get; } =
        [IccStateCategory.Party, IccStateCategory.PartyWithdrawing, IccStateCategory.WithdrawalEffective, IccStateCategory.NonPartyBound, IccStateCategory.NonParty];

    /// <summary>The category of one state's row.</summary>
    public static IccStateCategory Of(StateObligation state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var p = state.Party;
        if (p.IsParty)
        {
            return p.PendingWithdrawal ? IccStateCategory.PartyWithdrawing : IccStateCategory.Party;
        }

        if (p.FormerParty)
        {
            return IccStateCategory.WithdrawalEffective;
        }

        return state.Action == LawAction.Arrest ? IccStateCategory.NonPartyBound : IccStateCategory.NonParty;
    }

    /// <summary>True when the state's own answer rests on unconfirmed data (its party status, a withdrawal or its
    /// rescission, an Art 98(2) agreement, an Art 127(2) reading), beyond an unconfirmed warrant, which flags every
    /// state that must arrest and is shown once with the warrant.</summary>
    public static bool UnconfirmedForState(StateObligation state, WarrantSummary? warrant)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!state.Unconfirmed)
        {
            return false;
        }

        return state.Party.Unconfirmed || warrant is not { Unconfirmed: true, Reason: { } w } || !string.Equals(state.Reason, w, StringComparison.Ordinal);
    }

    /// <summary>Stable kebab-case name (CSS class, test hook): <c>party</c>, <c>party-withdrawing</c>,
    /// <c>withdrawal-effective</c>, <c>non-party-bound</c>, <c>non-party</c>.</summary>
    public static string Code(this IccStateCategory category) => category switch
    {
        IccStateCategory.Party => "party",
        IccStateCategory.PartyWithdrawing => "party-withdrawing",
        IccStateCategory.WithdrawalEffective => "withdrawal-effective",
        IccStateCategory.NonPartyBound => "non-party-bound",
        _ => "non-party",
    };

    /// <summary>The legend's words.</summary>
    public static string Label(this IccStateCategory category) => category switch
    {
        IccStateCategory.Party => "Party: must arrest",
        IccStateCategory.PartyWithdrawing => "Party, withdrawal pending: must arrest",
        IccStateCategory.WithdrawalEffective => "Withdrawal effective (Art 127(2) may apply)",
        IccStateCategory.NonPartyBound => "Non-party bound: Art 12(3) declaration or Security Council referral",
        _ => "Non-party: no duty to arrest (Art 87(5))",
    };
}
