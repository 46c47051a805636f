namespace Comity.Law;

/// <summary>A reporting duty the law sets: to whom, within how many days (<paramref name="Days"/>: <c>calendar</c> or
/// <c>business</c>) or when (<c>forthwith</c>), under which provision.</summary>
public sealed record ReportDuty(string To, int? WithinDays, string? Days, string? When, string Basis, bool Unconfirmed);
