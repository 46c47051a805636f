namespace Comity.Evaluation.Population;

/// <summary>One row of population.csv: a generated person or company that is on no list.</summary>
internal sealed record PopulationRow(string Id, string Name, string Schema, string Dob, string Nationality, string Locale, string Kind, string Split);
