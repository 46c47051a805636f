namespace Comity.Storage.Keys;

/// <summary>Role an API key grants; codes in <see cref="StorageCodes"/>.</summary>
public enum ApiRole
{
    Screener,
    Analyst,
    Admin,
}
