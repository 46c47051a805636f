using System.Collections.Immutable;
using Comity.Core.Model;
using Comity.Core.Text;
using Comity.Sources.Abstractions;
using Comity.Sources.Building;
using Comity.Sources.Common;
using Comity.Sources.Spreadsheets;

namespace Comity.Sources.Au;

/// <summary>Reads the Australian DFAT Consolidated List workbook (<c>regulation8_consolidated.xlsx</c>; 12-column
/// layout and the 14-column 2025+ layout with Alias Strength and IMO Number; LIST-FORMATS §8). Rows are grouped by
/// the leading digits of Reference.</summary>
internal sealed class DfatXlsxReader : IListReader
{
    public const string Source = "au-dfat";
    public const string Authority = "Australian Government, Department of Foreign Affairs and Trade (DFAT)";

    private const string NameColumn = "Name of Individual or Entity";

    public string Format => "dfat-xlsx";

    public bool CanRead(ListProbe probe)
    {
        if (probe.IsDirectory || probe.Files.Count != 1 || TabularFile.KindOf(probe.Files[0]) != TabularKind.Xlsx)
        {
            return false;
        }

        var rows = TabularFile.HeadRows(probe.Files[0], 1);
        return rows.Count == 1 && new HeaderMap(rows[0]).HasAll("Reference", NameColumn, "Name Type", "Committees");
    }

    public LoadResult Read(ListProbe probe, CancellationToken cancellationToken = default)
    {
        var path = probe.Files[0];
        var file = Path.GetFileName(path);
        var diagnostics = new List<Diagnostic>();
        HeaderMap? h = null;
        var groups = new Dictionary<string, Group>(StringComparer.Ordinal);
        var order = new List<Group>();
        var rows = 0;
        double newest = 0;
        foreach (var row in XlsxReader.ReadRows(path))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (h is null)
            {
                h = new HeaderMap(row);
                if (!h.HasAll("Reference", NameColumn, "Name Type", "Type"))
                {
                    throw new ListFormatException(file, row.Location, "no DFAT header row (Reference, Name of Individual or Entity, Type, Name Type)");
                }

                continue;
            }

            rows++;
            var key = DfatText.GroupKey(h.Cell(row, "Reference"));
            var name = h.Text(row, NameColumn);
            if (key is null || name is null)
            {
                diagnostics.Add(new Diagnostic(file, row.Location, "bad-row",
                    key is null ? $"Reference '{h.Cell(row, "Reference")}' has no number; skipped" : "row has no name; skipped", DiagnosticSeverity.Error));
                continue;
            }

            if (!groups.TryGetValue(key, out var group))
            {
                var type = h.Text(row, "Type");
                var schema = type is not null && Schemata.TryParse(type, out var s) ? s : Schema.LegalEntity;
                if (type is null || schema == Schema.LegalEntity)
                {
                    diagnostics.Add(new Diagnostic(file, row.Location, "unknown-type", $"Type '{type}' not recognised; read as LegalEntity"));
                }

                group = new Group(new EntityDraft(Source, key, schema));
                group.Draft.AddTopic("sanction");
                groups.Add(key, group);
                order.Add(group);
            }

            AddRow(group, row, h, name, file, diagnostics);
            var control = h.Cell(row, "Control Date");
            if (control.IsNumber && control.Number > newest)
            {
                newest = control.Number;
            }
        }

        if (h is null)
        {
            throw new ListFormatException(file, "row 1", "empty workbook: no DFAT header row");
        }

        foreach (var g in order.Where(g => g.Draft.EnsurePrimary()))
        {
            diagnostics.Add(new Diagnostic(file, $"Reference {g.Draft.SourceId}", "no-primary-name", "no Primary Name row; the first alias is used as primary"));
        }

        var entities = order.Select(g => g.Build()).ToImmutableArray();
        var provenance = new Provenance(
            Source,
            Authority,
            Format,
            newest > 0 ? DateText.FromExcelSerial(newest).From.ToString() : null,
            [SourceFiles.Describe(path)],
            ImmutableDictionary<string, int>.Empty.Add("rows", rows).Add("references", entities.Length));
        return new LoadResult(provenance, entities, [.. diagnostics]);
    }

    private static void AddRow(Group group, SheetRow row, HeaderMap h, string name, string file, List<Diagnostic> diagnostics)
    {
        var draft = group.Draft;
        var nameType = h.Text(row, "Name Type");
        var kind = DfatText.KindOf(nameType, out var originalScript);
        if (kind is null)
        {
            diagnostics.Add(new Diagnostic(file, row.Location, "unknown-name-type", $"Name Type '{nameType}' not recognised; read as alias"));
            kind = NameKind.Alias;
        }

        if (kind == NameKind.Alias && h.Text(row, "Alias Strength") is { } strength
            && (strength.Contains("weak", StringComparison.OrdinalIgnoreCase) || strength.Contains("low", StringComparison.OrdinalIgnoreCase)))
        {
            kind = NameKind.WeakAlias;
        }

        draft.AddName(new EntityName(name, kind.Value, null, originalScript ? ScriptCodes.Of(name) : null));

        var dates = DfatText.BirthDates(h.Cell(row, "Date of Birth"), out var failed);
        foreach (var date in dates)
        {
            draft.AddBirthDate(date);
        }

        foreach (var bad in failed.Where(group.Reported.Add))
        {
            diagnostics.Add(new Diagnostic(file, row.Location, "bad-date", $"Date of Birth '{bad}' not understood; kept as property"));
            draft.AddProperty("birthDate", bad);
        }

        foreach (var place in DfatText.Lettered(h.Text(row, "Place of Birth")))
        {
            draft.AddBirthPlace(new Place(place, DfatText.CountryOf(place)));
        }

        foreach (var citizenship in DfatText.Lettered(h.Text(row, "Citizenship")))
        {
            var countries = CountryText.ResolveAll(citizenship);
            foreach (var iso in countries)
            {
                draft.AddNationality(iso);
            }

            if (countries.Count == 0)
            {
                draft.AddProperty("nationality", citizenship);
            }
        }

        foreach (var address in DfatText.Lettered(h.Text(row, "Address")))
        {
            draft.AddAddress(new Address(address, Country: DfatText.CountryOf(address)));
        }

        draft.AddRemark(h.Text(row, "Additional Information"));
        var listing = h.Cell(row, "Listing Information");
        draft.AddProperty("listingInformation", listing.IsNumber ? DfatText.ListedOn(listing)?.ToString() : h.Text(row, "Listing Information"));
        if (draft.ListedOn is null && DfatText.ListedOn(listing) is { } listed)
        {
            draft.ListedOn = listed;
        }

        draft.AddProgram(h.Text(row, "Committees"));
        if (h.Text(row, "IMO Number") is { } imo)
        {
            draft.AddCrossReference("IMO", imo);
            draft.AddIdentifier(new Identifier(IdentifierType.Imo, imo));
        }

        var control = h.Cell(row, "Control Date");
        if (control.IsNumber && control.Number > 2100 && control.Number > group.ControlDate)
        {
            group.ControlDate = control.Number;
        }
    }

    /// <summary>One reference being assembled.</summary>
    private sealed class Group(EntityDraft draft)
    {
        public EntityDraft Draft { get; } = draft;

        public HashSet<string> Reported { get; } = new(StringComparer.Ordinal);

        public double ControlDate { get; set; }

        public Entity Build()
        {
            if (ControlDate > 0)
            {
                Draft.AddProperty("lastUpdated", DateText.FromExcelSerial(ControlDate).From.ToString());
            }

            return Draft.Build();
        }
    }
}
