using System.Collections.Frozen;
using Comity.Core.Model;

namespace Comity.Server.Yente;

/// <summary>FtM schema names accepted in queries, what each may match (its matchable set) and how it is screened
/// by Comity's index.</summary>
internal static class FtmSchemas
{
    private static readonly Schema[] Legal = [Schema.LegalEntity, Schema.Person, Schema.Organization, Schema.Company];

    private static readonly FrozenDictionary<string, Schema[]> MatchableSets = new Dictionary<string, Schema[]>(StringComparer.Ordinal)
    {
        ["Thing"] = [.. Legal, Schema.Vessel, Schema.Airplane],
        ["LegalEntity"] = Legal,
        ["Person"] = [Schema.Person, Schema.LegalEntity],
        ["Organization"] = [Schema.Organization, Schema.Company, Schema.LegalEntity],
        ["PublicBody"] = [Schema.Organization, Schema.LegalEntity],
        ["Company"] = [Schema.Company, Schema.Organization, Schema.LegalEntity],
        ["Vessel"] = [Schema.Vessel],
        ["Airplane"] = [Schema.Airplane],
        ["Vehicle"] = [Schema.Vessel, Schema.Airplane],
        ["Address"] = [],
        ["CryptoWallet"] = [],
        ["Security"] = [],
        ["BankAccount"] = [],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every schema name a <c>/search</c> <c>schema</c> parameter accepts.</summary>
    public static IEnumerable<string> Names => MatchableSets.Keys;

    /// <summary>The candidate schemata a query of this FtM schema may match; false for unknown or non-matchable
    /// schemata (Sanction, Identification, Passport...).</summary>
    public static bool TryMatchable(string ftmSchema, out Schema[] candidates) => MatchableSets.TryGetValue(ftmSchema, out candidates!);

    /// <summary>The query schemata to run through the index (one per disjoint family).</summary>
    public static Schema[] IndexSchemata(string ftmSchema) => ftmSchema switch
    {
        "Person" => [Schema.Person],
        "Organization" or "PublicBody" => [Schema.Organization],
        "Company" => [Schema.Company],
        "LegalEntity" => [Schema.LegalEntity],
        "Vessel" => [Schema.Vessel],
        "Airplane" => [Schema.Airplane],
        "Vehicle" => [Schema.Vessel, Schema.Airplane],
        "Thing" => [Schema.LegalEntity, Schema.Vessel, Schema.Airplane],
        _ => [],
    };

    /// <summary>True when <paramref name="entitySchema"/> is <paramref name="filter"/> or one of its descendants
    /// (for <c>exclude_schema</c> and <c>/search?schema=</c>).</summary>
    public static bool IsA(Schema entitySchema, string filter) => filter switch
    {
        "Thing" => true,
        "LegalEntity" => entitySchema is not (Schema.Vessel or Schema.Airplane),
        "Organization" => entitySchema is Schema.Organization or Schema.Company,
        "Vehicle" => entitySchema is Schema.Vessel or Schema.Airplane,
        _ => string.Equals(entitySchema.Name(), filter, StringComparison.Ordinal),
    };
}
