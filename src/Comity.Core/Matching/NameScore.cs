namespace Comity.Core.Matching;

/// <summary>The result of aligning one query name with one listed name.</summary>
/// <param name="Score">Name similarity in [0, 1].</param>
/// <param name="Rarity">Information of the matched tokens in [0, 1] (rare names near 1).</param>
/// <param name="NumberMismatch">Both names carry numbers and they differ (<c>Snow Storm 1</c> / <c>2</c>).</param>
/// <param name="LegalConflict">Conflicting legal forms (<c>AG</c> / <c>GmbH</c>).</param>
/// <param name="Detail">Token alignment, when asked for.</param>
internal readonly record struct NameScore(double Score, double Rarity, bool NumberMismatch, bool LegalConflict, string? Detail)
{
    public static readonly NameScore Zero = new(0, 0, false, false, null);
}
