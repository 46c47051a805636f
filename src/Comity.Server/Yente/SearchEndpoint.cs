using System.Text.Json;
using Comity.Core.Model;
using Comity.Server.Corpus;

namespace Comity.Server.Yente;

/// <summary><c>GET /search/{dataset}</c>: free-text search for interactive tools. Terms are ANDed over names and
/// all text (a name hit ranks first); <c>fuzzy</c> adds the matcher's name candidates; filters, facets, sorting and
/// paging as yente.</summary>
internal static class SearchEndpoint
{
    private const int MaxOffset = 9499;
    private const int Window = 9999;
    private static readonly string[] DefaultFacets = ["countries", "topics", "datasets"];

    public static IResult Handle(HttpContext context, string dataset, CorpusHost host)
    {
        try
        {
            var q = new QueryParams(context.Request.Query);
            var limit = q.Int("limit", 10, 0, 500);
            var offset = q.Int("offset", 0, 0, MaxOffset);
            var fuzzy = q.Bool("fuzzy", false);
            q.Bool("simple", false);
            var changed = q.ChangedSince();
            var schema = q.One("schema") ?? "Thing";
            if (!FtmSchemas.Names.Contains(schema, StringComparer.Ordinal))
            {
                throw new YenteException(StatusCodes.Status400BadRequest, "Invalid schema");
            }

            var filters = new List<(string Field, string Value)>();
            foreach (var f in q.Many("filter"))
            {
                var colon = f.IndexOf(':', StringComparison.Ordinal);
                if (colon <= 0)
                {
                    throw new YenteException(StatusCodes.Status400BadRequest, $"Invalid filter: {f}");
                }

                var field = f[..colon];
                filters.Add((field.StartsWith("properties.", StringComparison.Ordinal) ? field["properties.".Length..] : field, f[(colon + 1)..]));
            }

            var filterAnd = string.Equals(q.One("filter_op"), "AND", StringComparison.OrdinalIgnoreCase);
            var snapshot = host.Current ?? throw new YenteException(StatusCodes.Status503ServiceUnavailable, "Index not ready.");
            var scope = DatasetScope.Resolve(snapshot, dataset) ?? throw new YenteException(StatusCodes.Status404NotFound, "No such dataset.");
            var include = q.Many("include_dataset").Select(DatasetScope.Canonical).ToList();
            var exclude = q.Many("exclude_dataset").Select(DatasetScope.Canonical).ToList();
            var datasets = q.Many("datasets").Select(DatasetScope.Canonical).ToList();
            var excludeSchema = q.Many("exclude_schema");
            var countries = q.Many("countries");
            var topics = q.Many("topics");
            var terms = SearchView.Fold(q.One("q") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var view = snapshot.Search;

            var scores = new Dictionary<int, double>();
            if (fuzzy && terms.Length > 0)
            {
                // Fuzzy terms go through the one screening pipeline; every listing of a matched subject gets its score.
                var screener = new Comity.Application.Screening.Screener(snapshot.Corpus, new Comity.Application.Screening.ScreeningOptions { Limit = 200 });
                foreach (var hit in screener.ScreenCancellable(new Query { Names = [string.Join(' ', terms)], Schema = Schema.LegalEntity }, context.RequestAborted).Hits)
                {
                    foreach (var listing in hit.Listings)
                    {
                        if (view.Positions.TryGetValue(listing.EntityId, out var i))
                        {
                            scores[i] = Math.Max(scores.GetValueOrDefault(i), hit.Score);
                        }
                    }
                }
            }

            var hits = new List<(int Index, double Score)>();
            for (var i = 0; i < view.Entities.Length; i++)
            {
                var e = view.Entities[i];
                if (!scope.Contains(e.Source) || (include.Count > 0 && !include.Contains(e.Source)) || exclude.Contains(e.Source)
                    || (datasets.Count > 0 && !datasets.Contains(e.Source)) || !FtmSchemas.IsA(e.Schema, schema)
                    || excludeSchema.Any(x => FtmSchemas.IsA(e.Schema, x))
                    || (countries.Count > 0 && !e.AllCountries.Any(c => countries.Contains(c)))
                    || (topics.Count > 0 && !e.Topics.Any(t => topics.Contains(t)))
                    || (changed is { } since && snapshot.DataDate(e) <= since)
                    || (filters.Count > 0 && !Filter(e, filters, filterAnd)))
                {
                    continue;
                }

                double score;
                if (terms.Length == 0)
                {
                    score = 1;
                }
                else if (terms.All(t => view.Names[i].Contains(t, StringComparison.Ordinal)))
                {
                    score = 2;
                }
                else if (terms.All(t => view.Text[i].Contains(t, StringComparison.Ordinal)))
                {
                    score = 1;
                }
                else if (scores.TryGetValue(i, out var f))
                {
                    score = f;
                }
                else
                {
                    continue;
                }

                hits.Add((i, score));
            }

            var sorted = Sort(hits, view, q.Many("sort"));
            var facets = q.Many("facets");
            if (facets.Count == 0)
            {
                facets = DefaultFacets;
            }

            var total = Math.Min(sorted.Count, Window);
            var page = sorted.Skip(offset).Take(Math.Max(0, Math.Min(limit, Window - offset))).ToList();
            return WireJson.Ok(w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("results");
                foreach (var (index, _) in page)
                {
                    FtmWriter.Write(w, view.Entities[index], snapshot);
                }

                w.WriteEndArray();
                WriteFacets(w, facets, sorted.Select(h => view.Entities[h.Index]).ToList());
                w.WriteStartObject("total");
                w.WriteNumber("value", total);
                w.WriteString("relation", sorted.Count > Window ? "gte" : "eq");
                w.WriteEndObject();
                w.WriteNumber("limit", limit);
                w.WriteNumber("offset", offset);
                w.WriteEndObject();
            });
        }
        catch (YenteException e)
        {
            return e.ToResult();
        }
    }

    private static bool Filter(Entity e, List<(string Field, string Value)> filters, bool and)
    {
        var props = FtmProperties.Of(e);
        foreach (var group in filters.GroupBy(f => f.Field, StringComparer.Ordinal))
        {
            var values = group.Key switch
            {
                "schema" => [e.Schema.Name()],
                "datasets" => [e.Source],
                "countries" => e.AllCountries.ToList(),
                _ => props.FirstOrDefault(p => string.Equals(p.Key, group.Key, StringComparison.Ordinal)).Value ?? [],
            };
            bool Has(string v) => values.Any(x => string.Equals(x, v, StringComparison.OrdinalIgnoreCase) || x.StartsWith(v, StringComparison.OrdinalIgnoreCase));
            var ok = and ? group.All(f => Has(f.Value)) : group.Any(f => Has(f.Value));
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static List<(int Index, double Score)> Sort(List<(int Index, double Score)> hits, SearchView view, IReadOnlyList<string> sort)
    {
        IOrderedEnumerable<(int Index, double Score)>? ordered = null;
        foreach (var s in sort)
        {
            var parts = s.Split(':');
            var desc = parts.Length > 1 && string.Equals(parts[1], "desc", StringComparison.OrdinalIgnoreCase);
            Func<(int Index, double Score), string> key = parts[0] switch
            {
                "caption" => h => view.Entities[h.Index].Caption,
                "schema" => h => view.Entities[h.Index].Schema.Name(),
                "datasets" => h => view.Entities[h.Index].Source,
                _ => h => view.Entities[h.Index].Id,
            };
            ordered = ordered is null
                ? (desc ? hits.OrderByDescending(key, StringComparer.Ordinal) : hits.OrderBy(key, StringComparer.Ordinal))
                : (desc ? ordered.ThenByDescending(key, StringComparer.Ordinal) : ordered.ThenBy(key, StringComparer.Ordinal));
        }

        ordered ??= hits.OrderByDescending(h => h.Score);
        return [.. ordered.ThenBy(h => view.Entities[h.Index].Id, StringComparer.Ordinal)];
    }

    private static void WriteFacets(Utf8JsonWriter w, IReadOnlyList<string> facets, List<Entity> entities)
    {
        w.WriteStartObject("facets");
        foreach (var facet in facets)
        {
            Func<Entity, IEnumerable<string>>? values = facet switch
            {
                "countries" => e => e.AllCountries,
                "topics" => e => e.Topics,
                "datasets" => e => [e.Source],
                "schema" => e => [e.Schema.Name()],
                "identifiers" => e => e.Identifiers.Select(i => i.Value),
                "genders" => e => e.Gender == Gender.Unknown ? [] : [e.Gender.ToString().ToLowerInvariant()],
                _ => null,
            };
            if (values is null)
            {
                continue;
            }

            var counts = entities.SelectMany(values).GroupBy(v => v, StringComparer.Ordinal)
                .Select(g => (Name: g.Key, Count: g.Count()))
                .OrderByDescending(x => x.Count).ThenBy(x => x.Name, StringComparer.Ordinal).Take(100);
            w.WriteStartObject(facet);
            w.WriteString("label", facet);
            w.WriteStartArray("values");
            foreach (var (name, count) in counts)
            {
                w.WriteStartObject();
                w.WriteString("name", name);
                w.WriteString("label", name);
                w.WriteNumber("count", count);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }
}
