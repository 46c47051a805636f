using System.Globalization;

namespace Comity.LoadTest;

/// <summary>Command-line options of the load benchmark; defaults in one place.</summary>
internal sealed record LoadOptions
{
    /// <summary>Upper bound on the measured time of each concurrency level.</summary>
    public double Seconds { get; init; } = 10;

    /// <summary>Upper bound on the requests of each concurrency level.</summary>
    public int Requests { get; init; } = 50_000;

    public IReadOnlyList<int> Concurrency { get; init; } = [1, 8, 32];

    public int Warmup { get; init; } = 1_000;

    public int Seed { get; init; } = 20261128;

    public static LoadOptions Parse(string[] args)
    {
        var o = new LoadOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            o = args[i] switch
            {
                "--seconds" => o with { Seconds = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--requests" => o with { Requests = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--concurrency" => o with { Concurrency = [.. Next().Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture))] },
                "--warmup" => o with { Warmup = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--seed" => o with { Seed = int.Parse(Next(), CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"unknown option {args[i]} (use --seconds, --requests, --concurrency 1,8,32, --warmup, --seed)"),
            };
        }

        if (o.Seconds is <= 0 or > 600 || o.Requests <= 0)
        {
            throw new ArgumentException("--seconds must be in (0, 600] and --requests positive");
        }

        return o;
    }
}
