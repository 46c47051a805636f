using System.Globalization;
using Comity.Application.Corpus;
using Comity.Application.Evaluation;
using Comity.Evaluation;
using Comity.Evaluation.Baseline;
using Comity.Evaluation.Output;

// generate --out DIR [--seed N] [--list PATH]...
//   Builds data/eval/pairs.csv, population.csv and README.md from the default corpus (data/default-corpus.json).
// baseline [--pairs FILE] [--split dev|test|all]
//   Scores the pairs with a naive trigram matcher and prints the calibration metrics (a floor for the real matcher).
if (args.Length > 0 && string.Equals(args[0], "baseline", StringComparison.Ordinal))
{
    var pairsPath = Path.Combine(RepoRoot.Find(), "data", "eval", "pairs.csv");
    var split = "dev";
    for (var i = 1; i + 1 < args.Length; i += 2)
    {
        if (string.Equals(args[i], "--pairs", StringComparison.Ordinal))
        {
            pairsPath = args[i + 1];
        }
        else if (string.Equals(args[i], "--split", StringComparison.Ordinal))
        {
            split = args[i + 1];
        }
    }

    var read = PairsCsv.Read(pairsPath);
    foreach (var d in read.Diagnostics)
    {
        await Console.Error.WriteLineAsync(d.ToString()).ConfigureAwait(false);
    }

    var chosen = read.Rows.Where(p => split == "all" || string.Equals(p.Split, split, StringComparison.Ordinal)).ToList();
    Console.Write(BaselineReport.Render(chosen, $"{Path.GetFileName(pairsPath)} split {split}"));
    return 0;
}

if (args.Length > 0 && string.Equals(args[0], "pair-errors", StringComparison.Ordinal))
{
    // pair-errors [--split dev|test]: missed positives and matched negatives at the default threshold, with alignments.
    var errorSplit = args.Length > 2 && args[1] == "--split" ? args[2] : "dev";
    var errorCorpus = CorpusLoader.Load(DefaultCorpus.Paths());
    var labelled = PairsCsv.Read(Path.Combine(RepoRoot.Find(), "data", "eval", "pairs.csv")).Rows
        .Where(r => errorSplit == "all" || string.Equals(r.Split, errorSplit, StringComparison.Ordinal)).ToList();
    Console.Write(Comity.Evaluation.Audit.PairAudit.Run(errorCorpus, labelled, Comity.Core.Matching.MatcherOptions.DefaultThreshold));
    return 0;
}

if (args.Length > 0 && string.Equals(args[0], "classes", StringComparison.Ordinal))
{
    // classes [--threshold T]: the per-class table of issue 9 (recall per positive kind, match rate per negative kind,
    // population false alerts), dev and test side by side, on the default corpus.
    var classThreshold = args.Length > 2 && args[1] == "--threshold" ? double.Parse(args[2], CultureInfo.InvariantCulture) : Comity.Core.Matching.MatcherOptions.DefaultThreshold;
    var classCorpus = CorpusLoader.Load(DefaultCorpus.Paths());
    var evalDir = Path.Combine(RepoRoot.Find(), "data", "eval");
    Console.Write(Comity.Evaluation.Audit.ClassReport.Run(classCorpus, PairsCsv.Read(Path.Combine(evalDir, "pairs.csv")).Rows,
        PopulationCsv.Read(Path.Combine(evalDir, "population.csv")).Rows, classThreshold));
    return 0;
}

if (args.Length > 0 && string.Equals(args[0], "learn", StringComparison.Ordinal))
{
    // learn [--target PERCENT]: the learned-combination experiment (logistic regression on the scorer's quantities,
    // trained on dev) against the hand-written score, each at a threshold chosen on dev, compared on the test split.
    var target = 0.5;
    if (args.Length > 1 && (args.Length != 3 || args[1] != "--target"
        || !double.TryParse(args[2], NumberStyles.Float, CultureInfo.InvariantCulture, out target) || target is < 0 or > 100))
    {
        await Console.Error.WriteLineAsync("usage: learn [--target PERCENT]  (PERCENT: dev false alerts allowed, 0 to 100)").ConfigureAwait(false);
        return 2;
    }

    var learnCorpus = CorpusLoader.Load(DefaultCorpus.Paths());
    var learnDir = Path.Combine(RepoRoot.Find(), "data", "eval");
    Console.Write(Comity.Evaluation.Audit.LearnedCombination.Run(learnCorpus, PairsCsv.Read(Path.Combine(learnDir, "pairs.csv")).Rows,
        PopulationCsv.Read(Path.Combine(learnDir, "population.csv")).Rows, target));
    return 0;
}

if (args.Length > 0 && string.Equals(args[0], "false-alerts", StringComparison.Ordinal))
{
    // false-alerts [--split dev|test] [--threshold T] [--show N] [--list PATH]...: the population's false alerts by class.
    var auditSplit = "dev";
    var threshold = Comity.Core.Matching.MatcherOptions.DefaultThreshold;
    var show = 200;
    var auditLists = new List<string>();
    for (var i = 1; i + 1 < args.Length; i += 2)
    {
        switch (args[i])
        {
            case "--split": auditSplit = args[i + 1]; break;
            case "--threshold": threshold = double.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
            case "--show": show = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
            case "--list": auditLists.Add(args[i + 1]); break;
            default: await Console.Error.WriteLineAsync($"unknown option: {args[i]}").ConfigureAwait(false); return 2;
        }
    }

    var auditCorpus = CorpusLoader.Load(auditLists.Count > 0 ? auditLists : DefaultCorpus.Paths());
    var rows = PopulationCsv.Read(Path.Combine(RepoRoot.Find(), "data", "eval", "population.csv")).Rows
        .Where(r => auditSplit == "all" || string.Equals(r.Split, auditSplit, StringComparison.Ordinal)).ToList();
    Console.Write(Comity.Evaluation.Audit.FalseAlertAudit.Run(auditCorpus, rows, threshold, show));
    return 0;
}

if (args.Length == 0 || !string.Equals(args[0], "generate", StringComparison.Ordinal))
{
    await Console.Error.WriteLineAsync("usage: generate --out DIR [--seed N] [--list PATH]... | baseline [--pairs FILE] [--split dev|test|all]").ConfigureAwait(false);
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
    lists.AddRange(DefaultCorpus.Paths());
}

// The corpus users screen against: the same loader as `comity screen` (curated rows superseded by official ones dropped).
var corpus = CorpusLoader.Load(lists);
var entities = corpus.Entities.ToList();
var sources = corpus.Datasets
    .Select(d => $"`{Path.GetRelativePath(root, d.Path).Replace('\\', '/')}` ({d.Format}, {d.Source}): {d.EntityCount} entities, "
        + $"{d.Diagnostics.Length} diagnostics; " + string.Join(", ", d.Provenance.Files.Select(f => $"{f.Name} sha256 {f.Sha256[..16]}")))
    .ToList();

var options = new GeneratorOptions { Seed = seed };
var (pairs, population) = Generator.Build(entities, options);
var command = "dotnet run --project bench/Comity.Evaluation -c Release -- generate --out data/eval"
    + (seed == GeneratorOptions.DefaultSeed ? string.Empty : " --seed " + seed.ToString(CultureInfo.InvariantCulture));
Generator.Write(outDir, pairs, population, new ReadmeFacts(seed, command, sources));
Console.WriteLine($"{entities.Count} entities; pairs: {pairs.Count(p => p.IsMatch)} positive, {pairs.Count(p => !p.IsMatch)} negative; "
    + $"population: {population.Count} rows; written to {outDir}");
return 0;
