using System.CommandLine;
using Comity.Application.Corpus;
using Comity.Application.Monitoring;
using Comity.Application.Reviews;
using Comity.Law;
using Comity.Storage;

namespace Comity.Cli.Commands;

/// <summary>What the monitoring commands share: the <c>--db</c> option, opening the store, and a
/// <see cref="MonitorService"/> over a loaded corpus.</summary>
internal static class MonitorStore
{
    public static Option<string> Db() => new("--db") { Description = "The store: sqlite:PATH (default sqlite:comity.db) or postgres:CONNECTION_STRING.", DefaultValueFactory = _ => ComityStores.DefaultSpec };

    public static async Task<IComityStore> OpenAsync(string spec, CliContext context, bool mustExist, CancellationToken cancellationToken)
    {
        StoreSpec.Check(spec, mustExist);
        try
        {
            return await ComityStores.OpenAsync(spec, new StoreOptions { TimeProvider = context.Time, ReviewPolicy = FourEyesPolicy.Instance, AuditKey = Storage.Audit.AuditKeys.Resolve() }, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreException e)
        {
            throw new UsageException($"--db {Redact(spec)}: {e.Message}", e);
        }
        catch (System.Data.Common.DbException e)
        {
            throw new UsageException($"--db {Redact(spec)}: {e.Message}", e);
        }
    }

    public static MonitorService Service(IComityStore store, ScreeningCorpus? corpus, CliContext context, ParseResult r, MonitorOptions? options = null) =>
        new(store, () => corpus, new Lazy<LawEngine>(() => LawEngine.LoadDefault(DefaultCorpus.DataDirectory())), context.Time, options, DataDirOption.Store(r));

    /// <summary>A store spec without its password (for messages).</summary>
    public static string Redact(string spec) =>
        System.Text.RegularExpressions.Regex.Replace(spec, "(?i)(password|pwd)=[^;]*", "$1=***");
}
