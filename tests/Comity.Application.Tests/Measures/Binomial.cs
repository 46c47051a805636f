namespace Comity.Application.Tests.Measures;

/// <summary>Exact binomial tail probabilities, for the pass marks of sampled accuracy tests.</summary>
internal static class Binomial
{
    /// <summary>P(X ≥ k) for X ~ Binomial(n, p): the chance that a sample of <paramref name="n"/> trials from a system whose
    /// true event rate is exactly <paramref name="p"/> shows <paramref name="k"/> events or more.</summary>
    public static double AtLeast(int n, int k, double p)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (k <= 0)
        {
            return 1;
        }

        if (k > n)
        {
            return 0;
        }

        // P(X ≤ k - 1), summed in log space term by term.
        var below = 0.0;
        var logTerm = n * Math.Log(1 - p);
        for (var i = 0; i < k; i++)
        {
            below += Math.Exp(logTerm);
            logTerm += Math.Log((n - i) / (i + 1.0)) + Math.Log(p / (1 - p));
        }

        return Math.Max(0, 1 - below);
    }

    /// <summary>P(X ≤ k) for X ~ Binomial(n, p).</summary>
    public static double AtMost(int n, int k, double p) => 1 - AtLeast(n, k + 1, p);
}
