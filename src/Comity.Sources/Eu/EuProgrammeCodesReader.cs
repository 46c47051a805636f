using System.Collections.Immutable;
using Comity.Sources.Abstractions;
using Comity.Sources.Common;
using Comity.Sources.Spreadsheets;

namespace Comity.Sources.Eu;

/// <summary>Reads the EU programme-code workbook (<c>eu-programme-codes</c>; a sheet with the columns CODE and TITLE,
/// e.g. <c>AFG</c> → <c>AFGHANISTAN</c>): a lookup table for the FSF <c>programme</c> attribute, not a list of
/// designations. It loads with 0 entities; the record count is the number of codes, and rows without a code or title
/// are reported.</summary>
internal sealed class EuProgrammeCodesReader : IListReader
{
    public const string Source = "eu-fsf-programmes";
    private const string CodeColumn = "CODE";
    private const string TitleColumn = "TITLE";

    public string Format => "eu-programme-codes";

    public bool CanRead(ListProbe probe)
    {
        if (probe.IsDirectory || probe.Files.Count != 1 || TabularFile.KindOf(probe.Files[0]) != TabularKind.Xlsx)
        {
            return false;
        }

        var rows = TabularFile.HeadRows(probe.Files[0], 1);
        return rows.Count == 1 && Header(rows[0]) is not null;
    }

    public LoadResult Read(ListProbe probe, CancellationToken cancellationToken = default)
    {
        var path = probe.Files[0];
        var file = Path.GetFileName(path);
        var diagnostics = new List<Diagnostic>();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        HeaderMap? h = null;
        foreach (var row in XlsxReader.ReadRows(path))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (h is null)
            {
                h = Header(row) ?? throw new ListFormatException(file, row.Location, "no CODE and TITLE header row: not an EU programme-code workbook");
                continue;
            }

            var code = h.Text(row, CodeColumn);
            var title = h.Text(row, TitleColumn);
            if (code is null || title is null)
            {
                diagnostics.Add(new Diagnostic(file, row.Location, "bad-row", code is null ? "programme code missing; row skipped" : $"programme {code} has no title; row skipped", DiagnosticSeverity.Error));
                continue;
            }

            if (!codes.Add(code))
            {
                diagnostics.Add(new Diagnostic(file, row.Location, "duplicate-id", $"programme code {code} repeats an earlier row; row skipped", DiagnosticSeverity.Error));
            }
        }

        if (h is null)
        {
            throw new ListFormatException(file, "row 1", "empty workbook");
        }

        var counts = ImmutableDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("programme", codes.Count)]);
        var provenance = new Provenance(Source, FsfEntityMapper.Authority, Format, null, [SourceFiles.Describe(path)], counts);
        return new LoadResult(provenance, [], [.. diagnostics]);
    }

    private static HeaderMap? Header(SheetRow row)
    {
        var h = new HeaderMap(row);
        return row.Cells.Count(c => !c.IsEmpty) == 2 && h.HasAll(CodeColumn, TitleColumn) ? h : null;
    }
}
