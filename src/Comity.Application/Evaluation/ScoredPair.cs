namespace Comity.Application.Evaluation;

/// <summary>A matcher score in [0, 1] for a labelled pair.</summary>
internal readonly record struct ScoredPair(double Score, bool IsMatch);
