using Comity.Core.Model;
using Comity.Law;

namespace Comity.Application.Screening;

/// <summary>The one screening request every front end builds: subjects, options (scope, weights, threshold, limit)
/// and the screener's profile (when given, every matching hit gets a decision).</summary>
internal sealed record ScreeningRequest(IReadOnlyList<Query> Subjects, ScreeningOptions Options, ScreenerProfile? Profile = null);
