using System.Text.Json;

namespace Comity.Server.Yente;

/// <summary><c>POST /match/{dataset}</c>: query-by-example screening in yente's wire format.</summary>
internal static class MatchEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, string dataset, CorpusHost host)
    {
        try
        {
            var request = MatchRequest.FromParameters(new QueryParams(context.Request.Query));
            var snapshot = host.Current ?? throw new YenteException(StatusCodes.Status503ServiceUnavailable, "Index not ready.");
            var scope = DatasetScope.Resolve(snapshot, dataset) ?? throw new YenteException(StatusCodes.Status404NotFound, "No such dataset.");
            using var body = await WireJson.ReadBodyAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
            request = request.WithBody(body.RootElement);
            Hosting.TimeBudgetMiddleware.ForBatch(context, context.RequestServices.GetRequiredService<ServeOptions>(), request.Queries.Count);
            var answers = new List<KeyValuePair<string, MatchAnswer>>(request.Queries.Count);
            foreach (var (key, example) in request.Queries)
            {
                try
                {
                    answers.Add(new(key, YenteMatcher.Answer(snapshot, scope, request, example, context.RequestAborted)));
                }
                catch (Comity.Core.Model.QueryLimitException e)
                {
                    // 422 naming the query, so that the caller of a batch can find it.
                    var field = $"queries.{key}.{e.Violation.Field}";
                    throw new Comity.Core.Model.QueryLimitException(e.Violation with { Field = field, Message = $"{field}: {Native.ScreenRequest.Detail(e.Violation)}" });
                }
            }

            context.Response.Headers["x-batch-size"] = request.Queries.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return WireJson.Ok(w => Write(w, snapshot, request, answers));
        }
        catch (YenteException e)
        {
            return e.ToResult();
        }
    }

    private static void Write(Utf8JsonWriter w, CorpusSnapshot snapshot, MatchRequest request, List<KeyValuePair<string, MatchAnswer>> answers)
    {
        w.WriteStartObject();
        w.WriteStartObject("responses");
        foreach (var (key, answer) in answers)
        {
            w.WriteStartObject(key);
            w.WriteNumber("status", 200);
            w.WriteStartArray("results");
            foreach (var r in answer.Results)
            {
                WriteResult(w, snapshot, r);
            }

            w.WriteEndArray();
            w.WriteStartObject("total");
            w.WriteNumber("value", answer.Total);
            w.WriteString("relation", "eq");
            w.WriteEndObject();
            w.WriteStartObject("query");
            if (answer.Example.Id is { } id)
            {
                w.WriteString("id", id);
            }
            else
            {
                w.WriteNull("id");
            }

            w.WriteString("schema", answer.Example.Schema);
            w.WriteStartObject("properties");
            foreach (var (name, values) in answer.Example.Properties)
            {
                w.WriteStartArray(name);
                foreach (var v in values)
                {
                    w.WriteStringValue(v);
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteNumber("limit", request.Limit);
        w.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter w, CorpusSnapshot snapshot, Comity.Application.Screening.Hit r)
    {
        w.WriteStartObject();
        FtmWriter.WriteFields(w, r.Scored.Entity, snapshot);
        w.WriteNumber("score", r.Score);
        w.WriteBoolean("match", r.Match);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        w.WriteStartObject("features");
        foreach (var f in r.Scored.Explanation.Features)
        {
            if (seen.Add(f.Feature))
            {
                w.WriteNumber(f.Feature, Math.Round(f.Score, 4, MidpointRounding.AwayFromZero));
            }
        }

        w.WriteEndObject();
        seen.Clear();
        w.WriteStartObject("explanations");
        foreach (var f in r.Scored.Explanation.Features)
        {
            if ((f.Score > 0 || f.Detail is not null) && seen.Add(f.Feature))
            {
                w.WriteStartObject(f.Feature);
                w.WriteNumber("score", Math.Round(f.Score, 4, MidpointRounding.AwayFromZero));
                Nullable(w, "detail", f.Detail);
                Nullable(w, "query", f.Query);
                Nullable(w, "candidate", f.Candidate);
                w.WriteEndObject();
            }
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Nullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }
}
