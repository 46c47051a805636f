using Comity.Server.Native;
using Comity.Storage.Reviews;

namespace Comity.Server.Security;

/// <summary>The one rule that front ends of the server apply before a review reaches the store's four-eyes policy:
/// without API keys a reviewer is only a name someone typed, so a <c>true_match</c> is refused unless the server was
/// started with <c>--allow-unauthenticated-review</c>. Used by <c>POST /v1/alerts/{id}/review</c> and the UI.</summary>
internal static class ReviewGate
{
    /// <summary>Why the review is refused (403), or null when it may go to the store.</summary>
    public static string? Refusal(Caller caller, ReviewOutcome outcome, ServeOptions options) =>
        !caller.Authenticated && outcome == ReviewOutcome.TrueMatch && !options.AllowUnauthenticatedReview
            ? NativeEndpoints.FourEyesNotEnforced + " A true_match review is refused; configure API keys (--keys) or start the server with --allow-unauthenticated-review."
            : null;
}
