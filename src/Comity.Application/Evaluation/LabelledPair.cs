namespace Comity.Application.Evaluation;

/// <summary>One labelled pair of names: <see cref="Name1"/> (the query) against <see cref="Name2"/> (a listed
/// name), and whether they denote the same subject.</summary>
/// <param name="Name1">The query name.</param>
/// <param name="Name2">The listed name.</param>
/// <param name="Schema">FollowTheMoney schema of the pair, if given.</param>
/// <param name="IsMatch">True when both names denote the same subject.</param>
/// <param name="Kind">How the pair was made (<c>alias</c>, <c>typo1</c>, <c>similar_other</c>...), if given.</param>
/// <param name="Split"><c>dev</c> or <c>test</c>, if given.</param>
internal sealed record LabelledPair(string Name1, string Name2, string? Schema, bool IsMatch, string? Kind, string? Split);
