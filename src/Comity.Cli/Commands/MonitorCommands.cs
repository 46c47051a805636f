using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Comity.Application.Monitoring;
using Comity.Storage.Monitoring;

namespace Comity.Cli.Commands;

/// <summary><c>comity monitor</c>: portfolios of subjects screened on add and again whenever the lists change.</summary>
internal static class MonitorCommands
{
    public const string DefaultPortfolio = "default";

    public static Command Create(CliContext context)
    {
        var monitor = new Command("monitor", "Continuous monitoring: portfolios screened on add and re-screened when the lists change (alerts, decision memory, events, webhooks).");
        monitor.Subcommands.Add(Add(context));
        monitor.Subcommands.Add(List(context));
        monitor.Subcommands.Add(Get(context));
        monitor.Subcommands.Add(Remove(context));
        monitor.Subcommands.Add(Rescreen(context));
        monitor.Subcommands.Add(Events(context));
        monitor.Subcommands.Add(Webhook(context));
        return monitor;
    }

    private static Option<string> PortfolioOption() => new("--portfolio", "-p") { Description = "The portfolio (default: default).", DefaultValueFactory = _ => DefaultPortfolio };

    private static Command Add(CliContext context)
    {
        var input = new Argument<string>("input") { Description = "CSV of customers with a header and an id column (the same columns as comity screen), or - for standard input." };
        var portfolio = PortfolioOption();
        var db = MonitorStore.Db();
        var lists = CorpusOptions.List();
        var threshold = new Option<double?>("--threshold") { Description = "A new portfolio's match threshold (default: the calibrated one)." };
        var shardSize = new Option<int?>("--shard-size") { Description = "A new portfolio's subjects per re-screen job (default 50,000)." };
        var map = new Option<string[]>("--map") { Description = "Bind a column to a field: COLUMN=FIELD (repeatable).", Arity = ArgumentArity.ZeroOrMore };
        var allowSkipped = new Option<bool>("--allow-skipped") { Description = "Exit 0 even when rows were refused (default: exit 4)." };
        var format = new Option<string>("--format") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        var profile = new ProfileOptions();
        var cmd = new Command("add", "Add (or update) the subjects of a CSV to a portfolio and screen them now; new matches become alerts. The first add creates the portfolio with the profile given (--jurisdiction, --role, ...: decisions are then made as of each screening's day). Exit 4 when rows were refused.")
        {
            input, portfolio, db, lists, threshold, shardSize, map, allowSkipped, format,
        };
        foreach (var o in profile.All.Where(o => o != profile.AsOf))
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(async (r, ct) =>
        {
            var name = r.GetValue(portfolio)!;
            CheckName(name);
            var json = Format(r.GetValue(format)!);
            if (r.GetValue(threshold) is { } t && t is < 0 or > 1)
            {
                throw new UsageException($"--threshold {t.ToString(CultureInfo.InvariantCulture)}: must be in [0, 1]");
            }

            if (r.GetValue(shardSize) is { } s && s < 1)
            {
                throw new UsageException($"--shard-size {s}: must be at least 1");
            }

            var law = profile.Build(r, context);
            var listPaths = CorpusOptions.Paths(r, lists);
            using var csv = ScreenCommand.OpenInput(context, r.GetValue(input)!, ScreenCommand.ParseMappings(r.GetValue(map)));
            if (csv.UnrecognisedMessage is { } unrecognised)
            {
                context.Error.WriteLine($"comity: {unrecognised}");
            }

            await using var store = await MonitorStore.OpenAsync(r.GetValue(db)!, context, mustExist: false, ct).ConfigureAwait(false);
            var corpus = CorpusOptions.Load(context, listPaths);
            var service = MonitorStore.Service(store, corpus, context, r);
            var existing = await store.Monitoring.GetPortfolioAsync(name, ct).ConfigureAwait(false);
            var profileGiven = law is not null || r.GetValue(threshold) is not null || r.GetValue(shardSize) is not null;
            if (existing is null || profileGiven)
            {
                try
                {
                    await service.EnsurePortfolioAsync(name, PortfolioProfile.From(law?.Profile), r.GetValue(threshold), r.GetValue(shardSize), "cli", ct).ConfigureAwait(false);
                }
                catch (Storage.StoreException e)
                {
                    throw new UsageException(e.Message, e);
                }
            }

            var inputs = csv.Rows().Select(row => new SubjectInput(row.Query?.Id, row.Query, row.Error, row.Line));
            var report = await service.AddAsync(name, inputs, "cli", p =>
            {
                if (context.ErrorIsTerminal)
                {
                    context.Error.Write($"\rcomity: {p.Processed:N0} rows, {p.AlertsCreated:N0} alerts");
                }
            }, ct).ConfigureAwait(false);
            if (context.ErrorIsTerminal)
            {
                context.Error.WriteLine();
            }

            foreach (var e in report.Errors)
            {
                context.Error.WriteLine($"comity: {e}");
            }

            if (json)
            {
                context.Out.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
                {
                    ["portfolio"] = report.Portfolio,
                    ["run_id"] = report.RunId,
                    ["corpus_version"] = report.CorpusVersion,
                    ["added"] = report.Added,
                    ["updated"] = report.Updated,
                    ["unchanged"] = report.Unchanged,
                    ["matches"] = report.Matches,
                    ["alerts_created"] = report.AlertsCreated,
                    ["errors"] = report.Errors,
                }));
            }
            else
            {
                context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"portfolio {report.Portfolio}: {report.Added:N0} added, {report.Updated:N0} updated, {report.Unchanged:N0} unchanged, {report.Errors.Count:N0} refused; {report.Matches:N0} with a match, {report.AlertsCreated:N0} alerts created (run {report.RunId}, corpus {report.CorpusVersion})"));
            }

            return report.Errors.Count > 0 && !r.GetValue(allowSkipped) ? ExitCodes.SkippedRows : ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command List(CliContext context)
    {
        var portfolio = new Option<string?>("--portfolio", "-p") { Description = "List the subjects of this portfolio (default: list the portfolios)." };
        var db = MonitorStore.Db();
        var offset = new Option<int>("--offset") { DefaultValueFactory = _ => 0 };
        var limit = new Option<int>("--limit") { DefaultValueFactory = _ => 100 };
        var cmd = new Command("list", "The portfolios (name, profile, threshold, subjects), or with --portfolio its subjects as JSON Lines.") { portfolio, db, offset, limit };
        cmd.SetAction(async (r, ct) =>
        {
            await using var store = await MonitorStore.OpenAsync(r.GetValue(db)!, context, mustExist: true, ct).ConfigureAwait(false);
            if (r.GetValue(portfolio) is { } name)
            {
                if (await store.Monitoring.GetPortfolioAsync(name, ct).ConfigureAwait(false) is null)
                {
                    throw new UsageException($"--portfolio {name}: no such portfolio");
                }

                if (r.GetValue(limit) is < 1 or > 100_000)
                {
                    throw new UsageException("--limit: from 1 to 100000");
                }

                var (items, total) = await store.Monitoring.PageSubjectsAsync(name, Math.Max(0, r.GetValue(offset)), r.GetValue(limit), ct).ConfigureAwait(false);
                foreach (var s in items)
                {
                    context.Out.WriteLine(SubjectJson(s, null));
                }

                context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"comity: {items.Count:N0} of {total:N0} subjects"));
                return ExitCodes.Ok;
            }

            var list = await store.Monitoring.ListPortfoliosAsync(ct).ConfigureAwait(false);
            context.Out.WriteLine($"{"portfolio",-24} {"subjects",10} {"threshold",9}  profile");
            foreach (var p in list)
            {
                context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{p.Name,-24} {p.Subjects,10:N0} {p.Threshold,9:0.00}  {p.ProfileJson}"));
            }

            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Get(CliContext context)
    {
        var id = new Argument<string>("id") { Description = "The subject's id." };
        var portfolio = PortfolioOption();
        var db = MonitorStore.Db();
        var cmd = new Command("get", "One subject as JSON: its query, current hits (a cleared one names the alert that cleared it) and every alert monitoring raised for it. Exit 1 when there is no such subject.") { id, portfolio, db };
        cmd.SetAction(async (r, ct) =>
        {
            await using var store = await MonitorStore.OpenAsync(r.GetValue(db)!, context, mustExist: true, ct).ConfigureAwait(false);
            var name = r.GetValue(portfolio)!;
            var found = await store.Monitoring.GetSubjectsAsync(name, [r.GetValue(id)!], ct).ConfigureAwait(false);
            if (found.Count == 0)
            {
                context.Error.WriteLine($"comity: portfolio {name} has no subject '{r.GetValue(id)}'");
                return ExitCodes.Negative;
            }

            var pairs = await store.Monitoring.GetPairsAsync(name, [found[0].SubjectId], ct).ConfigureAwait(false);
            context.Out.WriteLine(SubjectJson(found[0], pairs));
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Remove(CliContext context)
    {
        var ids = new Argument<string[]>("id") { Description = "Subject ids to stop monitoring (their alerts stay).", Arity = ArgumentArity.OneOrMore };
        var portfolio = PortfolioOption();
        var db = MonitorStore.Db();
        var cmd = new Command("remove", "Stop monitoring subjects (their alerts stay). Exit 1 when none of them was in the portfolio.") { ids, portfolio, db };
        cmd.SetAction(async (r, ct) =>
        {
            await using var store = await MonitorStore.OpenAsync(r.GetValue(db)!, context, mustExist: true, ct).ConfigureAwait(false);
            var name = r.GetValue(portfolio)!;
            if (await store.Monitoring.GetPortfolioAsync(name, ct).ConfigureAwait(false) is null)
            {
                throw new UsageException($"--portfolio {name}: no such portfolio");
            }

            var service = MonitorStore.Service(store, null, context, r);
            var n = await service.RemoveAsync(name, r.GetValue(ids)!, "cli", ct).ConfigureAwait(false);
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"portfolio {name}: {n} subject(s) removed"));
            return n > 0 ? ExitCodes.Ok : ExitCodes.Negative;
        });
        return cmd;
    }

    private static Command Rescreen(CliContext context)
    {
        var portfolio = new Option<string?>("--portfolio", "-p") { Description = "Only this portfolio (default: every portfolio)." };
        var db = MonitorStore.Db();
        var lists = CorpusOptions.List();
        var full = new Option<bool>("--full") { Description = "Screen every subject again (default: only what changed since each shard's corpus version: the delta)." };
        var enqueueOnly = new Option<bool>("--enqueue-only") { Description = "Only enqueue the jobs (for comity worker processes or servers to take)." };
        var cmd = new Command("rescreen", "Bring portfolios to the corpus in force (the lists, --list or --data-dir): plan the delta (or --full) re-screen jobs, then run them here unless --enqueue-only. Prints what each job did.") { portfolio, db, lists, full, enqueueOnly };
        cmd.SetAction(async (r, ct) =>
        {
            var listPaths = CorpusOptions.Paths(r, lists);
            await using var store = await MonitorStore.OpenAsync(r.GetValue(db)!, context, mustExist: true, ct).ConfigureAwait(false);
            if (r.GetValue(portfolio) is { } p && await store.Monitoring.GetPortfolioAsync(p, ct).ConfigureAwait(false) is null)
            {
                throw new UsageException($"--portfolio {p}: no such portfolio");
            }

            var corpus = CorpusOptions.Load(context, listPaths);
            var service = MonitorStore.Service(store, corpus, context, r);
            service.Log += line => context.Error.WriteLine($"comity: {line}");
            var jobs = r.GetValue(full)
                ? await service.EnqueueFullAsync(r.GetValue(portfolio), "cli", ct).ConfigureAwait(false)
                : await service.PlanAsync(corpus, null, "cli", ct).ConfigureAwait(false);
            context.Error.WriteLine($"comity: {jobs} job(s) enqueued for corpus {corpus.Version}");
            if (r.GetValue(enqueueOnly))
            {
                return ExitCodes.Ok;
            }

            var reports = await service.RunPendingAsync(WorkerCommand.DefaultNode("cli"), ct).ConfigureAwait(false);
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"job",-38} {"portfolio",-16} {"shard",5} {"kind",-5} {"screened",9} {"redecided",9} {"alerts",7} {"closed",7} {"reopened",8} {"decisions",9}"));
            foreach (var j in reports)
            {
                context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{j.JobId,-38} {j.Portfolio,-16} {j.Shard,5} {j.Kind,-5} {j.Screened,9:N0} {j.Redecided,9:N0} {j.AlertsCreated,7:N0} {j.AlertsClosed,7:N0} {j.Reopened,8:N0} {j.DecisionsChanged,9:N0}"));
            }

            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Events(CliContext context)
    {
        var after = new Option<long>("--after") { Description = "Events after this sequence number.", DefaultValueFactory = _ => 0 };
        var limit = new Option<int>("--limit") { DefaultValueFactory = _ => 1000 };
        var portfolio = new Option<string?>("--portfolio", "-p") { Description = "Only this portfolio's events." };
        var db = MonitorStore.Db();
        var cmd = new Command("events", "The event feed as JSON Lines (the body each webhook receives), after a sequence number.") { after, limit, portfolio, db };
        cmd.SetAction(async (r, ct) =>
        {
            if (r.GetValue(limit) is < 1 or > 100_000)
            {
                throw new UsageException("--limit: from 1 to 100000");
            }

            await using var store = await MonitorStore.OpenAsync(r.GetValue(db)!, context, mustExist: true, ct).ConfigureAwait(false);
            foreach (var e in await store.Monitoring.ReadEventsAsync(r.GetValue(after), r.GetValue(limit), r.GetValue(portfolio), ct).ConfigureAwait(false))
            {
                context.Out.WriteLine(WebhookDispatcher.Envelope(e));
            }

            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Webhook(CliContext context)
    {
        var webhook = new Command("webhook", "Webhooks of a portfolio.");
        var url = new Argument<string>("url") { Description = "http(s) URL that receives every event of the portfolio (POST, JSON, HMAC-SHA256 signed)." };
        var portfolio = PortfolioOption();
        var db = MonitorStore.Db();
        var secret = new Option<string?>("--secret") { Description = "The signing secret (at least 16 characters; default: a random one, printed once)." };
        var max = new Option<int>("--max-attempts") { Description = "Attempts before a delivery is a dead letter.", DefaultValueFactory = _ => new MonitorOptions().WebhookMaxAttempts };
        var add = new Command("add", "Add a webhook; prints its id and secret.") { url, portfolio, db, secret, max };
        add.SetAction(async (r, ct) =>
        {
            var u = r.GetValue(url)!;
            if (!Uri.TryCreate(u, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                throw new UsageException($"{u}: expected an absolute http or https URL");
            }

            if (r.GetValue(secret) is { Length: < 16 })
            {
                throw new UsageException("--secret: at least 16 characters");
            }

            if (r.GetValue(max) is < 1 or > 100)
            {
                throw new UsageException("--max-attempts: from 1 to 100");
            }

            await using var store = await MonitorStore.OpenAsync(r.GetValue(db)!, context, mustExist: true, ct).ConfigureAwait(false);
            var name = r.GetValue(portfolio)!;
            if (await store.Monitoring.GetPortfolioAsync(name, ct).ConfigureAwait(false) is null)
            {
                throw new UsageException($"--portfolio {name}: no such portfolio");
            }

            var hook = await store.Monitoring.AddWebhookAsync(name, u, r.GetValue(secret) ?? WebhookSignature.NewSecret(), r.GetValue(max), "cli", ct).ConfigureAwait(false);
            context.Out.WriteLine($"webhook {hook.Id} → {hook.Url} (secret {hook.Secret}; max attempts {hook.MaxAttempts})");
            return ExitCodes.Ok;
        });
        var listPortfolio = PortfolioOption();
        var listDb = MonitorStore.Db();
        var list = new Command("list", "The portfolio's webhooks with delivery counts.") { listPortfolio, listDb };
        list.SetAction(async (r, ct) =>
        {
            await using var store = await MonitorStore.OpenAsync(r.GetValue(listDb)!, context, mustExist: true, ct).ConfigureAwait(false);
            foreach (var h in await store.Monitoring.ListWebhooksAsync(r.GetValue(listPortfolio)!, ct).ConfigureAwait(false))
            {
                var counts = string.Join(", ", h.Deliveries.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key} {kv.Value}"));
                context.Out.WriteLine($"{h.Id} {h.Url} max {h.MaxAttempts}{(h.RemovedAt is null ? string.Empty : " (removed)")}: {counts}");
            }

            return ExitCodes.Ok;
        });
        webhook.Subcommands.Add(add);
        webhook.Subcommands.Add(list);
        return webhook;
    }

    private static void CheckName(string name)
    {
        try
        {
            MonitorService.CheckName(name);
        }
        catch (ArgumentException e)
        {
            throw new UsageException("--portfolio " + e.Message, e);
        }
    }

    private static bool Format(string format) => format switch
    {
        "table" => false,
        "json" => true,
        _ => throw new UsageException($"--format {format}: expected table or json"),
    };

    private static string SubjectJson(StoredSubject s, IReadOnlyList<MonitorPair>? pairs)
    {
        var state = SubjectHits.FromJson(s.StateJson);
        var o = new System.Text.Json.Nodes.JsonObject
        {
            ["id"] = s.SubjectId,
            ["seq"] = s.Seq,
            ["query"] = System.Text.Json.Nodes.JsonNode.Parse(s.QueryJson),
            ["match"] = s.HasMatch,
            ["action"] = state.Overall,
            ["hits"] = System.Text.Json.Nodes.JsonNode.Parse(state.ToJson())!["hits"]!.DeepClone(),
        };
        if (pairs is not null)
        {
            o["alerts"] = new System.Text.Json.Nodes.JsonArray([.. pairs.Select(p => (System.Text.Json.Nodes.JsonNode)new System.Text.Json.Nodes.JsonObject
            {
                ["alert_id"] = p.AlertId,
                ["entity_id"] = p.EntityId,
                ["status"] = Storage.StorageCodes.Code(p.Status),
                ["live"] = p.Live,
                ["reason"] = p.Reason,
                ["detail"] = p.Detail,
            })]);
        }

        return o.ToJsonString();
    }
}
