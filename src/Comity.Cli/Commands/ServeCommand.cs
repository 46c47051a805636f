using System.CommandLine;
using Comity.Server;

namespace Comity.Cli.Commands;

/// <summary><c>comity serve</c> (the HTTP API) and <c>comity audit verify</c>.</summary>
internal static class ServeCommand
{
    public static Command Serve()
    {
        var urls = new Option<string>("--urls") { Description = "Addresses to listen on.", DefaultValueFactory = _ => ServeOptions.DefaultUrls };
        var db = new Option<string>("--db") { Description = "sqlite:PATH (default, no setup) or postgres:CONNECTION_STRING.", DefaultValueFactory = _ => ServeOptions.DefaultDb };
        var lists = CorpusOptions.List();
        var keys = new Option<string?>("--keys") { Description = "JSON file of API keys {\"keys\":[{\"name\",\"role\",\"key\"}]}; also COMITY_API_KEYS=name:role:key;... Without keys the server binds to loopback only." };
        var noWatch = new Option<bool>("--no-watch") { Description = "Do not reload the lists when their files change." };
        var rate = new Option<int?>("--rate-limit") { Description = "Requests per second per API key (or client address)." };
        var cmd = new Command("serve", "Serve the yente-compatible and native HTTP API (alerts, reviews, audit log) until stopped.") { urls, db, lists, keys, noWatch, rate };
        cmd.SetAction(async (r, ct) =>
        {
            var defaults = new ServeOptions();
            var options = defaults with
            {
                Urls = r.GetValue(urls)!,
                Db = r.GetValue(db)!,
                Lists = r.GetValue(lists) is { Length: > 0 } l ? l : null,
                KeysFile = r.GetValue(keys),
                WatchLists = !r.GetValue(noWatch),
                RateLimitPerSecond = r.GetValue(rate) ?? defaults.RateLimitPerSecond,
            };
            return await ComityServer.RunAsync(options, ct).ConfigureAwait(false);
        });
        return cmd;
    }

    /// <summary>The audit commands (see <see cref="AuditCommands"/>).</summary>
    public static Command Audit() => AuditCommands.Create();
}
