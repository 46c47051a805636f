using System.Text.Json;
using Comity.Application.Input;
using Comity.Application.Screening;
using Comity.Law;

namespace Comity.Application.Output;

/// <summary>Output formats of <c>comity screen</c>.</summary>
internal enum OutputFormat
{
    Jsonl,
    Csv,
}

/// <summary>Writes screening results, one record per input row (JSON Lines) or one line per hit (CSV). A row that could
/// not be screened is written too (<see cref="WriteError"/>): a JSON object with <c>error</c>, or a CSV line with the
/// <c>error</c> column set, so a batch job sees every input row in the output.</summary>
internal sealed class ScreeningWriter : IDisposable
{
    private static readonly string[] CsvHeader =
        ["row", "id", "query_name", "entity_id", "source", "source_id", "schema", "caption", "score", "match", "programs", "matched_name",
         "action", "conflict", "unconfirmed", "basis", "error"];

    private readonly Stream _stream;
    private readonly OutputFormat _format;
    private readonly Utf8JsonWriter _json;
    private readonly StreamWriter? _csv;

    public ScreeningWriter(Stream stream, OutputFormat format)
    {
        _stream = stream;
        _format = format;
        _json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = false });
        if (format == OutputFormat.Csv)
        {
            _csv = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
            _csv.WriteLine(string.Join(',', CsvHeader));
        }
    }

    /// <summary>Writes the result of one input row.</summary>
    public void Write(InputRow row, ScreeningResult result)
    {
        if (_format == OutputFormat.Csv)
        {
            WriteCsv(row, result);
            return;
        }

        var w = _json;
        w.Reset(_stream);
        w.WriteStartObject();
        w.WriteNumber("row", row.Row);
        JsonFormat.WriteNullable(w, "id", result.Query.Id);
        w.WritePropertyName("query");
        JsonFormat.WriteQuery(w, result.Query);
        w.WriteStartArray("hits");
        foreach (var hit in result.Hits)
        {
            HitJson.Write(w, hit);
        }

        w.WriteEndArray();
        if (result.Coverage is { } coverage)
        {
            w.WritePropertyName("coverage");
            Law.LawJson.Coverage(coverage).WriteTo(w);
        }

        w.WriteEndObject();
        w.Flush();
        _stream.WriteByte((byte)'\n');
    }

    /// <summary>Writes a row that could not be screened: its number, line and error.</summary>
    public void WriteError(InputRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var error = row.Error ?? "not screened";
        if (_format == OutputFormat.Csv)
        {
            var cells = new string[CsvHeader.Length];
            Array.Fill(cells, string.Empty);
            cells[0] = row.Row.ToString(System.Globalization.CultureInfo.InvariantCulture);
            cells[^1] = CsvCell.Escape(error);
            _csv!.WriteLine(string.Join(',', cells));
            return;
        }

        var w = _json;
        w.Reset(_stream);
        w.WriteStartObject();
        w.WriteNumber("row", row.Row);
        w.WriteNumber("line", row.Line);
        w.WriteString("error", error);
        w.WriteEndObject();
        w.Flush();
        _stream.WriteByte((byte)'\n');
    }

    private void WriteCsv(InputRow row, ScreeningResult result)
    {
        var csv = _csv!;
        foreach (var hit in result.Hits)
        {
            var e = hit.Entity;
            csv.WriteLine(string.Join(',', new[]
            {
                row.Row.ToString(System.Globalization.CultureInfo.InvariantCulture),
                CsvCell.Escape(result.Query.Id ?? string.Empty),
                CsvCell.Escape(result.Query.Names.FirstOrDefault() ?? string.Empty),
                CsvCell.Escape(e.Id),
                CsvCell.Escape(e.Source),
                CsvCell.Escape(e.SourceId),
                e.Schema.ToString(),
                CsvCell.Escape(e.Caption),
                JsonFormat.Number(hit.Score),
                hit.Match ? "true" : "false",
                CsvCell.Escape(string.Join(';', e.Programs)),
                CsvCell.Escape(hit.Scored.Explanation.MatchedName),
                hit.Decision is { } d ? d.Overall.ToWire() : string.Empty,
                hit.Decision is { } c ? (c.Conflict ? "true" : "false") : string.Empty,
                hit.Decision is { } u ? (u.Unconfirmed ? "true" : "false") : string.Empty,
                CsvCell.Escape(hit.Decision is { } b ? DecisionColumns.Basis(b) : string.Empty),
                string.Empty,
            }));
        }
    }

    public void Dispose()
    {
        _csv?.Flush();
        _csv?.Dispose();
        _json.Dispose();
        _stream.Flush();
    }
}
