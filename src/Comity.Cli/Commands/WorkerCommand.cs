using System.CommandLine;
using System.Globalization;
using Comity.Application.Monitoring;

namespace Comity.Cli.Commands;

/// <summary><c>comity worker</c>: a process that takes re-screen jobs from the store's queue (shared with every other
/// worker and <c>comity serve</c> node on the same PostgreSQL) and delivers webhooks.</summary>
internal static class WorkerCommand
{
    public static string DefaultNode(string kind) => $"{kind}:{Environment.MachineName}:{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}";

    public static Command Create(CliContext context)
    {
        var db = MonitorStore.Db();
        var lists = CorpusOptions.List();
        var lease = new Option<double?>("--lease") { Description = "Seconds a taken job is leased (renewed every third of it); a killed worker's job is taken again after it (default 60)." };
        var poll = new Option<double?>("--poll") { Description = "Seconds an idle worker waits before looking again (default 2)." };
        var once = new Option<bool>("--once") { Description = "Plan, then work until nothing is left to do, and exit." };
        var node = new Option<string?>("--node") { Description = "This worker's name (the jobs' lease owner); default worker:HOST:PID." };
        var cmd = new Command("worker", "Take monitoring jobs for the corpus this process loads (the lists, --list or --data-dir) and deliver webhooks, until stopped. Plans the re-screens to the corpus first (idempotent across nodes).")
        {
            db, lists, lease, poll, once, node,
        };
        cmd.SetAction(async (r, ct) =>
        {
            var options = new MonitorOptions();
            if (r.GetValue(lease) is { } l)
            {
                options = options with { JobLease = Seconds("--lease", l) };
            }

            if (r.GetValue(poll) is { } p)
            {
                options = options with { PollInterval = Seconds("--poll", p) };
            }

            var listPaths = CorpusOptions.Paths(r, lists);
            await using var store = await MonitorStore.OpenAsync(r.GetValue(db)!, context, mustExist: false, ct).ConfigureAwait(false);
            var corpus = CorpusOptions.Load(context, listPaths);
            var service = MonitorStore.Service(store, corpus, context, r, options);
            var owner = r.GetValue(node) ?? DefaultNode("worker");
            service.Log += line => context.Error.WriteLine($"comity: {owner}: {line}");
            var planned = await service.PlanAsync(corpus, null, owner, ct).ConfigureAwait(false);
            context.Error.WriteLine($"comity: worker {owner} on corpus {corpus.Version}: {planned} job(s) planned; working");
            context.Error.Flush();
            using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, ConnectTimeout = TimeSpan.FromSeconds(10) }) { Timeout = Timeout.InfiniteTimeSpan };
            var webhooks = new WebhookDispatcher(service.Store, http, context.Time, options, owner);
            webhooks.Log += line => context.Error.WriteLine($"comity: {owner}: {line}");
            var worker = new MonitorWorker(service, webhooks, () => corpus, context.Time, owner);
            worker.Log += line => context.Error.WriteLine($"comity: {line}");
            try
            {
                await worker.RunAsync(r.GetValue(once), ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
            }

            context.Error.WriteLine($"comity: worker {owner}: {worker.JobsDone} job(s) done");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static TimeSpan Seconds(string option, double v) =>
        double.IsFinite(v) && v > 0 && v <= 86400 ? TimeSpan.FromSeconds(v) : throw new UsageException($"{option} {v.ToString(CultureInfo.InvariantCulture)}: expected a number of seconds from 0 to 86400");
}
