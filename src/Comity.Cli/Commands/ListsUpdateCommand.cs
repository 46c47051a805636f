using System.CommandLine;
using System.Globalization;
using Comity.Application.Lists;

namespace Comity.Cli.Commands;

/// <summary><c>comity lists update</c>: fetch, check and store the official files; switch the current set atomically.
/// Exit 0 when every source is current and at least one changed, 6 when nothing changed, 5 when a source failed.</summary>
internal static class ListsUpdateCommand
{
    public static Command Create(CliContext context)
    {
        var source = new Option<string[]>("--source") { Description = "Update only this source (repeatable; default: every source of the sources file).", Arity = ArgumentArity.ZeroOrMore };
        var sources = SourcesOption();
        var url = new Option<string[]>("--url") { Description = "SOURCE=URL: fetch this source from URL for this run (repeatable; a source of several files takes a base URL ending in /).", Arity = ArgumentArity.ZeroOrMore };
        var acceptShrink = new Option<bool>("--accept-shrink") { Description = "Accept a download whose entity count dropped by more than the source's max_shrink." };
        var keep = new Option<int?>("--keep") { Description = "Versions kept per source (default: the sources file's fetch.keep, 5)." };
        var cmd = new Command("update", "Download the official lists (conditional GET, time-outs, size limit, retries), parse and check each completely, store it content-addressed with provenance and switch the current set atomically. Exit 0: updated; 6: nothing changed; 5: a source failed (its previous version stays).")
        {
            source, sources, url, acceptShrink, keep,
        };
        cmd.SetAction(async (r, ct) =>
        {
            var store = DataDirOption.Store(r, create: true)
                ?? throw new UsageException("lists update: --data-dir DIR (or COMITY_DATA_DIR) is required: it names the writable store of downloaded versions");
            var config = LoadSources(r.GetValue(sources));
            foreach (var u in r.GetValue(url) ?? [])
            {
                var i = u.IndexOf('=', StringComparison.Ordinal);
                if (i <= 0 || i == u.Length - 1)
                {
                    throw new UsageException($"--url {u}: expected SOURCE=URL");
                }

                config = Wrap(() => config.WithUrl(u[..i].Trim(), u[(i + 1)..].Trim()));
            }

            if (r.GetValue(keep) is { } k && k < 1)
            {
                throw new UsageException($"--keep {k}: must be at least 1");
            }

            var options = new UpdateOptions { Only = r.GetValue(source) ?? [], AcceptShrink = r.GetValue(acceptShrink), Keep = r.GetValue(keep) };
            foreach (var name in options.Only)
            {
                if (config.Find(name) is null)
                {
                    throw new UsageException($"--source {name}: not in {config.Path}; known: {string.Join(", ", config.Sources.Select(s => s.Name))}");
                }
            }

            using var http = ListFetcher.CreateClient();
            var updater = new ListUpdater(store, config, http, context.Time);
            updater.Progress += line => context.Error.WriteLine($"comity: {line}");
            var report = await updater.UpdateAsync(options, ct).ConfigureAwait(false);
            Print(context.Out, report);
            var updated = report.Sources.Count(s => s.Outcome == UpdateOutcome.Updated);
            var unchanged = report.Sources.Count(s => s.Outcome == UpdateOutcome.Unchanged);
            var failed = report.Sources.Count(s => s.Outcome == UpdateOutcome.Failed);
            context.Error.WriteLine($"comity: {updated} updated, {unchanged} unchanged, {failed} failed (data dir {store.Root})");
            return report.AnyFailed ? ExitCodes.UpdateFailed : report.AnyUpdated ? ExitCodes.Ok : ExitCodes.NothingChanged;
        });
        return cmd;
    }

    internal static Option<string?> SourcesOption() => new("--sources") { Description = "The sources file (default: data/sources.json)." };

    internal static SourcesConfig LoadSources(string? path) =>
        Wrap(() => path is null ? SourcesConfig.LoadDefault() : SourcesConfig.Load(path));

    private static T Wrap<T>(Func<T> f)
    {
        try
        {
            return f();
        }
        catch (SourcesFileException e)
        {
            throw new UsageException(e.Message, e);
        }
    }

    private static void Print(TextWriter o, UpdateReport report)
    {
        var inv = CultureInfo.InvariantCulture;
        o.WriteLine(string.Create(inv, $"{"source",-14} {"outcome",-10} {"version",-12} {"entities",9} {"data date",-10}  message"));
        foreach (var s in report.Sources)
        {
            var v = s.Current;
            var outcome = s.Outcome switch { UpdateOutcome.Updated => "updated", UpdateOutcome.Unchanged => "unchanged", _ => "FAILED" };
            var date = v?.DataDate is { } d ? d.ToString("yyyy-MM-dd", inv) : "-";
            o.WriteLine(string.Create(inv, $"{s.Source,-14} {outcome,-10} {v?.ShortId ?? "-",-12} {v?.Entities ?? 0,9:N0} {date,-10}  {(s.Outcome == UpdateOutcome.Failed ? (v is null ? "no version kept: " : "previous version kept: ") : string.Empty)}{s.Message}"));
        }
    }
}
