using System.Collections.Immutable;
using Comity.Core.Model;
using Comity.Core.Text;
using Comity.Sources.Abstractions;
using Comity.Sources.Building;
using Comity.Sources.Common;
using Comity.Sources.Spreadsheets;

namespace Comity.Sources.Uk;

/// <summary>Reads the FCDO UK Sanctions List 8-column OpenDocument summary (one row per designation, primary name
/// only; LIST-FORMATS §5.3). Useful as an index (Unique ID ↔ OFSI Group ID) more than as a screening source.</summary>
internal sealed class FcdoOdsReader : IListReader
{
    private static readonly string[] Required = ["Unique ID", "OFSI Group ID", "Name", "Regime Name", "Type"];

    public string Format => "fcdo-ods";

    public bool CanRead(ListProbe probe)
    {
        if (probe.IsDirectory || probe.Files.Count != 1 || TabularFile.KindOf(probe.Files[0]) != TabularKind.Ods)
        {
            return false;
        }

        var rows = TabularFile.HeadRows(probe.Files[0], 1);
        return rows.Count == 1 && new HeaderMap(rows[0]).HasAll(Required);
    }

    public LoadResult Read(ListProbe probe, CancellationToken cancellationToken = default)
    {
        var path = probe.Files[0];
        var file = Path.GetFileName(path);
        var diagnostics = new List<Diagnostic>();
        var entities = ImmutableArray.CreateBuilder<Entity>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        HeaderMap? h = null;
        var rows = 0;
        foreach (var row in OdsReader.ReadRows(path))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (h is null)
            {
                h = new HeaderMap(row);
                if (!h.HasAll(Required))
                {
                    throw new ListFormatException(file, row.Location, "no FCDO header row (Unique ID, OFSI Group ID, Name, Regime Name, Type)");
                }

                continue;
            }

            rows++;
            var id = h.Text(row, "Unique ID");
            var schema = UkText.SchemaOf(h.Text(row, "Type"));
            if (id is null || schema is null)
            {
                diagnostics.Add(new Diagnostic(file, row.Location, "bad-row", id is null ? "no Unique ID; skipped" : $"Type '{h.Text(row, "Type")}' not recognised; skipped", DiagnosticSeverity.Error));
                continue;
            }

            if (!seen.Add(id))
            {
                diagnostics.Add(new Diagnostic(file, row.Location, "duplicate-id", $"Unique ID {id} repeated; skipped", DiagnosticSeverity.Error));
                continue;
            }

            var draft = new EntityDraft(FcdoMapper.Source, id, schema.Value);
            draft.AddTopic("sanction");
            draft.AddCrossReference("UKSL", id);
            draft.AddCrossReference("OFSI", h.Text(row, "OFSI Group ID"));
            if (h.Text(row, "Name") is { } name)
            {
                draft.AddName(new EntityName(name));
            }
            else
            {
                diagnostics.Add(new Diagnostic(file, row.Location, "no-name", $"designation {id} has no name (whitespace-only cell); kept for its identifiers"));
            }

            draft.AddProgram(h.Text(row, "Regime Name"));
            draft.ListedOn = DateText.Single(h.Text(row, "Date Designated") ?? string.Empty);
            draft.AddProperty("designationSource", h.Text(row, "Designation source"));
            draft.AddProperty("sanctionsImposed", h.Text(row, "Sanctions Imposed"));
            entities.Add(draft.Build());
        }

        if (h is null)
        {
            throw new ListFormatException(file, "row 1", "empty sheet: no FCDO header row");
        }

        var provenance = new Provenance(
            FcdoMapper.Source,
            FcdoMapper.Authority,
            Format,
            null,
            [SourceFiles.Describe(path)],
            ImmutableDictionary<string, int>.Empty.Add("rows", rows));
        return new LoadResult(provenance, entities.ToImmutable(), [.. diagnostics]);
    }
}
