using Comity.Core.Model;
using Comity.Evaluation.Output;
using Comity.Evaluation.Pairs;
using Comity.Evaluation.Population;
using Comity.Evaluation.Text;

namespace Comity.Evaluation;

/// <summary>Builds pairs.csv, population.csv and their README from loaded list entities.</summary>
internal static class Generator
{
    public static readonly string[] PairsHeader = ["name1", "name2", "schema", "is_match", "kind", "split", "entity1", "entity2"];
    public static readonly string[] PopulationHeader = ["id", "name", "schema", "dob", "nationality", "locale", "kind", "split"];

    public static (List<PairRow> Pairs, List<PopulationRow> Population) Build(IReadOnlyList<Entity> entities, GeneratorOptions options)
    {
        var pairs = PositivePairs.Generate(entities, options);
        pairs.AddRange(HardNegatives.Generate(entities, options));
        pairs.AddRange(HardPairs.Generate(entities, options));

        // A query is at most 64 words (QueryLimits); list names of descriptions run longer and are not names to screen.
        // (each Han, Hangul or Kana character is a word of its own).
        pairs.RemoveAll(p => NameKey.Tokens(p.Name1).Length + p.Name1.Count(c => c is >= '\u3040' and <= '\u9FFF' or >= '\uAC00' and <= '\uD7A3') > 40);
        var listedKeys = entities.SelectMany(e => e.Names).Select(n => NameKey.Sorted(n.Full)).ToHashSet(StringComparer.Ordinal);
        var population = PopulationGenerator.Generate(listedKeys, options);
        return (pairs, population);
    }

    public static void Write(string outDir, List<PairRow> pairs, List<PopulationRow> population, ReadmeFacts facts)
    {
        Directory.CreateDirectory(outDir);
        CsvText.Write(Path.Combine(outDir, "pairs.csv"), PairsHeader, pairs.Select(p => (IReadOnlyList<string>)
            [p.Name1, p.Name2, p.Schema, p.IsMatch ? "1" : "0", p.Kind, p.Split, p.Entity1, p.Entity2]));
        CsvText.Write(Path.Combine(outDir, "population.csv"), PopulationHeader, population.Select(r => (IReadOnlyList<string>)
            [r.Id, r.Name, r.Schema, r.Dob, r.Nationality, r.Locale, r.Kind, r.Split]));
        File.WriteAllText(Path.Combine(outDir, "README.md"), Readme.Render(pairs, population, facts));
    }
}
