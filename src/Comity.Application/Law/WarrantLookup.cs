using System.Text.Json.Nodes;
using Comity.Application.Corpus;
using Comity.Core.Matching;
using Comity.Core.Model;
using Comity.Law;
using Comity.Sources.Registry;

namespace Comity.Application.Law;

/// <summary>One warrant subject a query could mean, with its match score (1 for an exact id, name or alias).</summary>
internal sealed record WarrantCandidate(string Id, string Name, double Score);

/// <summary>How a query was resolved to a warrant subject.</summary>
/// <param name="Method"><c>exact</c> (id, name or alias, ignoring case and diacritics), <c>matched</c> (the matching
/// engine over the ICC warrant subjects: <see cref="Candidates"/>[0] with its score), <c>ambiguous</c> (several
/// subjects, listed) or <c>not_found</c>.</param>
/// <param name="Note">What the resolution means, in one sentence (e.g. a near miss, or a person who is not a warrant
/// subject but an EO 14203 designation).</param>
internal sealed record WarrantResolutionInfo(string Method, IReadOnlyList<WarrantCandidate> Candidates, string Note)
{
    public bool Resolved => Method is "exact" or "matched";

    public JsonObject ToJson() => new()
    {
        ["method"] = Method,
        ["score"] = Method == "matched" && Candidates.Count > 0 ? Output.JsonFormat.Round(Candidates[0].Score) : null,
        ["candidates"] = new JsonArray([.. Candidates.Select(c => (JsonNode)new JsonObject
        {
            ["id"] = c.Id,
            ["name"] = c.Name,
            ["score"] = Output.JsonFormat.Round(c.Score),
        })]),
        ["note"] = Note,
    };
}

/// <summary>The answer to <c>comity obligations</c>: the report and how the query was resolved.</summary>
internal sealed record WarrantAnswer(ObligationsReport Report, WarrantResolutionInfo Resolution)
{
    /// <summary>The report's JSON with a <c>resolved</c> object (<see cref="WarrantResolutionInfo.ToJson"/>).</summary>
    public string ToJson()
    {
        var json = LawJson.ToJson(Report);
        json["resolved"] = Resolution.ToJson();
        return LawJson.Serialize(json);
    }

    /// <summary>The report as a table, preceded by how the query was resolved.</summary>
    public string ToTable() => Resolution.Method == "exact"
        ? LawTables.Obligations(Report)
        : $"Resolved: {Resolution.Note}\n" + (Resolution.Resolved ? "\n" + LawTables.Obligations(Report) : CandidatesTable());

    private string CandidatesTable()
    {
        if (Resolution.Candidates.Count == 0)
        {
            return string.Empty;
        }

        var sb = new System.Text.StringBuilder();
        var table = new TextTable("ID", "NAME", "SCORE");
        foreach (var c in Resolution.Candidates)
        {
            table.Add(c.Id, c.Name, Output.JsonFormat.Number(c.Score));
        }

        table.Write(sb);
        return sb.ToString();
    }
}

/// <summary>Answers <c>comity obligations</c> for a warrant id, an exact name or alias, or a name as people type it: a
/// surname ("Netanyahu", "Kony"), a misspelling ("Netanjahu"), a short form ("Vladimir Putin"). When the exact lookup
/// finds nothing, the ICC folder alone (not the whole corpus) is indexed and the query is matched against it with the
/// matching engine.</summary>
internal static class WarrantLookup
{
    /// <summary>A hit this far below the best warrant subject is not another subject the query could mean.</summary>
    public const double AmbiguityMargin = 0.05;

    /// <summary>The lowest score at which a warrant subject is offered as what a query could mean (a surname alone
    /// scores below the match threshold because the given names are unmatched).</summary>
    public const double CandidateFloor = 0.45;

    private const string WarrantSource = "icc-warrants";

    /// <summary>The report for <paramref name="subject"/>, resolved as described on the class.</summary>
    public static WarrantAnswer Resolve(LawEngine engine, string subject, DateOnly asOf, string? iccFolder = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(subject);
        var report = engine.Obligations(subject, asOf);
        switch (report.Resolution)
        {
            case WarrantResolution.Found:
                return new WarrantAnswer(report, new WarrantResolutionInfo("exact", [new WarrantCandidate(report.Warrant!.Id, report.Warrant.Name, 1)],
                    $"'{subject}' is the id, name or alias of {report.Warrant.Name} ({report.Warrant.Id})"));
            case WarrantResolution.Ambiguous:
                return new WarrantAnswer(report, new WarrantResolutionInfo("ambiguous", [.. report.Candidates.Select(c => new WarrantCandidate(c.Id, c.Name, 1))],
                    $"'{subject}' names {report.Candidates.Count} warrant subjects exactly; ask again with an id"));
        }

        var icc = ListReaders.Load(iccFolder ?? Path.Combine(DefaultCorpus.DataDirectory(), "icc"));
        var index = MatchIndex.Build([.. icc.Entities]);
        var hits = index.Match(new Query { Names = [subject], Schema = Schema.Person }, 12, CandidateFloor);
        var warrants = hits.Where(h => h.Entity.Source == WarrantSource).ToList();
        var best = warrants.Count > 0 ? warrants[0].Score : 0;
        var close = warrants.Where(h => h.Score >= best - AmbiguityMargin).Select(Candidate).ToList();
        if (best < MatcherOptions.DefaultThreshold)
        {
            // Part of a name ("Gaddafi"): the score then mostly says how many listed names are left over, not which
            // subject is meant, so every warrant subject that carries each word of the query is a subject it could mean.
            foreach (var covering in Covering(index, icc.Entities, subject))
            {
                if (!close.Any(c => c.Id == covering.SourceId))
                {
                    close.Add(new WarrantCandidate(covering.SourceId, covering.Caption, index.Score(new Query { Names = [subject], Schema = Schema.Person }, covering).Score));
                }
            }

            close = [.. close.OrderByDescending(c => c.Score).ThenBy(c => c.Id, StringComparer.Ordinal)];
        }

        if (close.Count == 1)
        {
            var c = close[0];
            var resolved = engine.Obligations(c.Id, asOf) with { Query = subject };
            var how = c.Score >= MatcherOptions.DefaultThreshold
                ? $"matched at score {Output.JsonFormat.Number(c.Score)} (threshold {Output.JsonFormat.Number(MatcherOptions.DefaultThreshold)})"
                : $"the only warrant subject it could mean (score {Output.JsonFormat.Number(c.Score)}, below the match threshold {Output.JsonFormat.Number(MatcherOptions.DefaultThreshold)}: part of the name, or a variant)";
            return new WarrantAnswer(resolved, new WarrantResolutionInfo("matched", [c, .. warrants.Skip(1).Select(Candidate)],
                $"'{subject}' resolved to {c.Name} ({c.Id}): {how}"));
        }

        if (close.Count > 1)
        {
            var candidates = close.Select(c => engine.Obligations(c.Id, asOf).Warrant).OfType<WarrantSummary>().ToList();
            var ambiguous = report with { Resolution = WarrantResolution.Ambiguous, Candidates = candidates, Notes = [$"'{subject}' could mean {close.Count} warrant subjects; ask again with an id"] };
            return new WarrantAnswer(ambiguous, new WarrantResolutionInfo("ambiguous", close,
                $"'{subject}' could mean {close.Count} warrant subjects: {string.Join(", ", close.Select(c => $"{c.Name} ({c.Id}, score {Output.JsonFormat.Number(c.Score)})"))}; ask again with an id"));
        }

        var other = hits.FirstOrDefault(h => h.Entity.Source != WarrantSource && h.Score >= MatcherOptions.DefaultThreshold);
        var note = other is null
            ? $"no ICC warrant subject matches '{subject}' (exact id, name or alias, nor the matching engine at score {Output.JsonFormat.Number(CandidateFloor)} or more)"
            : $"no ICC warrant subject matches '{subject}'; it matches {other.Entity.Caption} ({other.Entity.Id}, score {Output.JsonFormat.Number(other.Score)}) on {other.Entity.Source}, who is not the subject of a warrant (see comity screen)";
        return new WarrantAnswer(report with { Notes = [note, .. report.Notes] }, new WarrantResolutionInfo("not_found", [], note));
    }

    /// <summary>The report only (see <see cref="Resolve"/>).</summary>
    public static ObligationsReport Obligations(LawEngine engine, string subject, DateOnly asOf) => Resolve(engine, subject, asOf).Report;

    private static WarrantCandidate Candidate(ScoredEntity h) => new(h.Entity.SourceId, h.Entity.Caption, h.Score);

    /// <summary>The warrant subjects one of whose names holds every word of <paramref name="query"/>, each word compared
    /// by the matching engine with one listed word (so Gaddafi finds Qadhafi) at the match threshold.</summary>
    private static IEnumerable<Entity> Covering(MatchIndex index, IEnumerable<Entity> entities, string query)
    {
        var words = Words(query);
        if (words.Length == 0)
        {
            yield break;
        }

        foreach (var entity in entities.Where(e => e.Source == WarrantSource))
        {
            if (entity.Names.Any(n => Covers(index, words, Words(n.Full), entity.Schema)))
            {
                yield return entity;
            }
        }
    }

    private static bool Covers(MatchIndex index, string[] query, string[] listed, Schema schema) =>
        query.All(q => listed.Any(l => index.Score(new Query { Names = [q], Schema = schema }, WordEntity(l, schema)).Score >= MatcherOptions.DefaultThreshold));

    private static Entity WordEntity(string word, Schema schema) => new()
    {
        Id = "word:1",
        Source = "word",
        SourceId = "1",
        Schema = schema,
        Names = [new EntityName(word)],
    };

    private static string[] Words(string name) =>
        name.Split((char[])[' ', '-', ',', '.', '\'', '\u2019', '(', ')', '/'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
