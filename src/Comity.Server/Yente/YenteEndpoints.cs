using Comity.Server.Security;

namespace Comity.Server.Yente;

/// <summary>Maps the yente-compatible endpoints. Errors keep yente's <c>{"detail": ...}</c> shapes.</summary>
internal static class YenteEndpoints
{
    public static void Map(WebApplication app)
    {
        var yente = app.MapGroup(string.Empty).WithTags("yente").AddEndpointFilter(new RoleFilter(AccessRole.Screener, ProblemStyle.Yente));

        yente.MapPost("/match/{dataset}", (HttpContext context, string dataset, CorpusHost host) => MatchEndpoint.HandleAsync(context, dataset, host))
            .WithName("match")
            .WithSummary("Query-by-example screening (yente-compatible)")
            .Accepts<Docs.MatchRequestDoc>("application/json", "*/*")
            .Produces<Docs.MatchResponseDoc>()
            .Produces<Docs.DetailDoc>(StatusCodes.Status400BadRequest)
            .Produces<Docs.DetailDoc>(StatusCodes.Status404NotFound)
            .Produces<Docs.ValidationDoc>(StatusCodes.Status422UnprocessableEntity);

        yente.MapGet("/search/{dataset}", (HttpContext context, string dataset, CorpusHost host) => SearchEndpoint.Handle(context, dataset, host))
            .WithName("search")
            .WithSummary("Free-text search (yente-compatible)")
            .Produces<Docs.SearchResponseDoc>()
            .Produces<Docs.DetailDoc>(StatusCodes.Status400BadRequest);

        yente.MapGet("/entities/{entityId}", (HttpContext context, string entityId, CorpusHost host) => Entity(context, entityId, host))
            .WithName("entity")
            .WithSummary("One entity by id; a referent id redirects (308) to the canonical one")
            .Produces<Docs.EntityDoc>()
            .Produces<Docs.DetailDoc>(StatusCodes.Status404NotFound);

        yente.MapGet("/catalog", (HttpContext context, CorpusHost host) => Catalog(context, host))
            .WithName("catalog")
            .WithSummary("Loaded datasets and collections")
            .Produces<Docs.CatalogDoc>();

        yente.MapGet("/algorithms", () => WireJson.Ok(Algorithms.Write))
            .WithName("algorithms")
            .WithSummary("Accepted algorithm names, features and configuration")
            .Produces<Docs.AlgorithmsDoc>();

        app.MapGet("/healthz", () => WireJson.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("status", "ok");
            w.WriteEndObject();
        })).WithTags("operations").WithName("healthz").WithSummary("Liveness").Produces<Docs.StatusDoc>();

        app.MapGet("/readyz", (CorpusHost host) => host.Current is null
                ? NotReady(host)
                : WireJson.Ok(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("status", "ok");
                    w.WriteEndObject();
                }))
            .WithTags("operations").WithName("readyz").WithSummary("Readiness: 200 once a corpus is in force, else 503")
            .Produces<Docs.StatusDoc>()
            .Produces<Docs.DetailDoc>(StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>503 before any corpus is in force: "Index not ready." while the first load runs; once a load has
    /// failed, why (the error names the file and line), so a server that cannot load is not silently unready.</summary>
    private static IResult NotReady(CorpusHost host)
    {
        if (host.LastFailure is not { } failure)
        {
            return YenteException.Detail(StatusCodes.Status503ServiceUnavailable, "Index not ready.");
        }

        return WireJson.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("detail", $"Index not ready: the corpus load failed ({failure.Trigger}): {failure.Error}. Fix the list, then POST /v1/lists/reload.");
            w.WriteString("status", host.Reloading ? "loading" : "failed");
            w.WritePropertyName("last_error");
            Native.NativeJson.WriteAttempt(w, failure);
            w.WriteEndObject();
        }, StatusCodes.Status503ServiceUnavailable);
    }

    private static IResult Entity(HttpContext context, string entityId, CorpusHost host)
    {
        try
        {
            var nested = new QueryParams(context.Request.Query).Bool("nested", true);
            var snapshot = host.Current ?? throw new YenteException(StatusCodes.Status503ServiceUnavailable, "Index not ready.");
            var e = snapshot.Corpus.Find(entityId);
            if (e is null && entityId.EndsWith(FtmWriter.SanctionSuffix, StringComparison.Ordinal)
                && snapshot.Corpus.Find(entityId[..^FtmWriter.SanctionSuffix.Length]) is { } listing)
            {
                return WireJson.Ok(w => FtmWriter.WriteSanction(w, listing, snapshot));
            }

            if (e is null)
            {
                var colon = entityId.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    var canonical = DatasetScope.Canonical(entityId[..colon]) + entityId[colon..];
                    if (!string.Equals(canonical, entityId, StringComparison.Ordinal) && snapshot.Corpus.Find(canonical) is not null)
                    {
                        var target = "/entities/" + Uri.EscapeDataString(canonical) + context.Request.QueryString;
                        return Results.Redirect(target, permanent: true, preserveMethod: true);
                    }
                }

                throw new YenteException(StatusCodes.Status404NotFound, "No such entity!");
            }

            return WireJson.Ok(w => FtmWriter.Write(w, e, snapshot, nested ? Sanctions.Nested : Sanctions.Ids));
        }
        catch (YenteException ex)
        {
            return ex.ToResult();
        }
    }

    private static IResult Catalog(HttpContext context, CorpusHost host)
    {
        var snapshot = host.Current;
        if (snapshot is null)
        {
            return YenteException.Detail(StatusCodes.Status503ServiceUnavailable, "Index not ready.");
        }

        var etag = "\"" + snapshot.Corpus.Version + "\"";
        context.Response.Headers.ETag = etag;
        context.Response.Headers.CacheControl = "public, max-age=300";
        if (context.Request.Headers.IfNoneMatch.Any(v => v is not null && (v.Contains(etag, StringComparison.Ordinal) || v.Trim() == "*")))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return WireJson.Ok(w => CatalogWriter.Write(w, snapshot));
    }
}
