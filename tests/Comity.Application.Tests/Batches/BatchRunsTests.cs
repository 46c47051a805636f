using System.Text;
using System.Text.Json;
using Comity.Application.Batches;
using Comity.Application.Corpus;
using Comity.Application.Input;
using Comity.Application.Reviews;
using Comity.Application.Runs;
using Comity.Application.Screening;
using Comity.Application.Tests.Evaluation;
using Comity.Core.Model;
using Comity.Law;
using Comity.Storage;
using Comity.Storage.Alerts;

namespace Comity.Application.Tests.Batches;

/// <summary>Background batch runs on the real UN list and a real SQLite store: detected mapping, every row in the
/// results, alerts recorded per chunk, cancellation that keeps what was screened.</summary>
public sealed class BatchRunsTests : IAsyncLifetime
{
    private static readonly Lazy<CorpusSnapshot> Snapshot = new(() =>
        new CorpusSnapshot(CorpusLoader.Load([RepoFiles.Path("data/lists/un/UN_consolidated.xml")]), TimeSpan.Zero));

    private static readonly Lazy<LawEngine> Law = new(() => LawEngine.LoadDefault(RepoFiles.Path("data")));

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "comity-batch-tests", Guid.NewGuid().ToString("N")[..10]);
    private IComityStore _store = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        _store = await ComityStores.OpenAsync("sqlite:" + Path.Combine(_dir, "c.db"), new StoreOptions { ReviewPolicy = FourEyesPolicy.Instance }, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private static List<string> Listed(int n) =>
        [.. Snapshot.Value.Corpus.Entities.Where(e => e.Schema == Schema.Person && e.Caption.Split(' ').Length >= 3).Select(e => e.Caption).Distinct().Order(StringComparer.Ordinal).Take(n)];

    private BatchRuns Runs() => new(new ScreeningRuns(_store, Law), _store, () => Snapshot.Value, TimeProvider.System, new BatchOptions { Directory = Path.Combine(_dir, "batches"), ChunkSize = 64 });

    [Fact]
    public async Task A_run_detects_the_mapping_screens_every_row_reports_bad_rows_and_records_alerts()
    {
        var listed = Listed(3);
        var csv = new StringBuilder("Kundennummer;Name;Geburtsdatum;Notiz;Konto\n");
        for (var i = 1; i <= 300; i++)
        {
            var name = i % 100 == 0 ? listed[(i / 100) - 1] : $"Customer Number{i} Hendriksen";
            // Listed names carry no date of birth (a wrong one would rightly count against the match).
            csv.Append(i == 150 ? $"k{i};\"unterminated;1970;x;K{i}\n" : i % 100 == 0 ? $"k{i};{name};;x;K{i}\n" : $"k{i};{name};1970-01-01;x;K{i}\n");
        }

        await using var runs = Runs();
        var job = await runs.UploadAsync("ana", "kunden.csv", new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())), Ct);
        Assert.Equal(BatchState.Mapping, job.State);
        Assert.Equal(300, job.Total);
        Assert.Equal([QueryField.Id, QueryField.Name, QueryField.BirthDate, null, null], job.File.Columns.Select(c => c.Field));
        Assert.Equal(BatchFile.PreviewRows, job.File.Preview.Count);
        Assert.Equal("Customer Number1 Hendriksen", job.File.Preview[0][1]);

        // The analyst keeps the detected binding, leaves the note out and reads the unrecognised account column as an id.
        var mapping = new Dictionary<string, string> { ["Notiz"] = QueryCsv.Ignore, ["Konto"] = "other_id", ["Kundennummer"] = "id" };
        runs.Start(job, mapping, new ScreeningOptions(), new ScreenerProfile("DE", Role.Financial, new DateOnly(2026, 12, 1), false, false, new HashSet<string>()));
        await runs.WaitAsync(job, Ct);
        Assert.Equal(BatchState.Completed, job.State);
        Assert.Equal(100, job.Percent);
        Assert.Equal(300, job.Processed);
        Assert.Equal(1, job.Errors);
        Assert.True(job.Matched >= 3);

        var lines = await File.ReadAllLinesAsync(job.JsonlPath, Ct);
        Assert.Equal(300, lines.Length);
        using (var bad = JsonDocument.Parse(lines[149]))
        {
            Assert.Equal(150, bad.RootElement.GetProperty("row").GetInt32());
            Assert.Contains("line 151", bad.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        }

        using (var hit = JsonDocument.Parse(lines[99]))
        {
            Assert.Equal("k100", hit.RootElement.GetProperty("id").GetString());
            Assert.Contains(hit.RootElement.GetProperty("hits").EnumerateArray(), h => h.GetProperty("match").GetBoolean() && h.TryGetProperty("decision", out _));
        }

        var csvOut = await File.ReadAllLinesAsync(job.CsvPath, Ct);
        Assert.StartsWith("row,id,query_name,entity_id", csvOut[0], StringComparison.Ordinal);
        Assert.Contains(csvOut, l => l.StartsWith("150,", StringComparison.Ordinal) && l.Contains("line 151", StringComparison.Ordinal));

        var alerts = await _store.ListAlertsAsync(new AlertFilter { RunId = job.RunId, Limit = 1000 }, Ct);
        Assert.Equal(job.AlertsCreated, alerts.Total);
        Assert.True(alerts.Total >= 3);
        Assert.All(alerts.Items, a => Assert.Equal(job.RunId, a.RunId));
        Assert.Contains(alerts.Items, a => a.QueryId == "100:k100");
        var run = await _store.GetRunAsync(job.RunId!, Ct);
        Assert.NotNull(run!.FinishedAt);
    }

    [Fact]
    public async Task Cancelling_a_run_keeps_the_chunks_it_finished_and_records_the_run_as_finished()
    {
        using var cts = new CancellationTokenSource();
        var listed = Listed(1)[0];
        IEnumerable<InputRow> Rows()
        {
            for (var i = 1; i <= 2000; i++)
            {
                if (i == 601)
                {
                    cts.Cancel();
                }

                yield return new InputRow(i, i + 1, QueryBuilder.FromName(i % 50 == 0 ? listed : $"Nobody Number{i} Zzyzx", Schema.Person), null, []);
            }
        }

        var seen = new List<int>();
        string? runId = null;
        var runs = new ScreeningRuns(_store, Law);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            runs.ScreenRowsAsync(Snapshot.Value, Rows(), new ScreeningOptions(), null, "ana", (row, _) => seen.Add(row.Row), id => runId = id, 250, cts.Token));
        Assert.Equal(Enumerable.Range(1, 500), seen);
        var run = await _store.GetRunAsync(runId!, Ct);
        Assert.NotNull(run!.FinishedAt);
        Assert.Equal(500, run.Counts.Queries);
        var alerts = await _store.ListAlertsAsync(new AlertFilter { RunId = runId }, Ct);
        Assert.Equal(10, alerts.Items.Select(a => a.QueryId).Distinct().Count());
    }

    [Fact]
    public void Every_field_offered_in_the_mapping_reads_back_as_itself()
    {
        // The desk's mapping lists every field by its wire name; a mapping sends that name back.
        foreach (var f in Enum.GetValues<QueryField>())
        {
            Assert.True(QueryFields.TryParse(f.WireName(), out var back), f.WireName());
            Assert.Equal(f, back);
        }
    }

    [Fact]
    public async Task A_mapping_without_a_name_is_refused_and_a_job_waiting_for_its_mapping_cancels_at_once()
    {
        await using var runs = Runs();
        var job = await runs.UploadAsync("ana", "x.csv", new MemoryStream("name,dob\nAnna Lindqvist,1980\n"u8.ToArray()), Ct);
        Assert.Throws<ArgumentException>(() => runs.Start(job, new Dictionary<string, string> { ["name"] = QueryCsv.Ignore }, new ScreeningOptions(), null));
        Assert.Equal(BatchState.Mapping, job.State);
        Assert.True(runs.Cancel(job.Id));
        Assert.Equal(BatchState.Cancelled, job.State);
        Assert.Throws<InvalidOperationException>(() => runs.Start(job, new Dictionary<string, string>(), new ScreeningOptions(), null));
        Assert.False(runs.Cancel(job.Id));
        await Assert.ThrowsAsync<InvalidDataException>(() => runs.UploadAsync("ana", "empty.csv", new MemoryStream(), Ct));
        await Assert.ThrowsAsync<InvalidDataException>(() => runs.UploadAsync("ana", "blank.csv", new MemoryStream("\n\n"u8.ToArray()), Ct));
        Assert.Same(job, runs.Get(job.Id));
        Assert.Equal([job], runs.List("ana"));
        Assert.Empty(runs.List("ben"));
    }
}
