using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Comity.Application.Lists;

namespace Comity.Cli.Commands;

/// <summary><c>comity lists diff [SOURCE] [--from V] [--to V] [--format table|json]</c>: entities added, removed and
/// changed (with the fields that changed) between two versions of a source.</summary>
internal static class ListsDiffCommand
{
    public static Command Create(CliContext context)
    {
        var source = new Argument<string?>("source") { Description = "One source (default: every source with a download).", Arity = ArgumentArity.ZeroOrOne };
        var from = new Option<string?>("--from") { Description = "Older version: an id prefix (see lists history) or 'bundled' (default: the version before --to)." };
        var to = new Option<string?>("--to") { Description = "Newer version: an id prefix or 'bundled' (default: the current version)." };
        var format = new Option<string>("--format") { Description = "table or json (one object with added, removed and changed counts and the entity lists).", DefaultValueFactory = _ => "table" };
        var sources = ListsUpdateCommand.SourcesOption();
        var cmd = new Command("diff", "Entities added, removed and changed (names, dates, identifiers, programmes, ...) between two versions of a source.") { source, from, to, format, sources };
        cmd.SetAction(r =>
        {
            var json = ParseFormat(r.GetValue(format)!);
            var store = DataDirOption.Store(r) ?? throw new UsageException("lists diff: --data-dir DIR (or COMITY_DATA_DIR) is required");
            var config = ListsUpdateCommand.LoadSources(r.GetValue(sources));
            var only = r.GetValue(source);
            if (only is null && (r.GetValue(from) is not null || r.GetValue(to) is not null))
            {
                throw new UsageException("lists diff: --from and --to need a SOURCE");
            }

            var names = only is null ? store.Sources() : [only];
            if (only is not null && store.History(only).Count == 0 && config.Find(only) is null)
            {
                throw new UsageException($"lists diff {only}: unknown source; sources with versions: {string.Join(", ", store.Sources())}");
            }

            var diffs = new List<ListDiff>();
            foreach (var n in names)
            {
                try
                {
                    diffs.Add(ListDiff.Compare(store, config, n, r.GetValue(from), r.GetValue(to)));
                }
                catch (ArgumentException e)
                {
                    throw new UsageException(e.Message, e);
                }
            }

            if (json)
            {
                var node = diffs.Count == 1 && only is not null
                    ? Json(diffs[0])
                    : new JsonObject { ["sources"] = new JsonArray([.. diffs.Select(d => (JsonNode)Json(d))]) };
                context.Out.WriteLine(node.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
                return 0;
            }

            foreach (var d in diffs)
            {
                Table(context.Out, d);
            }

            return 0;
        });
        return cmd;
    }

    internal static bool ParseFormat(string text) => text.Trim().ToLowerInvariant() switch
    {
        "table" => false,
        "json" => true,
        _ => throw new UsageException($"--format {text}: expected table or json"),
    };

    private static JsonObject Json(ListDiff d) => new()
    {
        ["source"] = d.Source,
        ["from"] = d.From,
        ["to"] = d.To,
        ["added"] = d.Added.Count,
        ["removed"] = d.Removed.Count,
        ["changed"] = d.Changed.Count,
        ["entities"] = new JsonObject
        {
            ["added"] = new JsonArray([.. d.Added.Select(e => (JsonNode)new JsonObject { ["entity_id"] = e.EntityId, ["caption"] = e.Caption })]),
            ["removed"] = new JsonArray([.. d.Removed.Select(e => (JsonNode)new JsonObject { ["entity_id"] = e.EntityId, ["caption"] = e.Caption })]),
            ["changed"] = new JsonArray([.. d.Changed.Select(e => (JsonNode)new JsonObject
            {
                ["entity_id"] = e.EntityId,
                ["caption"] = e.Caption,
                ["fields"] = new JsonArray([.. e.Fields.Select(f => (JsonNode?)JsonValue.Create(f))]),
            })]),
        },
    };

    private static void Table(TextWriter o, ListDiff d)
    {
        var inv = CultureInfo.InvariantCulture;
        o.WriteLine(string.Create(inv, $"{d.Source}: {d.From} -> {d.To}: {d.Added.Count:N0} added, {d.Removed.Count:N0} removed, {d.Changed.Count:N0} changed"));
        foreach (var e in d.Added)
        {
            o.WriteLine($"  + {e.EntityId,-28} {e.Caption}");
        }

        foreach (var e in d.Removed)
        {
            o.WriteLine($"  - {e.EntityId,-28} {e.Caption}");
        }

        foreach (var e in d.Changed)
        {
            o.WriteLine($"  ~ {e.EntityId,-28} {e.Caption}  [{string.Join(", ", e.Fields)}]");
        }
    }
}
