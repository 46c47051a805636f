using Comity.Core.Model;

namespace Comity.Core.Matching;

/// <summary>A query analysed once against an index: its names, countries and identifiers, and a similarity memo
/// that lives as long as the query.</summary>
internal sealed class QueryContext : IDisposable
{
    public QueryContext(Query query, Vocabulary vocabulary, VariantTable? variants)
    {
        Query = query;
        var names = new List<AnalyzedName>();
        foreach (var name in QueryNames(query))
        {
            var analyzed = AnalyzedName.Analyze(name, vocabulary, names.Count);
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

    public void Dispose() => Cache.Dispose();

    private static IEnumerable<string> QueryNames(Query query)
    {
        var any = false;
        foreach (var n in query.Names)
        {
            if (!string.IsNullOrWhiteSpace(n))
            {
                any = true;
                yield return n;
            }
        }

        if (!any && query.Parts is { IsEmpty: false } p)
        {
            yield return string.Join(' ', new[] { p.Given, p.Middle, p.Patronymic, p.Family }.Where(s => !string.IsNullOrWhiteSpace(s)));
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
