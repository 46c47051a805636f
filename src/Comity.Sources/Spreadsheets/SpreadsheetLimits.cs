namespace Comity.Sources.Spreadsheets;

/// <summary>Limits that protect the spreadsheet readers against zip bombs and hostile files.</summary>
/// <param name="MaxEntries">Most entries a workbook archive may hold.</param>
/// <param name="MaxEntryBytes">Most uncompressed bytes read from one archive entry.</param>
/// <param name="MaxTotalBytes">Most uncompressed bytes read from the whole archive.</param>
/// <param name="MaxCompressionRatio">Largest uncompressed/compressed ratio accepted for an entry over 1 MiB.</param>
/// <param name="MaxColumns">Most columns a row may expand to (repeated ODS cells are capped by this).</param>
/// <param name="MaxRows">Most non-blank rows a sheet may yield (repeated ODS rows count once per repetition).</param>
internal sealed record SpreadsheetLimits(
    int MaxEntries = 2_000,
    long MaxEntryBytes = 512L * 1024 * 1024,
    long MaxTotalBytes = 1024L * 1024 * 1024,
    int MaxCompressionRatio = 200,
    int MaxColumns = 1_024,
    int MaxRows = 1_048_576)
{
    public static SpreadsheetLimits Default { get; } = new();
}
