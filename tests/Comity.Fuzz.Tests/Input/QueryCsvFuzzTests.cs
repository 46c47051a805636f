using Comity.Application.Input;
using Comity.Fuzz.Tests.Support;

namespace Comity.Fuzz.Tests.Input;

/// <summary>The query CSV reader (<c>comity screen INPUT</c>), from the bundled example, mutated: every case either
/// reads (each row a query or an error naming its line) or is refused at the header with the documented
/// <see cref="ArgumentException"/>; never another exception, a hang or unbounded allocation.</summary>
public sealed class QueryCsvFuzzTests
{
    private const string Seed = "0000002fuzzC";

    [Fact]
    public void Mutated_query_csvs_read_or_fail_cleanly()
    {
        var seed = File.ReadAllBytes(Path.Combine(SeedFiles.Root, "examples", "customers.csv"));
        var dir = Directory.CreateTempSubdirectory("comity-fuzz-csv").FullName;
        try
        {
            var plan = Mutations.Plan(Seed, 64);
            for (var i = -1; i < plan.Length; i++)
            {
                var bytes = i < 0 ? seed : Mutations.Apply(seed, plan[i]);
                var path = Path.Combine(dir, $"case{i + 1}.csv");
                File.WriteAllBytes(path, bytes);
                var what = i < 0 ? "unchanged seed" : plan[i].ToString();
                var outcome = Bounded.Run($"customers.csv, {what}", () =>
                {
                    foreach (var row in QueryCsvReader.Read(path))
                    {
                        Assert.True(row.Line >= 2, $"{what}: row {row.Row} has line {row.Line}");
                        Assert.True((row.Query is null) != (row.Error is null), $"{what}: line {row.Line} has both or neither of a query and an error");
                        Assert.True(row.Error is null || row.Error.Length > 0);
                    }

                    return Outcome.Result;
                }, e => e is ArgumentException and not ArgumentNullException, (64L << 20) + (400L * bytes.Length));
                if (i < 0)
                {
                    Assert.Equal(Outcome.Result, outcome);
                }
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
