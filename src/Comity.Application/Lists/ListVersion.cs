using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Comity.Application.Lists;

/// <summary>One downloaded file of a version, with the HTTP validators used for the next conditional GET.</summary>
internal sealed record StoredFile(string Name, string Url, string Sha256, long Bytes, string? ETag, string? LastModified, string? ContentType);

/// <summary>One accepted download of a source, stored content-addressed under <c>objects/{Id}</c>: where it came
/// from, when, what the file says about itself and how many entities it held.</summary>
/// <param name="Id">SHA-256 of the content (one file: the file's; several: of their names and hashes).</param>
/// <param name="Published">The publication date the file carries, as the reader found it (null when it has none).</param>
/// <param name="DataDate">The file's date, else the server's Last-Modified date.</param>
/// <param name="DataDateFrom"><c>file</c> or <c>last-modified</c> (or null when neither is known).</param>
internal sealed record ListVersion(
    string Id, string Source, DateTimeOffset FetchedAt, string Format, string? Published, DateOnly? DataDate, string? DataDateFrom, int Entities,
    ImmutableArray<StoredFile> Files)
{
    /// <summary>The first 12 hex digits of <see cref="Id"/>, as shown in tables and accepted by <c>--from</c>/<c>--to</c>.</summary>
    public string ShortId => Id[..12];

    /// <summary>The stored JSON form (also printed by <c>comity lists history --format json</c>).</summary>
    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["source"] = Source,
        ["fetched_at"] = FetchedAt.ToString("O", CultureInfo.InvariantCulture),
        ["format"] = Format,
        ["published"] = Published,
        ["data_date"] = DataDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["data_date_from"] = DataDateFrom,
        ["entities"] = Entities,
        ["files"] = new JsonArray([.. Files.Select(f => (JsonNode)new JsonObject
        {
            ["name"] = f.Name,
            ["url"] = f.Url,
            ["sha256"] = f.Sha256,
            ["bytes"] = f.Bytes,
            ["etag"] = f.ETag,
            ["last_modified"] = f.LastModified,
            ["content_type"] = f.ContentType,
        })]),
    };

    internal static ListVersion FromJson(JsonNode node)
    {
        var o = node.AsObject();
        DateOnly? date = o["data_date"]?.GetValue<string>() is { } d ? DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
        return new ListVersion(
            Req(o, "id"),
            Req(o, "source"),
            DateTimeOffset.Parse(Req(o, "fetched_at"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
            Req(o, "format"),
            o["published"]?.GetValue<string>(),
            date,
            o["data_date_from"]?.GetValue<string>(),
            o["entities"]?.GetValue<int>() ?? 0,
            [.. (o["files"]?.AsArray() ?? []).Select(f => new StoredFile(
                Req(f!.AsObject(), "name"), Req(f.AsObject(), "url"), Req(f.AsObject(), "sha256"), f["bytes"]?.GetValue<long>() ?? 0,
                f["etag"]?.GetValue<string>(), f["last_modified"]?.GetValue<string>(), f["content_type"]?.GetValue<string>()))]);
    }

    private static string Req(JsonObject o, string name) => o[name]?.GetValue<string>() ?? throw new FormatException($"missing '{name}'");
}
