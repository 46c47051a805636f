namespace Comity.Storage.Alerts;

/// <summary>Order of an alert listing; ties are broken by id, so paging is stable.</summary>
public enum AlertSort
{
    /// <summary>Newest first (created_at descending): the default.</summary>
    Newest,

    /// <summary>Oldest first.</summary>
    Oldest,

    /// <summary>Highest score first, then newest.</summary>
    ScoreDescending,

    /// <summary>Lowest score first, then newest.</summary>
    ScoreAscending,
}
