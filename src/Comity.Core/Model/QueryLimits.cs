using System.Globalization;
using Comity.Core.Text;

namespace Comity.Core.Model;

/// <summary>The documented size limits of a query name, in one place. Every per-name step of screening is linear
/// (or bounded) in the name's length, and these caps bound that length, so no single query can stall a core.</summary>
/// <remarks>The caps are several times the longest names on the official lists (the longest OFAC name has 196
/// characters and 26 words, its longest word 29 letters), so no real name comes near them. Beyond them a query is
/// refused with a <see cref="QueryLimitException"/> (front ends answer 422), never truncated silently.</remarks>
public static class QueryLimits
{
    /// <summary>Most characters in one query name (before normalisation).</summary>
    public const int MaxNameChars = 1_000;

    /// <summary>Most names (full names and aliases) in one query.</summary>
    public const int MaxNames = 32;

    /// <summary>Most tokens in one name after normalisation.</summary>
    public const int MaxTokens = 64;

    /// <summary>Most characters in one token (word) after normalisation.</summary>
    public const int MaxTokenChars = 100;

    /// <summary>The first limit the query exceeds, or null when it is within every limit.</summary>
    public static QueryLimitViolation? Check(Query query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var names = 0;
        for (var i = 0; i < query.Names.Length; i++)
        {
            var name = query.Names[i];
            if (string.IsNullOrWhiteSpace(name))
            {
                continue;
            }

            if (++names > MaxNames)
            {
                return new QueryLimitViolation("names", nameof(MaxNames), MaxNames, query.Names.Length,
                    string.Create(CultureInfo.InvariantCulture, $"a query holds at most {MaxNames} names; this one holds {query.Names.Length}"));
            }

            if (CheckName(name, string.Create(CultureInfo.InvariantCulture, $"names[{i}]")) is { } v)
            {
                return v;
            }
        }

        return names == 0 && query.Parts is { IsEmpty: false } p ? CheckName(JoinParts(p), PartsField) : null;
    }

    internal const string PartsField = "name parts";

    /// <summary>The full name screened when a query gives only parts.</summary>
    internal static string JoinParts(NameParts p) =>
        string.Join(' ', new[] { p.Given, p.Middle, p.Patronymic, p.Family }.Where(s => !string.IsNullOrWhiteSpace(s)));

    /// <summary>Throws <see cref="QueryLimitException"/> when the query exceeds a limit.</summary>
    public static void Validate(Query query)
    {
        if (Check(query) is { } violation)
        {
            throw new QueryLimitException(violation);
        }
    }

    /// <summary>The limit one name exceeds, or null. Normalises the name (linear in its length) only when its raw
    /// length is within <see cref="MaxNameChars"/>.</summary>
    public static QueryLimitViolation? CheckName(string name, string field)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length > MaxNameChars)
        {
            return new QueryLimitViolation(field, nameof(MaxNameChars), MaxNameChars, name.Length,
                string.Create(CultureInfo.InvariantCulture, $"{field}: a name has at most {MaxNameChars} characters; this one has {name.Length}"));
        }

        return CheckTokens(NameNormalizer.Normalize(name), field);
    }

    internal static QueryLimitViolation? CheckTokens(NameToken[] tokens, string field)
    {
        if (tokens.Length > MaxTokens)
        {
            return new QueryLimitViolation(field, nameof(MaxTokens), MaxTokens, tokens.Length,
                string.Create(CultureInfo.InvariantCulture, $"{field}: a name has at most {MaxTokens} words; this one has {tokens.Length}"));
        }

        foreach (var t in tokens)
        {
            if (t.Text.Length > MaxTokenChars)
            {
                return new QueryLimitViolation(field, nameof(MaxTokenChars), MaxTokenChars, t.Text.Length,
                    string.Create(CultureInfo.InvariantCulture, $"{field}: a word has at most {MaxTokenChars} characters; this one has {t.Text.Length}"));
            }
        }

        return null;
    }
}

/// <summary>Which limit a query exceeds.</summary>
/// <param name="Field">The query field, e.g. <c>names[0]</c> or <c>family</c>.</param>
/// <param name="Limit">The limit's name in <see cref="QueryLimits"/>, e.g. <c>MaxNameChars</c>.</param>
/// <param name="Maximum">The limit's value.</param>
/// <param name="Actual">The query's value.</param>
/// <param name="Message">A sentence naming field, limit and value.</param>
public sealed record QueryLimitViolation(string Field, string Limit, int Maximum, int Actual, string Message);

/// <summary>A query exceeds a documented limit of <see cref="QueryLimits"/> (HTTP front ends answer 422).</summary>
public sealed class QueryLimitException : Exception
{
    public QueryLimitException(QueryLimitViolation violation)
        : base((violation ?? throw new ArgumentNullException(nameof(violation))).Message) => Violation = violation;

    public QueryLimitException()
        : this(new QueryLimitViolation("query", "unknown", 0, 0, "the query exceeds a limit"))
    {
    }

    public QueryLimitException(string message)
        : this(new QueryLimitViolation("query", "unknown", 0, 0, message))
    {
    }

    public QueryLimitException(string message, Exception innerException)
        : base(message, innerException) => Violation = new QueryLimitViolation("query", "unknown", 0, 0, message);

    public QueryLimitViolation Violation { get; }
}
