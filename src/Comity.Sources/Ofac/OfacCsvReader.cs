using System.Collections.Immutable;
using System.Globalization;
using Comity.Core.Model;
using Comity.Core.Text;
using Comity.Sources.Abstractions;
using Comity.Sources.Building;
using Comity.Sources.Common;

namespace Comity.Sources.Ofac;

/// <summary>Reads the OFAC legacy CSV family (<c>ofac-csv</c>, LIST-FORMATS §1.1): a folder with the primary table
/// (SDN.CSV or CONS_PRIM.CSV) and optional address, alias and comments tables, or a lone primary file. Tables are
/// recognised by content; the file name only chooses between the SDN and the consolidated dataset name. An auxiliary
/// table read alone (no primary file) loads with 0 entities and every row reported as an orphan.</summary>
internal sealed class OfacCsvReader : IListReader
{
    public const string SdnSource = "us-ofac-sdn";
    public const string ConsSource = "us-ofac-cons";
    public const string Authority = "US Treasury OFAC";
    private const int RemarksLimit = 1000;

    public string Format => "ofac-csv";

    /// <summary>A table file; a folder only when it holds a primary table and nothing but OFAC tables and
    /// documentation — a folder that also holds another list is not claimed, so that list is not silently left out.</summary>
    public bool CanRead(ListProbe probe) => probe.IsDirectory
        ? probe.Files.Any(f => Classify(f) == OfacCsvTable.Primary) && probe.Files.All(f => Classify(f) != OfacCsvTable.Unknown || Documentation.Is(f))
        : Classify(probe.Path) != OfacCsvTable.Unknown;

    public LoadResult Read(ListProbe probe, CancellationToken cancellationToken = default)
    {
        var tables = Tables(probe);
        var primary = tables.GetValueOrDefault(OfacCsvTable.Primary);
        var named = primary ?? tables.Values.Single();
        var source = Path.GetFileName(named).StartsWith("cons", StringComparison.OrdinalIgnoreCase) ? ConsSource : SdnSource;
        var diagnostics = new List<Diagnostic>();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var lines = new Dictionary<int, int>();
        var remarks = new Dictionary<int, string>();
        SortedDictionary<int, EntityDraft> drafts;
        if (primary is null)
        {
            drafts = [];
            diagnostics.Add(new Diagnostic(Path.GetFileName(named), "line 1", "no-primary", "auxiliary OFAC table read alone: without the primary table (SDN.CSV or CONS_PRIM.CSV) its rows belong to no entity and are reported as orphans"));
        }
        else
        {
            drafts = ReadPrimary(primary, source, diagnostics, counts, lines, remarks);
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (tables.TryGetValue(OfacCsvTable.Comments, out var comments))
        {
            ReadComments(comments, drafts, remarks, diagnostics, counts);
        }

        var primaryName = Path.GetFileName(named);
        foreach (var (num, d) in drafts)
        {
            if (remarks.GetValueOrDefault(num)?.Trim() is { Length: > 0 } r)
            {
                d.AddRemark(r);
                var where = $"line {lines[num]}";
                OfacRemarks.Apply(d, r, item => diagnostics.Add(new Diagnostic(primaryName, where, "bad-date", $"ent_num {num}: date not understood: '{item}'")));
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (tables.TryGetValue(OfacCsvTable.Alias, out var aliases))
        {
            ReadAliases(aliases, drafts, diagnostics, counts);
        }

        if (tables.TryGetValue(OfacCsvTable.Address, out var addresses))
        {
            ReadAddresses(addresses, drafts, diagnostics, counts);
        }

        var files = tables.Values.Order(StringComparer.Ordinal).Select(SourceFiles.Describe).ToImmutableArray();
        var provenance = new Provenance(source, Authority, Format, null, files, counts.ToImmutableDictionary(StringComparer.Ordinal));
        var entities = drafts.Values.Select(d => d.Build()).ToImmutableArray();
        return new LoadResult(provenance, entities, [.. diagnostics]);
    }

    private static OfacCsvTable Classify(string file)
    {
        try
        {
            return OfacCsvFile.Classify(ListProbe.HeadText(file));
        }
        catch (IOException)
        {
            return OfacCsvTable.Unknown;
        }
    }

    private static Dictionary<OfacCsvTable, string> Tables(ListProbe probe)
    {
        var tables = new Dictionary<OfacCsvTable, string>();
        if (!probe.IsDirectory)
        {
            if (new FileInfo(probe.Path).Length == 0)
            {
                throw new ListFormatException(Path.GetFileName(probe.Path), "line 1", "empty file");
            }

            var kind = Classify(probe.Path);
            if (kind == OfacCsvTable.Unknown)
            {
                throw new ListFormatException(Path.GetFileName(probe.Path), "line 1", "not an OFAC CSV table (expected the 12-column primary table: ent_num, SDN_Name, SDN_Type, ..., or an address, alias or comments table)");
            }

            tables[kind] = probe.Path;
            return tables;
        }

        foreach (var file in probe.Files)
        {
            var table = Classify(file);
            if (table == OfacCsvTable.Unknown)
            {
                continue;
            }

            if (tables.TryGetValue(table, out var other))
            {
                throw new ListFormatException(Path.GetFileName(file), "line 1", $"a second {table} table in the folder (first: {Path.GetFileName(other)}); a folder holds one publication");
            }

            tables[table] = file;
        }

        if (!tables.ContainsKey(OfacCsvTable.Primary))
        {
            throw new ListFormatException(probe.Path, "folder", "no OFAC primary CSV table (SDN.CSV or CONS_PRIM.CSV) found");
        }

        return tables;
    }

    private static SortedDictionary<int, EntityDraft> ReadPrimary(string path, string source, List<Diagnostic> diagnostics, Dictionary<string, int> counts, Dictionary<int, int> lines, Dictionary<int, string> remarks)
    {
        var file = Path.GetFileName(path);
        var rows = OfacCsvFile.ReadRows(path);
        counts[file] = rows.Count;
        var drafts = new SortedDictionary<int, EntityDraft>();
        foreach (var row in rows)
        {
            var f = row.Fields;
            var where = $"line {row.Line}";
            if (row.UnbalancedQuote)
            {
                diagnostics.Add(UnbalancedQuote(file, row));
                continue;
            }

            if (f.Length != 12)
            {
                diagnostics.Add(new Diagnostic(file, where, "bad-row", $"expected 12 columns, found {f.Length}; row skipped", DiagnosticSeverity.Error));
                continue;
            }

            if (!TryEntNum(f[0], out var num))
            {
                diagnostics.Add(new Diagnostic(file, where, "bad-row", $"ent_num '{f[0]}' is not a number; row skipped", DiagnosticSeverity.Error));
                continue;
            }

            Schema? schema = Clean(f[2]) switch
            {
                null => Schema.Organization,
                "individual" => Schema.Person,
                "vessel" => Schema.Vessel,
                "aircraft" => Schema.Airplane,
                _ => null,
            };
            var name = Clean(f[1]);
            if (schema is null || name is null)
            {
                diagnostics.Add(new Diagnostic(file, where, "bad-row", schema is null ? $"unknown SDN_Type '{f[2]}'; row skipped" : "empty SDN_Name; row skipped", DiagnosticSeverity.Error));
                continue;
            }

            if (drafts.ContainsKey(num))
            {
                diagnostics.Add(new Diagnostic(file, where, "duplicate-id", $"ent_num {num} repeats an earlier row; row skipped", DiagnosticSeverity.Error));
                continue;
            }

            var id = num.ToString(CultureInfo.InvariantCulture);
            var d = new EntityDraft(source, id, schema.Value);
            d.AddTopic("sanction");
            d.AddCrossReference("OFAC", id);
            d.AddName(Name(name, NameKind.Primary, schema.Value));
            if (Clean(f[3]) is { } programs)
            {
                foreach (var p in programs.Split("] [", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    d.AddProgram(p.Trim('[', ']', ' '));
                }
            }

            if (Clean(f[4]) is { } title)
            {
                d.AddTitle(title);
            }

            if (Clean(f[5]) is { } callSign)
            {
                d.AddProperty("callSign", callSign);
                d.AddIdentifier(new Identifier(IdentifierType.CallSign, callSign));
            }

            d.AddProperty("vesselType", Clean(f[6]));
            d.AddProperty("tonnage", Clean(f[7]));
            d.AddProperty("grossRegisteredTonnage", Clean(f[8]));
            if (Clean(f[9]) is { } flag)
            {
                d.AddProperty("flag", Countries.Resolve(flag) ?? flag);
            }

            d.AddProperty("owner", Clean(f[10]));
            if (f[11] is { } remark)
            {
                remarks[num] = remark;
            }

            drafts[num] = d;
            lines[num] = row.Line;
        }

        if (drafts.Count == 0)
        {
            throw new ListFormatException(file, "line 1", "no readable OFAC primary rows");
        }

        return drafts;
    }

    private static void ReadComments(string path, SortedDictionary<int, EntityDraft> drafts, Dictionary<int, string> remarks, List<Diagnostic> diagnostics, Dictionary<string, int> counts)
    {
        var file = Path.GetFileName(path);
        var rows = OfacCsvFile.ReadRows(path);
        counts[file] = rows.Count;
        foreach (var row in rows)
        {
            var where = $"line {row.Line}";
            if (!Shape(row, 2, file, diagnostics, out var num))
            {
                continue;
            }

            if (!drafts.ContainsKey(num))
            {
                diagnostics.Add(new Diagnostic(file, where, "orphan-comment", $"ent_num {num} is not in the primary table; continuation ignored"));
                continue;
            }

            var length = remarks.GetValueOrDefault(num)?.Length ?? 0;
            if (length != RemarksLimit)
            {
                diagnostics.Add(new Diagnostic(file, where, "comment-mismatch", $"ent_num {num}: Remarks are {length} characters, not {RemarksLimit}, so this continuation does not belong to them (files from different publications?); not appended"));
                continue;
            }

            remarks[num] += row.Fields[1];
        }
    }

    private static void ReadAliases(string path, SortedDictionary<int, EntityDraft> drafts, List<Diagnostic> diagnostics, Dictionary<string, int> counts)
    {
        var file = Path.GetFileName(path);
        var rows = OfacCsvFile.ReadRows(path);
        counts[file] = rows.Count;
        var orphans = new HashSet<int>();
        foreach (var row in rows)
        {
            if (!Shape(row, 5, file, diagnostics, out var num))
            {
                continue;
            }

            if (!drafts.TryGetValue(num, out var d))
            {
                if (orphans.Add(num))
                {
                    diagnostics.Add(new Diagnostic(file, $"line {row.Line}", "orphan-alias", $"ent_num {num} is not in the primary table; its aliases are ignored"));
                }

                continue;
            }

            var name = Clean(row.Fields[3]);
            if (name is null)
            {
                diagnostics.Add(new Diagnostic(file, $"line {row.Line}", "bad-row", "empty alt_name; row skipped", DiagnosticSeverity.Error));
                continue;
            }

            var kind = string.Equals(Clean(row.Fields[2]), "fka", StringComparison.OrdinalIgnoreCase) ? NameKind.Former : NameKind.Alias;
            d.AddName(Name(name, kind, d.Schema));
        }
    }

    private static void ReadAddresses(string path, SortedDictionary<int, EntityDraft> drafts, List<Diagnostic> diagnostics, Dictionary<string, int> counts)
    {
        var file = Path.GetFileName(path);
        var rows = OfacCsvFile.ReadRows(path);
        counts[file] = rows.Count;
        var orphans = new HashSet<int>();
        foreach (var row in rows)
        {
            if (!Shape(row, 6, file, diagnostics, out var num))
            {
                continue;
            }

            if (!drafts.TryGetValue(num, out var d))
            {
                if (orphans.Add(num))
                {
                    diagnostics.Add(new Diagnostic(file, $"line {row.Line}", "orphan-address", $"ent_num {num} is not in the primary table; its addresses are ignored"));
                }

                continue;
            }

            var street = Clean(row.Fields[2]);
            var city = Clean(row.Fields[3]);
            var country = Clean(row.Fields[4]);
            var parts = new[] { street, city, country }.OfType<string>().ToArray();
            if (parts.Length == 0)
            {
                continue;
            }

            d.AddAddress(new Address(string.Join(", ", parts), street, city, null, null, country is null ? null : Countries.Resolve(country)));
        }
    }

    private static bool Shape(OfacCsvRow row, int columns, string file, List<Diagnostic> diagnostics, out int num)
    {
        num = 0;
        if (row.UnbalancedQuote)
        {
            diagnostics.Add(UnbalancedQuote(file, row));
            return false;
        }

        if (row.Fields.Length != columns)
        {
            diagnostics.Add(new Diagnostic(file, $"line {row.Line}", "bad-row", $"expected {columns} columns, found {row.Fields.Length}; row skipped", DiagnosticSeverity.Error));
            return false;
        }

        if (!TryEntNum(row.Fields[0], out num))
        {
            diagnostics.Add(new Diagnostic(file, $"line {row.Line}", "bad-row", $"ent_num '{row.Fields[0]}' is not a number; row skipped", DiagnosticSeverity.Error));
            return false;
        }

        return true;
    }

    private static Diagnostic UnbalancedQuote(string file, OfacCsvRow row) =>
        new(file, $"line {row.Line}", "bad-row", "unbalanced double quote; row skipped", DiagnosticSeverity.Error);

    private static string? Clean(string? value) => TextValue.Clean(value);

    private static bool TryEntNum(string? text, out int num) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out num) && num > 0;

    /// <summary>Individuals are written <c>FAMILY, Given</c>: split on the first <c>", "</c>. Other names keep their
    /// commas (<c>ANGLO-CARIBBEAN CO., LTD.</c>).</summary>
    internal static EntityName Name(string full, NameKind kind, Schema schema)
    {
        if (schema == Schema.Person)
        {
            var comma = full.IndexOf(", ", StringComparison.Ordinal);
            if (comma > 0)
            {
                var family = full[..comma].Trim();
                var given = full[(comma + 2)..].Trim();
                return new EntityName(full, kind, new NameParts(Given: given.Length == 0 ? null : given, Family: family));
            }
        }

        return new EntityName(full, kind);
    }
}
