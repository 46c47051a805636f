using Comity.Core.Model;

namespace Comity.Evaluation.Pairs;

/// <summary>Groups of schemata that pairs are balanced over.</summary>
internal static class SchemaGroup
{
    public static readonly string[] All = ["Person", "Organization", "Vessel", "Airplane"];

    /// <summary><c>Person</c>, <c>Organization</c> (organisations, companies, unspecified legal entities),
    /// <c>Vessel</c> or <c>Airplane</c>.</summary>
    public static string Of(Schema schema) => schema switch
    {
        Schema.Person => "Person",
        Schema.Vessel => "Vessel",
        Schema.Airplane => "Airplane",
        _ => "Organization",
    };
}
