using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Comity.Sources.Abstractions;
using Comity.Sources.Common;

namespace Comity.Sources.Ftm;

/// <summary>Reads FollowTheMoney entities: JSON Lines (one entity per line, as OpenSanctions' <c>entities.ftm.json</c>,
/// or delta lines <c>{"op": …, "entity": …}</c>) or one JSON array. Screenable schemata become entities; Sanction
/// entities attach their programme and listing date to their target, Identification/Passport entities their number to
/// the holder, Address entities their text to the entities that reference them. Source = the entity's first dataset,
/// else <c>ftm</c>.</summary>
internal sealed class FtmJsonReader : IListReader
{
    public const string DefaultSource = "ftm";

    public string Format => "ftm-json";

    public bool CanRead(ListProbe probe)
    {
        if (probe.IsDirectory || probe.Files.Count != 1)
        {
            return false;
        }

        var head = ListProbe.HeadText(probe.Files[0]).TrimStart();
        return (head.StartsWith('{') || head.StartsWith('['))
            && head.Contains("\"schema\"", StringComparison.Ordinal)
            && (head.Contains("\"properties\"", StringComparison.Ordinal) || head.Contains("\"op\"", StringComparison.Ordinal));
    }

    public LoadResult Read(ListProbe probe, CancellationToken cancellationToken = default)
    {
        var file = probe.Files[0];
        var name = Path.GetFileName(file);
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        var state = new FtmLinker();
        var lines = 0;
        var encoding = Utf8File.Validate(file);
        using (var stream = File.OpenRead(file))
        {
            var first = FirstByte(stream);
            stream.Position = 0;
            if (first == '[')
            {
                lines = ReadArray(stream, file, name, state, diagnostics, cancellationToken);
            }
            else if (first == '{')
            {
                lines = ReadLines(stream, encoding, name, state, diagnostics, cancellationToken);
            }
            else
            {
                throw new ListFormatException(name, "line 1", first < 0 ? "empty file" : "not FollowTheMoney JSON (expected '{' or '[')");
            }
        }

        var entities = state.Build(name, diagnostics);
        var sources = entities.Select(e => e.Source).Distinct(StringComparer.Ordinal).ToList();
        var provenance = new Provenance(sources.Count == 1 ? sources[0] : DefaultSource, "FollowTheMoney dataset", Format, state.Newest,
            [SourceFiles.Describe(file)], ReadSupport.Counts(("records", lines), ("entities", entities.Length), ("sanctions", state.SanctionCount)));
        return new LoadResult(provenance, entities, diagnostics.ToImmutable());
    }

    private static int ReadLines(Stream stream, Encoding encoding, string file, FtmLinker state, ImmutableArray<Diagnostic>.Builder diagnostics, CancellationToken ct)
    {
        using var reader = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: encoding is UTF8Encoding, leaveOpen: true);
        var lineNumber = 0;
        var records = 0;
        while (reader.ReadLine() is { } line)
        {
            ct.ThrowIfCancellationRequested();
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            records++;
            try
            {
                using var doc = JsonDocument.Parse(line);
                Accept(doc.RootElement, file, $"line {lineNumber}", state, diagnostics);
            }
            catch (JsonException ex)
            {
                diagnostics.Add(new Diagnostic(file, $"line {lineNumber}", "bad-json", "not a JSON object: " + ex.Message, DiagnosticSeverity.Error));
            }
        }

        return records;
    }

    private static int ReadArray(Stream stream, string path, string file, FtmLinker state, ImmutableArray<Diagnostic>.Builder diagnostics, CancellationToken ct)
    {
        var index = 0;
        try
        {
            foreach (var element in JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(stream, cancellationToken: ct).ToBlockingEnumerable(ct))
            {
                index++;
                Accept(element, file, $"[{index - 1}]", state, diagnostics, () => JsonStrings.LineOfLoneSurrogate(path));
            }
        }
        catch (JsonException ex)
        {
            throw new ListFormatException(file, $"line {(ex.LineNumber ?? 0) + 1}", "malformed JSON array: " + ex.Message, ex);
        }

        return index;
    }

    private static void Accept(JsonElement element, string file, string location, FtmLinker state, ImmutableArray<Diagnostic>.Builder diagnostics, Func<int?>? line = null)
    {
        if (JsonStrings.FirstInvalid(element) is { } path)
        {
            // An escaped lone surrogate ("\ud800x") parses but can never become a .NET string: the file is refused.
            if (line?.Invoke() is { } n)
            {
                location = $"line {n} ({location})";
            }

            throw new ListFormatException(file, location, $"invalid text at {path}: a lone surrogate escape (or invalid UTF-8) is not Unicode text; nothing from the file was loaded");
        }

        var record = FtmRecord.From(element);
        if (record is null)
        {
            if (!(element.ValueKind == JsonValueKind.Object && element.TryGetProperty("op", out _)))
            {
                diagnostics.Add(new Diagnostic(file, location, "bad-entity", "object has no id or no schema: skipped", DiagnosticSeverity.Error));
            }

            return;
        }

        state.Add(record, location);
    }

    private static int FirstByte(Stream stream)
    {
        int b;
        var bom = 0;
        while ((b = stream.ReadByte()) >= 0)
        {
            if (bom < 3 && b is 0xEF or 0xBB or 0xBF)
            {
                bom++;
                continue;
            }

            if (b is not (' ' or '\t' or '\r' or '\n'))
            {
                return b;
            }
        }

        return -1;
    }
}
