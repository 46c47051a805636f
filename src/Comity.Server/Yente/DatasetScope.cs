using System.Collections.Frozen;

namespace Comity.Server.Yente;

/// <summary>Dataset and collection names: Comity's source names, the <c>default</c> and <c>sanctions</c>
/// collections, and OpenSanctions' names as aliases (<c>us_ofac_sdn</c> → <c>us-ofac-sdn</c>).</summary>
internal static class DatasetScope
{
    public const string Default = "default";

    public const string Sanctions = "sanctions";

    private static readonly FrozenDictionary<string, string> Aliases = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["un_sc_sanctions"] = "un-sc",
        ["eu_fsf"] = "eu-fsf",
        ["gb_hmt_sanctions"] = "gb-hmt-ofsi",
        ["gb_fcdo_sanctions"] = "gb-fcdo",
        ["ca_dfatd_sema_sanctions"] = "ca-sema",
        ["au_dfat_sanctions"] = "au-dfat",
        ["ch_seco_sanctions"] = "ch-seco",
        ["us_trade_csl"] = "us-trade-csl",
        ["us_bis_denied"] = "us-bis-dpl",
        ["icc_warrants"] = "icc-warrants",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The sources a dataset or collection name stands for, or null when the name is unknown.</summary>
    public static IReadOnlySet<string>? Resolve(CorpusSnapshot snapshot, string name)
    {
        if (string.Equals(name, Default, StringComparison.Ordinal))
        {
            return snapshot.AllSources;
        }

        if (string.Equals(name, Sanctions, StringComparison.Ordinal))
        {
            return snapshot.SanctionSources;
        }

        var source = Canonical(name);
        return snapshot.DatasetsBySource.ContainsKey(source) ? new HashSet<string>(StringComparer.Ordinal) { source } : null;
    }

    /// <summary>The Comity source name for a dataset name (aliases and underscores resolved).</summary>
    public static string Canonical(string name) =>
        Aliases.TryGetValue(name, out var alias) ? alias : name.Replace('_', '-');

}
