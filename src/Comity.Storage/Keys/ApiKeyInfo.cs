namespace Comity.Storage.Keys;

/// <summary>A stored API key without its secret.</summary>
public sealed record ApiKeyInfo(string Id, string Name, ApiRole Role, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);
