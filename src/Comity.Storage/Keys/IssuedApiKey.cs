namespace Comity.Storage.Keys;

/// <summary>A newly issued key: <see cref="Key"/> is shown once and never stored.</summary>
public sealed record IssuedApiKey(ApiKeyInfo Info, string Key);
