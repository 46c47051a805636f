using System.Globalization;
using System.Text.Json;
using Comity.Application.Lists;
using Comity.Core.Model;
using Comity.Server.Corpus;

namespace Comity.Server.Yente;

/// <summary>Writes entities as FtM JSON (yente's entity shape), with each listing's Sanction entity.</summary>
/// <remarks>The timestamps come from the data, never from a clock: <c>last_seen</c> is the data date of the
/// entity's list file (its publication date, else the latest date its entries record), <c>first_seen</c> the earliest
/// listing date (else the data date), <c>last_change</c> the entity's own last-amended date where the list gives one, else
/// the data date.</remarks>
internal static class FtmWriter
{
    /// <summary>Suffix of the id of the Sanction entity of a listing (<c>un-sc:QDi.291:sanction</c>).</summary>
    public const string SanctionSuffix = ":sanction";

    /// <summary>The list properties that carry the date an entry was last amended.</summary>
    private static readonly string[] ChangeProperties = ["modifiedAt", "lastUpdated", "lastUpdate"];

    /// <summary>The list properties that carry a date of an event of the listing (designation, amendment, status).</summary>


    /// <summary>Writes the entity fields; the caller opened the object and closes it (so scores can be added).</summary>
    public static void WriteFields(Utf8JsonWriter w, Entity e, CorpusSnapshot snapshot) => WriteFields(w, e, snapshot, Sanctions.None);

    public static void Write(Utf8JsonWriter w, Entity e, CorpusSnapshot snapshot) => Write(w, e, snapshot, Sanctions.None);

    /// <summary>Writes one entity; <paramref name="sanctions"/> says whether its listings' Sanction entities are
    /// embedded under <c>properties.sanctions</c> (as <c>/entities</c> does), referenced by id, or left out.</summary>
    public static void Write(Utf8JsonWriter w, Entity e, CorpusSnapshot snapshot, Sanctions sanctions)
    {
        w.WriteStartObject();
        WriteFields(w, e, snapshot, sanctions);
        w.WriteEndObject();
    }

    /// <summary>Writes the Sanction entity of one listing as a top-level entity (<c>/entities/{id}:sanction</c>).</summary>
    public static void WriteSanction(Utf8JsonWriter w, Entity listing, CorpusSnapshot snapshot)
    {
        w.WriteStartObject();
        WriteSanctionFields(w, listing, listing.Id, snapshot);
        w.WriteStartArray("datasets");
        w.WriteStringValue(listing.Source);
        w.WriteEndArray();
        w.WriteStartArray("referents");
        w.WriteEndArray();
        w.WriteBoolean("target", false);
        WriteTimes(w, listing, snapshot);
        w.WriteEndObject();
    }

    private static void WriteFields(Utf8JsonWriter w, Entity e, CorpusSnapshot snapshot, Sanctions sanctions)
    {
        var subject = snapshot.Corpus.Links.SubjectOf(e.Id);
        w.WriteString("id", e.Id);
        w.WriteString("caption", e.Caption);
        w.WriteString("schema", e.Schema.Name());
        w.WriteStartObject("properties");
        WriteProperties(w, FtmProperties.Of(e));
        if (sanctions != Sanctions.None)
        {
            // Every listing of the subject (this one and those linked to it) is one Sanction of the entity.
            var listings = subject is null ? [e] : subject.Entities.OrderBy(x => !string.Equals(x.Id, e.Id, StringComparison.Ordinal)).ThenBy(x => x.Id, StringComparer.Ordinal).ToList();
            w.WriteStartArray("sanctions");
            foreach (var listing in listings)
            {
                if (sanctions == Sanctions.Ids)
                {
                    w.WriteStringValue(listing.Id + SanctionSuffix);
                }
                else
                {
                    w.WriteStartObject();
                    WriteSanctionFields(w, listing, e.Id, snapshot);
                    w.WriteEndObject();
                }
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
        w.WriteStartArray("datasets");
        w.WriteStringValue(e.Source);
        if (subject is not null)
        {
            foreach (var source in subject.Entities.Select(x => x.Source).Where(s => !string.Equals(s, e.Source, StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                w.WriteStringValue(source);
            }
        }

        w.WriteEndArray();
        w.WriteStartArray("referents");
        if (subject is not null)
        {
            foreach (var id in subject.Entities.Select(x => x.Id).Where(id => !string.Equals(id, e.Id, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                w.WriteStringValue(id);
            }
        }

        w.WriteEndArray();
        w.WriteBoolean("target", subject is null ? e.Topics.Any(Topics.IsRisk) : subject.Entities.Any(x => x.Topics.Any(Topics.IsRisk)));
        WriteTimes(w, e, snapshot);
    }

    private static void WriteSanctionFields(Utf8JsonWriter w, Entity listing, string entityId, CorpusSnapshot snapshot)
    {
        var authority = snapshot.DatasetsBySource.TryGetValue(listing.Source, out var d) ? d.Provenance.Authority : listing.Source;
        var props = FtmProperties.Sanction(listing, authority);
        var entity = props.First(kv => string.Equals(kv.Key, "entity", StringComparison.Ordinal));
        entity.Value[0] = entityId;
        var caption = First(props, "program") ?? First(props, "programId") ?? authority;
        w.WriteString("id", listing.Id + SanctionSuffix);
        w.WriteString("caption", caption);
        w.WriteString("schema", "Sanction");
        w.WriteStartObject("properties");
        WriteProperties(w, props);
        w.WriteEndObject();
    }

    private static string? First(List<KeyValuePair<string, List<string>>> props, string name) =>
        props.FirstOrDefault(kv => string.Equals(kv.Key, name, StringComparison.Ordinal)).Value?[0];

    private static void WriteProperties(Utf8JsonWriter w, List<KeyValuePair<string, List<string>>> props)
    {
        foreach (var (name, values) in props)
        {
            w.WriteStartArray(name);
            foreach (var v in values)
            {
                w.WriteStringValue(v);
            }

            w.WriteEndArray();
        }
    }

    private static void WriteTimes(Utf8JsonWriter w, Entity e, CorpusSnapshot snapshot)
    {
        var (first, last, change) = Times(e, snapshot);
        w.WriteString("first_seen", SnapshotViews.Wire(first));
        w.WriteString("last_seen", SnapshotViews.Wire(last));
        w.WriteString("last_change", SnapshotViews.Wire(change));
    }

    /// <summary><c>first_seen</c>, <c>last_seen</c> and <c>last_change</c> of an entity, from its data.</summary>
    public static (DateTime FirstSeen, DateTime LastSeen, DateTime LastChange) Times(Entity e, CorpusSnapshot snapshot)
    {
        var last = DataDate(e.Source, snapshot);
        var first = Stamp(e.Property("first_seen")) ?? FtmProperties.ListingDates(e).Select(Stamp).Min() ?? last;
        var change = Stamp(e.Property("last_change"))
            ?? ChangeProperties.Select(p => Stamp(e.Property(p))).Max()
            ?? last;
        first = first > last ? last : first;
        change = change > last ? last : change < first ? first : change;
        return (first, last, change);
    }

    /// <summary>The data date of a dataset, as <c>/v1/lists</c> and the coverage checks report it (one definition:
    /// <see cref="ListStatuses.DataDate(ScreeningCorpus, string)"/>).</summary>
    public static DateTime DataDate(string source, CorpusSnapshot snapshot) => ListStatuses.DataDate(snapshot.Corpus, source);

    /// <summary>A date or timestamp from the data (<c>2024-02-23</c>, <c>2024-02-23T09:00:00</c>), as UTC.</summary>
    private static DateTime? Stamp(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t))
        {
            return Second(t);
        }

        return FtmValues.Date(text) is { } date && PartialDate.TryParseIso(date, out var d) ? d.Earliest.ToDateTime(TimeOnly.MinValue) : null;
    }

    private static DateTime Second(DateTime t) => new(t.Year, t.Month, t.Day, t.Hour, t.Minute, t.Second, DateTimeKind.Utc);
}

/// <summary>How an entity's Sanction entities are written.</summary>
internal enum Sanctions
{
    /// <summary>Not written (<c>/match</c> and <c>/search</c> results, as yente).</summary>
    None,

    /// <summary>As ids under <c>properties.sanctions</c> (<c>/entities?nested=false</c>).</summary>
    Ids,

    /// <summary>As nested entities under <c>properties.sanctions</c> (<c>/entities</c>).</summary>
    Nested,
}
