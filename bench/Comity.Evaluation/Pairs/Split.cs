using Comity.Evaluation.Text;

namespace Comity.Evaluation.Pairs;

/// <summary>Assigns rows to <c>dev</c> (70 %, for tuning) or <c>test</c> (30 %, held out) by a stable hash of an id,
/// so that every row of one entity lands in the same split in every run.</summary>
internal static class Split
{
    public const string Dev = "dev";
    public const string Test = "test";

    public static string Of(string id) => StableHash.Fnv1a(id) % 100 < 70 ? Dev : Test;
}
