using System.Text.RegularExpressions;

namespace Comity.Sources.Common;

/// <summary>UN Security Council reference numbers (<c>QDi.291</c>, <c>TAe.010</c>) as other lists cite them.</summary>
internal static partial class UnReferenceIds
{
    /// <summary>True for a UN reference number such as <c>QDi.291</c>.</summary>
    public static bool IsMatch(string value) => UnId().IsMatch(value);

    [GeneratedRegex(@"^[A-Z]{2}[ie]\.\d{1,4}$", RegexOptions.CultureInvariant)]
    private static partial Regex UnId();
}
