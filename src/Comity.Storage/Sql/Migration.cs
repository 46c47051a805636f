namespace Comity.Storage.Sql;

/// <summary>One versioned schema change of a provider.</summary>
internal sealed record Migration(int Version, string Name, string Sql);
