using System.Globalization;
using System.Text;
using Comity.Evaluation.Pairs;
using Comity.Evaluation.Population;

namespace Comity.Evaluation.Output;

/// <summary>What went into a generation run, for the README.</summary>
/// <param name="Seed">The run seed.</param>
/// <param name="Command">The command line that reproduces the run.</param>
/// <param name="Sources">One line per list read: path, format, entity count, file hashes.</param>
internal sealed record ReadmeFacts(int Seed, string Command, IReadOnlyList<string> Sources);

/// <summary>Renders data/eval/README.md: what each file is, how it was built, counts by kind, schema and split.</summary>
internal static class Readme
{
    public static string Render(List<PairRow> pairs, List<PopulationRow> population, ReadmeFacts facts)
    {
        var sb = new StringBuilder();
        sb.AppendLine("# Labelled accuracy data: data/eval");
        sb.AppendLine();
        sb.AppendLine("Generated, deterministic files for measuring and calibrating the matcher. Do not edit by hand: change the");
        sb.AppendLine("generator (`bench/Comity.Evaluation`) and run it again.");
        sb.AppendLine();
        sb.AppendLine("```");
        sb.AppendLine(facts.Command);
        sb.AppendLine("```");
        sb.AppendLine();
        Line(sb, $"Seed: `{facts.Seed}` (the default). The same seed and the same list files give byte-identical output.");
        sb.AppendLine();
        sb.AppendLine("Lists read (from `data/lists/`):");
        sb.AppendLine();
        foreach (var s in facts.Sources)
        {
            sb.Append("- ").AppendLine(s);
        }

        sb.AppendLine();
        sb.AppendLine(ReadmeText.PairsText);
        sb.AppendLine();
        Table(sb, "Pairs by kind and split", pairs, p => p.Kind, p => p.Split, [Split.Dev, Split.Test], p => p.IsMatch ? "1" : "0");
        Table(sb, "Pairs by schema and split", pairs, p => p.Schema + (p.IsMatch ? " (match)" : " (non-match)"), p => p.Split, [Split.Dev, Split.Test], null);
        sb.AppendLine(ReadmeText.PopulationText);
        sb.AppendLine();
        Table(sb, "Population by kind and split", population, r => r.Kind + " / " + r.Schema, r => r.Split, [Split.Dev, Split.Test], null);
        Table(sb, "Population by locale and kind", population, r => r.Locale, r => r.Kind,
            [PopulationGenerator.PersonKind, PopulationGenerator.CompanyKind, PopulationGenerator.ShortKind], null);
        sb.AppendLine(ReadmeText.LimitsText);
        return sb.ToString();
    }

    private static void Table<T>(StringBuilder sb, string title, List<T> rows, Func<T, string> rowKey, Func<T, string> colKey, string[] columns, Func<T, string>? label)
    {
        sb.Append("### ").AppendLine(title);
        sb.AppendLine();
        sb.Append("| ").Append(label is null ? "row" : "kind | is_match");
        foreach (var c in columns)
        {
            sb.Append(" | ").Append(c);
        }

        sb.AppendLine(" | total |");
        sb.Append("|---").Append(label is null ? string.Empty : "|---");
        foreach (var unused in columns)
        {
            sb.Append("|---:");
        }

        sb.AppendLine("|---:|");
        var groups = rows.GroupBy(r => (label?.Invoke(r) ?? string.Empty, rowKey(r)))
            .OrderBy(g => g.Key.Item1, StringComparer.Ordinal).ThenBy(g => g.Key.Item2, StringComparer.Ordinal);
        foreach (var g in groups)
        {
            sb.Append("| ").Append(g.Key.Item2);
            if (label is not null)
            {
                sb.Append(" | ").Append(g.Key.Item1);
            }

            foreach (var c in columns)
            {
                sb.Append(" | ").Append(g.Count(r => string.Equals(colKey(r), c, StringComparison.Ordinal)).ToString(CultureInfo.InvariantCulture));
            }

            sb.Append(" | ").Append(g.Count().ToString(CultureInfo.InvariantCulture)).AppendLine(" |");
        }

        sb.Append("| **total**").Append(label is null ? string.Empty : " |");
        foreach (var c in columns)
        {
            sb.Append(" | ").Append(rows.Count(r => string.Equals(colKey(r), c, StringComparison.Ordinal)).ToString(CultureInfo.InvariantCulture));
        }

        sb.Append(" | ").Append(rows.Count.ToString(CultureInfo.InvariantCulture)).AppendLine(" |");
        sb.AppendLine();
    }

    private static void Line(StringBuilder sb, string text) => sb.AppendLine(text);
}
