namespace Comity.Storage.Reviews;

/// <summary>One reviewer's conclusion on an alert; the reason is required.</summary>
public sealed record ReviewRequest(string Reviewer, ReviewOutcome Outcome, string Reason);
