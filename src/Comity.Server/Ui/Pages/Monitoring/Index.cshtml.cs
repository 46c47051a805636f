using System.Globalization;
using System.Text.Json;
using Comity.Application.Monitoring;
using Comity.Server.Security;
using Comity.Server.Ui.Security;

namespace Comity.Server.Ui.Pages.Monitoring;

/// <summary>Continuous monitoring at a glance: every portfolio with its profile, threshold, subjects and shards (the
/// corpus version each was screened against, the day of its decisions, whether it is behind the corpus in force), as
/// <c>GET /v1/portfolios</c> through <see cref="MonitorService"/>.</summary>
[UiRole(AccessRole.Analyst)]
internal sealed class IndexModel(MonitorService monitor) : UiPage
{
    public IReadOnlyList<PortfolioStatus> Portfolios { get; private set; } = [];

    public async Task OnGetAsync() => Portfolios = await monitor.StatusAsync(HttpContext.RequestAborted);

    /// <summary>A portfolio's screener profile in words ("DE, financial, US person"), or that it has none.</summary>
    public static string Profile(string json)
    {
        PortfolioProfile p;
        try
        {
            p = PortfolioProfile.FromJson(json);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or ArgumentException or FormatException)
        {
            return "unreadable profile";
        }

        if (!p.HasProfile)
        {
            return "none (matches only, no decision)";
        }

        var parts = new List<string> { p.Jurisdiction!, p.Role.ToString().ToLowerInvariant() };
        if (p.UsPerson)
        {
            parts.Add("US person");
        }

        if (p.UsNexus)
        {
            parts.Add("US nexus");
        }

        if (p.UsSubsidiary)
        {
            parts.Add("US subsidiary");
        }

        parts.AddRange(p.Assumptions ?? []);
        return string.Join(", ", parts);
    }

    public static string Threshold(double t) => t.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>The alert queue filtered by a portfolio.</summary>
    public static string AlertsOf(string portfolio) => "/ui/alerts?portfolio=" + Uri.EscapeDataString(portfolio);

    public static string PageOf(string portfolio) => "/ui/monitoring/" + Uri.EscapeDataString(portfolio);
}
