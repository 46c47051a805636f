using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Comity.Application.Lists;

namespace Comity.Cli.Commands;

/// <summary><c>comity lists history [SOURCE]</c>: the kept versions of each source in the data dir, the current one
/// marked, with provenance (URL, fetch time, data date, entities, sha256).</summary>
internal static class ListsHistoryCommand
{
    public static Command Create(CliContext context)
    {
        var source = new Argument<string?>("source") { Description = "One source (default: every source with a download).", Arity = ArgumentArity.ZeroOrOne };
        var format = new Option<string>("--format") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        var cmd = new Command("history", "The downloaded versions of each source (current marked *), with URL, fetch time, data date, entities and sha256.") { source, format };
        cmd.SetAction(r =>
        {
            var json = ListsDiffCommand.ParseFormat(r.GetValue(format)!);
            var store = DataDirOption.Store(r)
                ?? throw new UsageException("lists history: --data-dir DIR (or COMITY_DATA_DIR) is required");
            var only = r.GetValue(source);
            var current = store.Current();
            var names = only is null ? store.Sources() : [only];
            if (only is not null && store.History(only).Count == 0)
            {
                throw new UsageException($"lists history {only}: no downloaded version in {store.Root}; sources with versions: {string.Join(", ", store.Sources())}");
            }

            var inv = CultureInfo.InvariantCulture;
            if (json)
            {
                var o = new JsonObject
                {
                    ["data_dir"] = store.Root,
                    ["sources"] = new JsonArray([.. names.Select(n => (JsonNode)new JsonObject
                    {
                        ["source"] = n,
                        ["current"] = current.GetValueOrDefault(n),
                        ["versions"] = new JsonArray([.. store.History(n).Reverse().Select(v => (JsonNode)Json(v))]),
                    })]),
                };
                context.Out.WriteLine(o.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
                return 0;
            }

            context.Out.WriteLine(string.Create(inv, $"  {"source",-14} {"version",-12} {"fetched (UTC)",-20} {"data date",-10} {"from",-13} {"entities",9} {"format",-14} url"));
            foreach (var n in names)
            {
                foreach (var v in store.History(n).Reverse())
                {
                    var mark = current.GetValueOrDefault(n) == v.Id ? "*" : " ";
                    var date = v.DataDate is { } d ? d.ToString("yyyy-MM-dd", inv) : "-";
                    var url = v.Files.Length == 1 ? v.Files[0].Url : $"{v.Files.Length} files: {string.Join(", ", v.Files.Select(f => f.Name))}";
                    context.Out.WriteLine(string.Create(inv, $"{mark} {n,-14} {v.ShortId,-12} {v.FetchedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} {date,-10} {v.DataDateFrom ?? "-",-13} {v.Entities,9:N0} {v.Format,-14} {url}"));
                }
            }

            return 0;
        });
        return cmd;
    }

    private static JsonObject Json(ListVersion v)
    {
        var o = new JsonObject
        {
            ["version"] = v.ShortId,
        };
        foreach (var (k, value) in v.ToJson())
        {
            o[k] = value?.DeepClone();
        }

        return o;
    }
}
