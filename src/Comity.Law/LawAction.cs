namespace Comity.Law;

/// <summary>The closed decision vocabulary. Numeric order is precedence: a higher value wins the overall action
/// (arrest &gt; freeze &gt; must_not_comply &gt; unknown_coverage &gt; enhanced_due_diligence &gt; not_binding &gt; inactive).</summary>
public enum LawAction
{
    /// <summary><c>inactive</c>: delisted, warrant no longer in force, not yet in force, enjoined, or party status not in force.</summary>
    Inactive = 0,

    /// <summary><c>not_binding</c>: listed only under regimes that do not bind this screener, and no blocking statute applies.</summary>
    NotBinding = 1,

    /// <summary><c>enhanced_due_diligence</c>: an active ICC warrant seen by a private screener, or a non-freezing list.</summary>
    EnhancedDueDiligence = 2,

    /// <summary><c>unknown_coverage</c>: a regime that binds the screener could list the subject, but its list is not
    /// loaded, is a sample, or is older than its maximum age: the answer is not known (see <see cref="Decision.Coverage"/>).</summary>
    UnknownCoverage = 3,

    /// <summary><c>must_not_comply</c>: a blocking statute binding the screener covers the foreign measure.</summary>
    MustNotComply = 4,

    /// <summary><c>freeze</c>: a binding regime lists the subject: freeze/block, make nothing available, report.</summary>
    Freeze = 5,

    /// <summary><c>arrest</c>: authority of a state bound on the date, active ICC warrant.</summary>
    Arrest = 6,
}

/// <summary>Wire names of <see cref="LawAction"/>.</summary>
public static class LawActions
{
    private static readonly string[] Names = ["inactive", "not_binding", "enhanced_due_diligence", "unknown_coverage", "must_not_comply", "freeze", "arrest"];

    /// <summary>Every action, highest precedence first.</summary>
    public static IReadOnlyList<LawAction> ByPrecedence { get; } =
        [LawAction.Arrest, LawAction.Freeze, LawAction.MustNotComply, LawAction.UnknownCoverage, LawAction.EnhancedDueDiligence, LawAction.NotBinding, LawAction.Inactive];

    public static string ToWire(this LawAction action) => Names[(int)action];

    public static bool TryParse(string? text, out LawAction action)
    {
        var i = Array.IndexOf(Names, text);
        action = i < 0 ? default : (LawAction)i;
        return i >= 0;
    }
}
