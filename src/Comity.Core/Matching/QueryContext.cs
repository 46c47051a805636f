using System.Globalization;
using Comity.Core.Model;
using Comity.Core.Text;

namespace Comity.Core.Matching;

/// <summary>A query analysed once against an index: its names, countries and identifiers, and a similarity memo
/// that lives as long as the query.</summary>
internal sealed class QueryContext : IDisposable
{
    public QueryContext(Query query, Vocabulary vocabulary, VariantTable? variants)
    {
        Query = query;
        var names = new List<AnalyzedName>();
        var count = 0;
        foreach (var (name, field) in QueryNames(query))
        {
            // The documented caps come first: nothing below runs on a name beyond them.
            if (++count > QueryLimits.MaxNames)
            {
                QueryLimits.Validate(query);
            }

            if (name.Length > QueryLimits.MaxNameChars)
            {
                throw new QueryLimitException(QueryLimits.CheckName(name, field)!);
            }

            var tokens = NameNormalizer.Normalize(name);
            if (query.Schema == Schema.Person)
            {
                tokens = NameNormalizer.DropOffices(tokens);
            }

            Work += name.Length;
            if (QueryLimits.CheckTokens(tokens, field) is { } violation)
            {
                throw new QueryLimitException(violation);
            }

            var analyzed = AnalyzedName.Analyze(name, tokens, vocabulary, names.Count);
            if (analyzed.Tokens.Length > 0)
            {
                names.Add(analyzed);
            }
        }

        Names = [.. names];
        Countries = ResolveCountries(query.Countries);
        Cache = new SimilarityCache(variants, vocabulary.Count);
    }

    public Query Query { get; }

    public AnalyzedName[] Names { get; }

    public HashSet<string> Countries { get; }

    public SimilarityCache Cache { get; }

    /// <summary>Reusable buffer for a candidate name's tokens.</summary>
    public Tok[] Scratch { get; set; } = new Tok[32];

    /// <summary>A deterministic count of the work done for this query (characters normalised, tokens looked up
    /// and compared, candidates scored): what the linear-cost property tests measure.</summary>
    public long Work { get; set; }

    /// <summary>The cancellation token the query honours (between candidates and between evidence groups).</summary>
    public CancellationToken Cancellation { get; init; }

    public void Dispose() => Cache.Dispose();

    private static IEnumerable<(string Name, string Field)> QueryNames(Query query)
    {
        var any = false;
        for (var i = 0; i < query.Names.Length; i++)
        {
            var n = query.Names[i];
            if (!string.IsNullOrWhiteSpace(n))
            {
                any = true;
                yield return (n, string.Create(CultureInfo.InvariantCulture, $"names[{i}]"));
            }
        }

        if (!any && query.Parts is { IsEmpty: false } p)
        {
            yield return (QueryLimits.JoinParts(p), QueryLimits.PartsField);
        }
    }

    public static HashSet<string> ResolveCountries(IEnumerable<string> countries)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in countries)
        {
            if (Comity.Core.Text.Countries.TryResolve(c, out var iso))
            {
                set.Add(iso);
            }
        }

        return set;
    }
}
