using System.Diagnostics;
using Comity.Core.Matching;
using Comity.Core.Model;
using CsCheck;

namespace Comity.Core.Tests.Matching;

/// <summary>Issue 10, finding 1: one long word must not stall a core. Names beyond the documented caps are refused
/// before any per-name work; within the caps the work grows at most linearly with the name's length.</summary>
public class QueryLimitsTests
{
    private const string Seed = "0000001diAn7";
    private static readonly MatchIndex Index = TestEntities.Index();

    private static readonly Gen<char> Letter = Gen.Char['a', 'z'];

    [Fact]
    public void A_one_megabyte_one_word_name_is_refused_at_once()
    {
        var name = new string('a', 1 << 20);
        var watch = Stopwatch.StartNew();
        var ex = Assert.Throws<QueryLimitException>(() => Index.Match(new Query { Names = [name] }));
        watch.Stop();
        Assert.Equal("names[0]", ex.Violation.Field);
        Assert.Equal(nameof(QueryLimits.MaxNameChars), ex.Violation.Limit);
        Assert.Equal(name.Length, ex.Violation.Actual);
        Assert.Contains("1000", ex.Message, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"refusing took {watch.Elapsed}");
        Assert.Equal(ex.Violation, QueryLimits.Check(new Query { Names = [name] }));
    }

    [Fact]
    public void Every_entry_point_refuses_an_oversized_name()
    {
        var query = new Query { Names = ["ok", new string('b', QueryLimits.MaxNameChars + 1)] };
        Assert.Equal("names[1]", Assert.Throws<QueryLimitException>(() => Index.Match(query)).Violation.Field);
        Assert.Throws<QueryLimitException>(() => Index.MatchExhaustive(query));
        Assert.Throws<QueryLimitException>(() => Index.Score(query, TestEntities.Person("Bbb")));
        Assert.Throws<QueryLimitException>(() => Index.MatchCancellable(query, 5, 0.5, TestContext.Current.CancellationToken));
        var parts = new Query { Parts = new NameParts(Given: "x", Family: new string('c', QueryLimits.MaxNameChars)) };
        Assert.Equal("name parts", Assert.Throws<QueryLimitException>(() => Index.Match(parts)).Violation.Field);
    }

    [Fact]
    public void A_word_or_a_word_count_beyond_the_caps_is_refused_naming_the_limit()
    {
        var longWord = new Query { Names = [new string('d', QueryLimits.MaxTokenChars + 1)] };
        var v = Assert.Throws<QueryLimitException>(() => Index.Match(longWord)).Violation;
        Assert.Equal((nameof(QueryLimits.MaxTokenChars), QueryLimits.MaxTokenChars + 1), (v.Limit, v.Actual));

        var manyWords = new Query { Names = [string.Join(' ', Enumerable.Range(0, QueryLimits.MaxTokens + 1).Select(i => "w" + Letters(i)))] };
        v = Assert.Throws<QueryLimitException>(() => Index.Match(manyWords)).Violation;
        Assert.Equal((nameof(QueryLimits.MaxTokens), QueryLimits.MaxTokens + 1), (v.Limit, v.Actual));

        var manyNames = new Query { Names = [.. Enumerable.Range(0, QueryLimits.MaxNames + 1).Select(i => "n" + Letters(i))] };
        Assert.Equal(nameof(QueryLimits.MaxNames), Assert.Throws<QueryLimitException>(() => Index.Match(manyNames)).Violation.Limit);
        Assert.Equal(nameof(QueryLimits.MaxNames), QueryLimits.Check(manyNames)!.Limit);
    }

    [Fact]
    public void Names_at_the_caps_are_screened()
    {
        var word = new string('e', QueryLimits.MaxTokenChars);
        Assert.Null(QueryLimits.Check(new Query { Names = [word] }));
        Assert.Empty(Index.Match(new Query { Names = [word] }));

        // The listed name itself inside a name of the largest size still matches it.
        var padding = string.Join(' ', Enumerable.Range(0, QueryLimits.MaxTokens - 3).Select(i => "q" + Letters(i)));
        var name = "Sergey Ivanov " + padding;
        Assert.Null(QueryLimits.Check(new Query { Names = [name] }));
        Assert.Equal(QueryLimits.MaxTokens - 1, name.Split(' ').Length);
        var hits = Index.Match(new Query { Names = [name] }, limit: 5, minScore: 0.01);
        Assert.Equal("Sergey Ivanov", Assert.Single(hits).Entity.Caption);
    }

    [Fact]
    public void A_cancelled_token_stops_the_match()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => Index.MatchCancellable(new Query { Names = ["Sergey Ivanov"] }, 5, 0.5, cts.Token));
        Assert.NotEmpty(Index.MatchCancellable(new Query { Names = ["Sergey Ivanov"] }, 5, 0.5, TestContext.Current.CancellationToken));
    }

    /// <summary>The work (deterministic counter of characters normalised, tokens looked up and compared, candidates
    /// scored) and the bytes allocated to screen one word, doubling its length up to the cap: linear cost at most
    /// doubles; the old split search (every split point, two substrings each) quadrupled.</summary>
    [Fact]
    public void Screening_one_word_costs_at_most_linear_time_in_its_length() =>
        Gen.String[Letter, QueryLimits.MaxTokenChars, QueryLimits.MaxTokenChars].Sample(word =>
            AssertLinear(word, length => word[..length], QueryLimits.MaxTokenChars), seed: Seed, iter: 60, threads: 1);

    /// <summary>The same for a name of many words, up to the caps on characters and words.</summary>
    [Fact]
    public void Screening_a_long_name_costs_at_most_linear_time_in_its_length() =>
        Gen.String[Letter, 15, 17].Array[QueryLimits.MaxTokens, QueryLimits.MaxTokens]
            .Select(words => string.Join(' ', words)[..QueryLimits.MaxNameChars])
            .Sample(name => AssertLinear(name, length => name[..length].TrimEnd(), QueryLimits.MaxNameChars), seed: Seed, iter: 20, threads: 1);

    /// <summary>The affix walk finds exactly the prefixes and suffixes that are listed words (brute force: every
    /// substring looked up), on words glued from listed words and random letters.</summary>
    [Fact]
    public void Affix_walk_agrees_with_looking_up_every_split()
    {
        var vocabulary = Index.Vocabulary;
        var affixes = new AffixIndex(vocabulary);
        var listed = Gen.Int[0, vocabulary.Count - 1].Select(id => vocabulary[id].Text);
        Gen.OneOf(listed, Gen.String[Letter, 1, 6]).Array[1, 4].Select(string.Concat).Sample(text =>
        {
            var prefixes = new int[text.Length + 1];
            var suffixes = new int[text.Length + 1];
            affixes.Prefixes(text, prefixes);
            affixes.Suffixes(text, suffixes);
            for (var p = 1; p < text.Length; p++)
            {
                Assert.Equal(Word(text[..p]), prefixes[p]);
                Assert.Equal(Word(text[p..]), suffixes[p]);
            }
        }, seed: Seed, iter: 500, threads: 1);

        int Word(string t)
        {
            var id = vocabulary.Find(new Comity.Core.Text.NameToken(t, Comity.Core.Text.TokenClass.Word));
            return id >= 0 && vocabulary[id].Class != Comity.Core.Text.TokenClass.LegalForm ? id : -1;
        }
    }

    private static void AssertLinear(string full, Func<int, string> prefix, int cap)
    {
        // Warm the pools and lazy tables so that allocation counts the query's own work only.
        Cost(full);
        var previous = (Work: 0L, Bytes: 0L);
        for (var length = cap / 8; length <= cap; length *= 2)
        {
            var cost = Cost(prefix(length));
            if (previous.Work > 0)
            {
                Assert.True(cost.Work <= 2.5 * previous.Work, $"work {previous.Work} -> {cost.Work} when the length doubled to {length}");
                Assert.True(cost.Bytes <= 2.5 * previous.Bytes, $"bytes {previous.Bytes} -> {cost.Bytes} when the length doubled to {length}");
            }

            previous = cost;
        }
    }

    /// <summary>The work and the fewest bytes of three runs: the first run of a length may find the shared array pool
    /// empty (other test threads hold its buffers) and allocate buffers that the later runs rent from this thread's
    /// cache, so the minimum is the query's own allocation, and it repeats from run to run.</summary>
    private static (long Work, long Bytes) Cost(string name)
    {
        var query = new Query { Names = [name] };
        var bytes = long.MaxValue;
        var work = 0L;
        for (var run = 0; run < 3; run++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            Index.MatchCancellable(query, 5, 0.5, CancellationToken.None, out work);
            bytes = Math.Min(bytes, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return (work, bytes);
    }

    private static string Letters(int i) => string.Concat(i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture).Select(c => (char)('a' + c - '0')));
}
