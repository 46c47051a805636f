using Comity.Fuzz.Tests.Support;
using Comity.Sources.Abstractions;
using Comity.Sources.Registry;

namespace Comity.Fuzz.Tests.Sources;

/// <summary>Every list reader, from a real file of its format, mutated (truncation, byte flips, invalid UTF-8, lone
/// surrogates, huge fields, deep nesting, duplicated slices, swapped values): each case loads (possibly with
/// diagnostics) or fails with a <see cref="ListFormatException"/> naming the file; never another exception, a hang or
/// unbounded allocation.</summary>
public sealed class ListReaderFuzzTests
{
    private const string Seed = "0000001diAn7";

    public static TheoryData<string> Seeds => [.. SeedFiles.All.Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Mutated_lists_load_or_fail_cleanly(string name)
    {
        var seed = SeedFiles.All.Single(s => s.Name == name);
        var unchanged = Load(seed, seed.Bytes, "unchanged seed");
        Assert.Equal(Outcome.Result, unchanged);
        foreach (var m in Mutations.Plan(Seed, seed.Cases))
        {
            Load(seed, Mutations.Apply(seed.Bytes, m), m.ToString());
        }
    }

    /// <summary>Kept case (found by this suite): U+FFFE in a CSL row (valid UTF-8, refused by .NET's normalisation)
    /// threw ArgumentException from country resolution; now the file is refused naming the line.</summary>
    [Fact]
    public void A_csl_file_holding_U_FFFE_is_refused_naming_the_line()
    {
        var seed = SeedFiles.All.Single(s => s.Name == "us-csl");
        var text = System.Text.Encoding.UTF8.GetString(seed.Bytes).Split('\n');
        text[3] = text[3].Replace(",", ",\uFFFE&#55296;", StringComparison.Ordinal);
        var path = seed.Write(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', text)));
        try
        {
            var e = Assert.Throws<ListFormatException>(() => ListReaders.Load(path, TestContext.Current.CancellationToken));
            Assert.StartsWith("consolidated.csv: line 4, column", e.Message, StringComparison.Ordinal);
            Assert.Contains("U+FFFE", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    /// <summary>Loads one case; the message of a refusal must name the file that was mutated or the list's folder.</summary>
    internal static Outcome Load(SeedList seed, byte[] bytes, string what)
    {
        var path = seed.Write(bytes);
        try
        {
            var description = $"{seed.Name} ({seed.Target}), {what}";
            ListFormatException? refused = null;
            var outcome = Bounded.Run(description, () =>
            {
                try
                {
                    var result = ListReaders.Load(path, TestContext.Current.CancellationToken);
                    Assert.NotNull(result.Provenance);
                    return Outcome.Result;
                }
                catch (ListFormatException e)
                {
                    refused = e;
                    throw;
                }
            }, e => e is ListFormatException, MaxAllocated(bytes.Length));
            if (refused is not null)
            {
                Assert.False(string.IsNullOrWhiteSpace(refused.Location), $"{description}: refusal without a location: {refused.Message}");
                Assert.True(
                    refused.File.Length > 0 && (seed.Target.EndsWith(refused.File, StringComparison.Ordinal) || path.EndsWith(refused.File, StringComparison.Ordinal)
                        || Directory.Exists(path)),
                    $"{description}: the refusal names '{refused.File}', not the file: {refused.Message}");
            }

            return outcome;
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    /// <summary>256 MB plus 200 bytes per input byte: a reader's working memory is proportional to its input.</summary>
    internal static long MaxAllocated(int inputBytes) => (256L << 20) + (200L * inputBytes);
}
