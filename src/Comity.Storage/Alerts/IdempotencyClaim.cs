namespace Comity.Storage.Alerts;

/// <summary>A live idempotency key: the run that used it, the hash of the request it was used with, its expiry.</summary>
public sealed record IdempotencyClaim(string Scope, string Key, string RunId, string? RequestHash, DateTimeOffset ExpiresAt);
