using Comity.Core.Model;

namespace Comity.Application.Evaluation;

/// <summary>One generated non-listed person, company or short name from population.csv.</summary>
/// <param name="Id">Row id (<c>pop-p00001</c>).</param>
/// <param name="Name">The name to screen.</param>
/// <param name="Schema">Person, Company or LegalEntity.</param>
/// <param name="BirthDate">Date of birth (persons), if given.</param>
/// <param name="Nationality">ISO alpha-2 lowercase, if given.</param>
/// <param name="Locale">Locale the name was generated for (<c>de</c>, <c>ru-Cyrl</c>...), if given.</param>
/// <param name="Kind"><c>person</c>, <c>company</c> or <c>short</c>, if given.</param>
/// <param name="Split"><c>dev</c> or <c>test</c>, if given.</param>
internal sealed record PopulationEntry(string Id, string Name, Schema Schema, PartialDate? BirthDate, string? Nationality, string? Locale, string? Kind, string? Split)
{
    /// <summary>The entry as a screening query (name, schema, date of birth, nationality).</summary>
    public Query ToQuery() => new()
    {
        Id = Id,
        Schema = Schema,
        Names = [Name],
        BirthDates = BirthDate is { } d ? [new FuzzyDate(d)] : [],
        Countries = Nationality is { } n ? [n] : [],
    };
}
