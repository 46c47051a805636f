using System.Collections.Immutable;
using Comity.Core.Matching;
using Comity.Core.Model;

namespace Comity.Application.Monitoring;

/// <summary>The reverse direction of screening: a portfolio's subjects indexed as a corpus by the same Core matcher
/// (<see cref="MatchIndex"/>), queried with a listed entity's names and identifiers. It only proposes candidates:
/// every subject it returns is then screened in the forward direction through the one pipeline, so its scores never
/// reach an alert. The forward score of a subject against a listed entity and this reverse score differ (rarity is
/// measured on the other side, unmatched query words cost more than unmatched listed ones), so the reverse query
/// asks for names only (dates and countries can only lower a forward name score) with a minimum far below any
/// threshold and a large candidate budget; identifiers are kept so that a subject sharing a decisive identifier is
/// found whatever its name. The delta-equals-full tests hold this on real list versions.</summary>
internal sealed class ReverseIndex
{
    private readonly MatchIndex _index;
    private readonly string[] _subjectIds;
    private readonly Query[] _queries;
    private readonly double _minScore;
    private readonly int _budget;

    private ReverseIndex(MatchIndex index, string[] subjectIds, Query[] queries, double minScore, int budget)
    {
        _index = index;
        _subjectIds = subjectIds;
        _queries = queries;
        _minScore = minScore;
        _budget = budget;
    }

    /// <summary>Subjects indexed.</summary>
    public int Count => _subjectIds.Length;

    /// <summary>Indexes <paramref name="subjects"/> (id and query) as pseudo-entities of source <c>portfolio</c>.</summary>
    public static ReverseIndex Build(IReadOnlyList<(string Id, Query Query)> subjects, MonitorOptions options)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        ArgumentNullException.ThrowIfNull(options);
        var entities = new Entity[subjects.Count];
        var ids = new string[subjects.Count];
        var queries = new Query[subjects.Count];
        for (var i = 0; i < subjects.Count; i++)
        {
            var (id, q) = subjects[i];
            ids[i] = id;
            queries[i] = q;
            entities[i] = new Entity
            {
                Id = "s:" + QueryCodec.Invariant(i),
                Source = "portfolio",
                SourceId = QueryCodec.Invariant(i),
                Schema = q.Schema,
                Names = [.. q.Names.Select((n, k) => new EntityName(n, k == 0 ? NameKind.Primary : NameKind.Alias))],
                BirthDates = q.BirthDates,
                Nationalities = q.Countries,
                Gender = q.Gender,
                Identifiers = q.Identifiers,
            };
        }

        var index = MatchIndex.Build(entities, new MatcherOptions { CandidateBudget = options.ReverseBudget });
        return new ReverseIndex(index, ids, queries, options.ReverseMinScore, options.ReverseBudget);
    }

    /// <summary>The subjects a listed entity's names (or identifiers) may match in the forward direction.</summary>
    public IEnumerable<(string SubjectId, Query Query)> Candidates(Entity listed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(listed);
        var names = listed.Names.Select(n => n.Full).Where(n => !string.IsNullOrWhiteSpace(n)).Distinct(StringComparer.Ordinal).ToList();
        if (names.Count == 0)
        {
            yield break;
        }

        var found = new HashSet<int>();
        foreach (var chunk in names.Chunk(QueryLimits.MaxNames))
        {
            var query = new Query
            {
                Schema = listed.Schema,
                Names = [.. chunk.Where(n => QueryLimits.CheckName(n, "name") is null)],
                Identifiers = listed.Identifiers,
            };
            if (query.Names.IsEmpty)
            {
                continue;
            }

            foreach (var s in _index.MatchCancellable(query, _budget, _minScore, cancellationToken))
            {
                var i = int.Parse(s.Entity.SourceId, System.Globalization.CultureInfo.InvariantCulture);
                if (found.Add(i))
                {
                    yield return (_subjectIds[i], _queries[i]);
                }
            }
        }
    }

    /// <summary>Every subject id indexed.</summary>
    public ImmutableArray<string> SubjectIds => [.. _subjectIds];
}
