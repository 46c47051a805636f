using Comity.Core.Model;
using Comity.Core.Text;

namespace Comity.Application.Evaluation;

/// <summary>Reads population.csv: columns <c>id,name,schema</c> required, <c>dob</c> (ISO <c>yyyy</c>,
/// <c>yyyy-MM</c> or <c>yyyy-MM-dd</c>), <c>nationality</c> (ISO code or country name), <c>locale</c>, <c>kind</c>,
/// <c>split</c> optional.</summary>
internal static class PopulationCsv
{
    private static readonly string[] Required = ["id", "name", "schema"];

    /// <summary>Reads a population file. Malformed rows are skipped and reported with their line number.</summary>
    /// <exception cref="InvalidDataException">The header lacks a required column.</exception>
    public static CsvFileResult<PopulationEntry> Read(string path) => EvaluationCsv.ReadFile(path, Required, Parse);

    /// <summary>Reads a population from text; <paramref name="fileName"/> names the source in diagnostics.</summary>
    public static CsvFileResult<PopulationEntry> Read(TextReader text, string fileName) => EvaluationCsv.Read(text, fileName, Required, Parse);

    private static PopulationEntry? Parse(Func<string, string?> field, out string? error)
    {
        var id = field("id");
        var name = field("name");
        if (id is null || name is null)
        {
            error = "id and name must not be empty";
            return null;
        }

        var schemaText = field("schema");
        var schema = Schema.LegalEntity;
        if (schemaText is not null && !Schemata.TryParse(schemaText, out schema))
        {
            error = $"unknown schema '{schemaText}'";
            return null;
        }

        PartialDate? dob = null;
        if (field("dob") is { } dobText)
        {
            if (!PartialDate.TryParseIso(dobText, out var d))
            {
                error = $"dob '{dobText}' is not an ISO date";
                return null;
            }

            dob = d;
        }

        string? nationality = null;
        if (field("nationality") is { } countryText)
        {
            if (!Countries.TryResolve(countryText, out var iso2))
            {
                error = $"unknown nationality '{countryText}'";
                return null;
            }

            nationality = iso2;
        }

        error = null;
        return new PopulationEntry(id, name, schema, dob, nationality, field("locale"), field("kind"), field("split"));
    }
}
