using Comity.Application.Corpus;
using Comity.Application.Input;
using Comity.Application.Output;
using Comity.Application.Screening;
using Comity.Application.Tests.Measures;

namespace Comity.Application.Tests.Screening;

/// <summary>The parallel batch keeps input order whatever the workers' speed, stops on the first failure after
/// delivering what came before it, stops cleanly when abandoned, and screens a file to the same bytes as one by one.</summary>
public sealed class OrderedPipelineTests
{
    [Theory]
    [InlineData(16)]
    [InlineData(2048)]
    public void Results_come_in_input_order_whatever_each_item_costs(int window)
    {
        var random = new Random(20261207);
        var delays = Enumerable.Range(0, 2_000).Select(_ => random.Next(4) == 0 ? random.Next(3) : 0).ToArray();
        var results = OrderedPipeline<int, int>.Run(Enumerable.Range(0, delays.Length), i =>
        {
            if (delays[i] > 0)
            {
                Thread.Sleep(delays[i]);
            }

            return i * 2;
        }, workers: 4, window, TestContext.Current.CancellationToken).ToList();
        Assert.Equal(Enumerable.Range(0, delays.Length), results.Select(r => r.Item));
        Assert.All(results, r => Assert.Equal(r.Item * 2, r.Result));
    }

    /// <summary>A window of 8 moves items one by one; 2048 in chunks of 64, so the failure falls inside a chunk.</summary>
    [Theory]
    [InlineData(8)]
    [InlineData(2048)]
    public void A_failing_item_stops_the_run_after_the_results_before_it(int window)
    {
        // Repeated: the items before the failure are still in the workers' hands when it happens (a race CI once lost).
        for (var round = 0; round < 50; round++)
        {
            var seen = new List<int>();
            var e = Record.Exception(() =>
            {
                foreach (var (item, _) in OrderedPipeline<int, int>.Run(Enumerable.Range(0, 1_000), i => i == 500 ? throw new InvalidOperationException("item 500") : i, 2, window, TestContext.Current.CancellationToken))
                {
                    seen.Add(item);
                }
            });
            Assert.IsType<InvalidOperationException>(e);
            Assert.Equal("item 500", e.Message);
            Assert.Equal(Enumerable.Range(0, 500), seen);
        }
    }

    [Fact]
    public void When_a_later_item_fails_first_the_earlier_failure_still_wins()
    {
        using var earlierMayFail = new ManualResetEventSlim();
        var seen = new List<int>();
        var e = Record.Exception(() =>
        {
            foreach (var (item, _) in OrderedPipeline<int, int>.Run(Enumerable.Range(0, 20), i =>
            {
                if (i == 5)
                {
                    // Fails only after item 6 has failed.
                    Assert.True(earlierMayFail.Wait(TimeSpan.FromSeconds(30)));
                    throw new InvalidOperationException("item 5");
                }

                if (i == 6)
                {
                    earlierMayFail.Set();
                    throw new InvalidOperationException("item 6");
                }

                return i;
            }, 2, 8, TestContext.Current.CancellationToken))
            {
                seen.Add(item);
            }
        });
        Assert.IsType<InvalidOperationException>(e);
        Assert.Equal("item 5", e.Message);
        Assert.Equal(Enumerable.Range(0, 5), seen);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(2048)]
    public void A_failing_input_is_rethrown_after_the_items_it_gave(int window)
    {
        static IEnumerable<int> Input()
        {
            for (var i = 0; i < 100; i++)
            {
                yield return i;
            }

            throw new InvalidDataException("line 101: broken");
        }

        // Repeated: when the input fails, the last items it gave are still queued or being worked on (CI once lost four).
        for (var round = 0; round < 50; round++)
        {
            var seen = new List<int>();
            var e = Record.Exception(() =>
            {
                foreach (var (item, _) in OrderedPipeline<int, int>.Run(Input(), i => i, 2, window, TestContext.Current.CancellationToken))
                {
                    seen.Add(item);
                }
            });
            Assert.IsType<InvalidDataException>(e);
            Assert.Equal(Enumerable.Range(0, 100), seen);
        }
    }

    [Fact]
    public void Abandoning_the_results_stops_reader_and_workers()
    {
        var read = 0;
        IEnumerable<int> Endless()
        {
            for (var i = 0; ; i++)
            {
                Interlocked.Increment(ref read);
                yield return i;
            }
        }

        var first = OrderedPipeline<int, int>.Run(Endless(), i => i, 2, 32, TestContext.Current.CancellationToken).Take(10).Select(r => r.Result).ToList();
        Assert.Equal(Enumerable.Range(0, 10), first);
        var after = Volatile.Read(ref read);
        Thread.Sleep(200);
        Assert.Equal(after, Volatile.Read(ref read));
        Assert.True(after <= 10 + 32 + 1, $"read {after} items with a window of 32");
    }

    [Fact]
    public void A_batch_screened_on_every_core_equals_the_rows_screened_one_by_one()
    {
        var corpus = CorpusLoader.Load(EvalData.Lists, cancellationToken: TestContext.Current.CancellationToken);
        var screener = new Screener(corpus, new ScreeningOptions());
        var rows = QueryCsvReader.Read(EvalData.PopulationCsv).Take(300).ToList();
        rows.AddRange(IndexRecall.Queries(corpus.Entities, 300).Select((q, i) => new InputRow(301 + i, 302 + i, q.Query, null, [])));
        var parallel = Write(screener.ScreenMany(rows, r => r.Query, 64, TestContext.Current.CancellationToken));
        var sequential = Write(rows.Select(r => (r, r.Query is null ? null : screener.Screen(r.Query))));
        Assert.Equal(sequential, parallel);
        Assert.Contains("\"hits\":[{", sequential, StringComparison.Ordinal);
    }

    private static string Write(IEnumerable<(InputRow Row, ScreeningResult? Result)> results)
    {
        using var buffer = new MemoryStream();
        using (var writer = new ScreeningWriter(buffer, OutputFormat.Jsonl))
        {
            foreach (var (row, result) in results)
            {
                if (result is null)
                {
                    writer.WriteError(row);
                }
                else
                {
                    writer.Write(row, result);
                }
            }
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
