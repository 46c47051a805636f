namespace Comity.Server.Corpus;

/// <summary>What the last reload attempt did (shown by <c>GET /v1/lists</c>).</summary>
internal sealed record ReloadAttempt(DateTimeOffset StartedAt, DateTimeOffset FinishedAt, string Trigger, bool Succeeded, string? Error, string? Version);
