using System.Globalization;
using Comity.Core.Model;
using Comity.Evaluation;
using Comity.Evaluation.Output;
using Comity.Sources.Registry;

// comity-eval generate --out DIR [--seed N] [--list PATH]...
// Builds data/eval/pairs.csv, population.csv and README.md from the bundled OFAC SDN, OFAC consolidated and UN lists.
if (args.Length == 0 || !string.Equals(args[0], "generate", StringComparison.Ordinal))
{
    await Console.Error.WriteLineAsync("usage: generate --out DIR [--seed N] [--list PATH]...").ConfigureAwait(false);
    return 2;
}

string? outDir = null;
var seed = GeneratorOptions.DefaultSeed;
var lists = new List<string>();
for (var i = 1; i < args.Length; i++)
{
    var value = i + 1 < args.Length ? args[i + 1] : null;
    switch (args[i])
    {
        case "--out" when value is not null:
            outDir = value;
            i++;
            break;
        case "--seed" when value is not null && int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s):
            seed = s;
            i++;
            break;
        case "--list" when value is not null:
            lists.Add(value);
            i++;
            break;
        default:
            await Console.Error.WriteLineAsync($"unknown or incomplete option: {args[i]}").ConfigureAwait(false);
            return 2;
    }
}

if (outDir is null)
{
    await Console.Error.WriteLineAsync("--out DIR is required").ConfigureAwait(false);
    return 2;
}

var root = RepoRoot.Find();
if (lists.Count == 0)
{
    lists.AddRange(RepoRoot.DefaultLists.Select(l => Path.Combine(root, l)));
}

var entities = new List<Entity>();
var sources = new List<string>();
foreach (var list in lists)
{
    var result = ListReaders.Load(list);
    entities.AddRange(result.Entities);
    var files = string.Join(", ", result.Provenance.Files.Select(f => $"{f.Name} sha256 {f.Sha256[..16]}"));
    sources.Add($"`{Path.GetRelativePath(root, list).Replace('\\', '/')}` ({result.Provenance.Format}, {result.Provenance.Source}): "
        + $"{result.Entities.Length} entities, {result.Diagnostics.Length} diagnostics; {files}");
}

var options = new GeneratorOptions { Seed = seed };
var (pairs, population) = Generator.Build(entities, options);
var command = "dotnet run --project bench/Comity.Evaluation -c Release -- generate --out data/eval"
    + (seed == GeneratorOptions.DefaultSeed ? string.Empty : " --seed " + seed.ToString(CultureInfo.InvariantCulture));
Generator.Write(outDir, pairs, population, new ReadmeFacts(seed, command, sources));
Console.WriteLine($"{entities.Count} entities; pairs: {pairs.Count(p => p.IsMatch)} positive, {pairs.Count(p => !p.IsMatch)} negative; "
    + $"population: {population.Count} rows; written to {outDir}");
return 0;
