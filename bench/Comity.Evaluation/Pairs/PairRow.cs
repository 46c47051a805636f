namespace Comity.Evaluation.Pairs;

/// <summary>One row of pairs.csv. <see cref="Name1"/> is the query, <see cref="Name2"/> the listed name.</summary>
internal sealed record PairRow(string Name1, string Name2, string Schema, bool IsMatch, string Kind, string Split, string Entity1, string Entity2);
