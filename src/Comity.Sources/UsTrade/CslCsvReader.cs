using System.Collections.Immutable;
using Comity.Core.Model;
using Comity.Core.Text;
using Comity.Sources.Abstractions;
using Comity.Sources.Building;
using Comity.Sources.Common;

namespace Comity.Sources.UsTrade;

/// <summary>Reads the trade.gov Consolidated Screening List CSV (source <c>us-trade-csl</c>; LIST-FORMATS §2.1). Rows
/// that share an <c>_id</c> (the same OFAC entry on several Treasury lists) become one entity.</summary>
internal sealed class CslCsvReader : IListReader
{
    public const string Source = "us-trade-csl";

    private static readonly string[] Signature = ["_id", "source", "entity_number", "alt_names", "source_list_url", "ids"];

    public string Format => "us-csl-csv";

    public bool CanRead(ListProbe probe)
    {
        if (probe.IsDirectory || probe.Files.Count != 1)
        {
            return false;
        }

        var header = CsvTable.HeaderNames(ListProbe.HeadText(probe.Files[0]));
        return Signature.All(s => header.Contains(s, StringComparer.Ordinal));
    }

    public LoadResult Read(ListProbe probe, CancellationToken cancellationToken = default)
    {
        var file = probe.Files[0];
        var name = Path.GetFileName(file);
        var drafts = new Dictionary<string, EntityDraft>(StringComparer.Ordinal);
        var order = new List<string>();
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        var rows = 0;
        string? newest = null;
        using (var reader = Utf8File.OpenText(file))
        {
            string[]? header = null;
            foreach (var rec in CsvTable.Read(reader))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (header is null)
                {
                    header = rec.Cells.Select(c => c.Trim()).ToArray();
                    if (!Signature.All(s => header.Contains(s, StringComparer.Ordinal)))
                    {
                        throw new ListFormatException(name, "line 1", "not a Consolidated Screening List header");
                    }

                    continue;
                }

                if (rec.Unterminated || rec.Cells.Count != header.Length)
                {
                    diagnostics.Add(new Diagnostic(name, $"line {rec.Line}", "bad-row",
                        rec.Unterminated ? "unterminated quoted cell: skipped" : $"{rec.Cells.Count} cells, header has {header.Length}: skipped",
                        DiagnosticSeverity.Error));
                    continue;
                }

                rows++;
                var row = new Dictionary<string, string>(StringComparer.Ordinal);
                for (var i = 0; i < header.Length; i++)
                {
                    row[header[i]] = rec.Cells[i];
                }

                var id = TextValue.Clean(row["_id"]);
                var primary = TextValue.Clean(row["name"]);
                if (id is null || primary is null)
                {
                    diagnostics.Add(new Diagnostic(name, $"line {rec.Line}", "bad-row", "row has no _id or no name: skipped", DiagnosticSeverity.Error));
                    continue;
                }

                if (!drafts.TryGetValue(id, out var draft))
                {
                    draft = new EntityDraft(Source, id, SchemaOf(TextValue.Clean(row["type"])));
                    drafts[id] = draft;
                    order.Add(id);
                }

                AddRow(draft, row, name, rec.Line, diagnostics);
                if (TextValue.Clean(row["start_date"]) is { } start && (newest is null || string.CompareOrdinal(start, newest) > 0))
                {
                    newest = start;
                }
            }
        }

        var entities = ImmutableArray.CreateBuilder<Entity>(order.Count);
        foreach (var id in order)
        {
            if (drafts[id].BuildNamed() is { } e)
            {
                entities.Add(e);
            }
        }

        // The file carries no date: the newest start_date is the best available hint.
        var provenance = new Provenance(Source, "US International Trade Administration (trade.gov)", Format, newest,
            [SourceFiles.Describe(file)], ReadSupport.Counts((name, rows)));
        return new LoadResult(provenance, entities.ToImmutable(), diagnostics.ToImmutable());
    }

    private static void AddRow(EntityDraft d, Dictionary<string, string> row, string file, int line, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        string? Get(string column) => TextValue.Clean(row[column]);

        var sourceText = Get("source") ?? string.Empty;
        var list = ListCode(sourceText);
        var treasury = sourceText.EndsWith("Treasury Department", StringComparison.Ordinal);
        d.AddName(Get("name"), NameKind.Primary);
        foreach (var alias in ReadSupport.Split(row["alt_names"], "; "))
        {
            d.AddName(alias, NameKind.Alias);
        }

        d.AddProgram(list);
        foreach (var p in ReadSupport.Split(row["programs"], "; "))
        {
            d.AddProgram(p);
        }

        d.AddProperty("list", list);
        d.AddProperty("sourceList", sourceText);
        d.AddTopic(treasury ? "sanction" : list == "DTC" ? "debarment" : "export.control");
        if (treasury)
        {
            d.AddCrossReference("OFAC", Get("entity_number"));
        }

        d.AddTitle(Get("title"));
        foreach (var a in ReadSupport.Split(row["addresses"], "; "))
        {
            var comma = a.LastIndexOf(", ", StringComparison.Ordinal);
            var last = comma >= 0 ? a[(comma + 2)..] : a;
            var country = last.Length == 2 ? Countries.Resolve(last) : null;
            d.AddAddress(new Address(a, Country: country));
        }

        foreach (var c in ReadSupport.Split(row["nationalities"], "; "))
        {
            d.TryAddNationality(c);
        }

        foreach (var c in ReadSupport.Split(row["citizenships"], "; "))
        {
            d.TryAddCitizenship(c);
        }

        foreach (var dob in ReadSupport.Split(row["dates_of_birth"], "; "))
        {
            if (DateText.Parse(dob) is { } date)
            {
                d.AddBirthDate(date);
            }
            else
            {
                diagnostics.Add(new Diagnostic(file, $"line {line}", "bad-date", $"date of birth '{dob}' not understood; kept as raw text"));
                d.AddProperty("birthDateText", dob);
            }
        }

        foreach (var pob in ReadSupport.Split(row["places_of_birth"], "; "))
        {
            d.AddBirthPlace(pob);
        }

        foreach (var item in ReadSupport.Split(row["ids"], "; "))
        {
            AddId(d, item);
        }

        if (Get("start_date") is { } start && PartialDate.TryParseIso(start, out var s))
        {
            d.SetListedOn(s);
        }

        d.AddProperty("endDate", Get("end_date"));
        d.AddProperty("federalRegisterNotice", Get("federal_register_notice"));
        d.AddProperty("standardOrder", Get("standard_order"));
        d.AddProperty("licenseRequirement", Get("license_requirement"));
        d.AddProperty("licensePolicy", Get("license_policy"));
        d.AddIdentifier(IdentifierType.CallSign, Get("call_sign"));
        d.AddProperty("type", Get("vessel_type"));
        d.AddProperty("tonnage", Get("gross_tonnage"));
        d.AddProperty("grossRegisteredTonnage", Get("gross_registered_tonnage"));
        if (Get("vessel_flag") is { } flag)
        {
            d.AddProperty("flag", Countries.Resolve(flag) ?? flag);
        }

        d.AddProperty("owner", Get("vessel_owner"));
        d.AddRemark(Get("remarks"));
        d.AddProperty("sourceUrl", Get("source_list_url"));
        d.AddProperty("sourceUrl", Get("source_information_url"));
    }

    private static void AddId(EntityDraft d, string item)
    {
        var id = CslId.Parse(item);
        if (id is null)
        {
            return;
        }

        if (id.Type == "Gender")
        {
            d.Gender = (id.Number ?? string.Empty) switch
            {
                "Male" => Gender.Male,
                "Female" => Gender.Female,
                _ => d.Gender,
            };
            return;
        }

        if (IdentifierLabels.FromLabel(id.Type) is { } type && id.Number is not null)
        {
            var note = string.Join("; ", new[] { id.Type, id.Note() }.OfType<string>());
            d.AddIdentifier(type, id.Number, id.Country, note);
        }
        else
        {
            d.AddProperty("info", item);
        }
    }

    /// <summary>The short list code in the first parentheses of the <c>source</c> cell: <c>SDN</c>, <c>EL</c>,
    /// <c>NS-MBS</c> (from <c>NS-MBS List</c>).</summary>
    internal static string ListCode(string source)
    {
        var open = source.IndexOf('(', StringComparison.Ordinal);
        var close = open >= 0 ? source.IndexOf(')', open) : -1;
        if (open < 0 || close < 0)
        {
            return source;
        }

        var code = source[(open + 1)..close].Trim();
        return code.EndsWith(" List", StringComparison.Ordinal) ? code[..^5] : code;
    }

    private static Schema SchemaOf(string? type) => type switch
    {
        "Individual" => Schema.Person,
        "Entity" => Schema.Organization,
        "Vessel" => Schema.Vessel,
        "Aircraft" => Schema.Airplane,
        _ => Schema.LegalEntity,
    };
}
