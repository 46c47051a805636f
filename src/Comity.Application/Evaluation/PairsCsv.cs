using Comity.Core.Model;

namespace Comity.Application.Evaluation;

/// <summary>Reads labelled pairs: columns <c>name1,name2,schema,is_match</c> required (any order, case-insensitive),
/// <c>kind</c> and <c>split</c> optional, other columns ignored. <c>is_match</c> is <c>1</c>/<c>0</c>,
/// <c>true</c>/<c>false</c> or <c>yes</c>/<c>no</c>; <c>schema</c> may be empty or an FtM schema name.</summary>
internal static class PairsCsv
{
    private static readonly string[] Required = ["name1", "name2", "schema", "is_match"];

    /// <summary>Reads a pairs file. Malformed rows are skipped and reported with their line number.</summary>
    /// <exception cref="InvalidDataException">The header lacks a required column.</exception>
    public static CsvFileResult<LabelledPair> Read(string path) => EvaluationCsv.ReadFile(path, Required, Parse);

    /// <summary>Reads pairs from text; <paramref name="fileName"/> names the source in diagnostics.</summary>
    public static CsvFileResult<LabelledPair> Read(TextReader text, string fileName) => EvaluationCsv.Read(text, fileName, Required, Parse);

    /// <summary>Parses an <c>is_match</c> value.</summary>
    public static bool TryParseLabel(string? text, out bool isMatch)
    {
        isMatch = false;
        switch (text?.Trim().ToUpperInvariant())
        {
            case "1" or "TRUE" or "YES" or "Y":
                isMatch = true;
                return true;
            case "0" or "FALSE" or "NO" or "N":
                return true;
            default:
                return false;
        }
    }

    private static LabelledPair? Parse(Func<string, string?> field, out string? error)
    {
        var name1 = field("name1");
        var name2 = field("name2");
        var label = field("is_match");
        var schema = field("schema");
        if (name1 is null || name2 is null)
        {
            error = "name1 and name2 must not be empty";
            return null;
        }

        if (!TryParseLabel(label, out var isMatch))
        {
            error = $"is_match must be 1 or 0, not '{label}'";
            return null;
        }

        if (schema is not null && !Schemata.TryParse(schema, out _))
        {
            error = $"unknown schema '{schema}'";
            return null;
        }

        error = null;
        return new LabelledPair(name1, name2, schema, isMatch, field("kind"), field("split"));
    }
}
