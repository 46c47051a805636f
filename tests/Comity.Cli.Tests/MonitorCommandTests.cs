using System.Text.Json;

namespace Comity.Cli.Tests;

/// <summary><c>comity monitor</c> and <c>comity replay</c> in-process on a SQLite store: add (profile on the first add,
/// refused rows and exit 4), list, get, events, webhook add/list, remove, rescreen after the lists changed (the 2021 then
/// the 2024 OFAC SDN vintage), and replay of the runs (exit 0, reproduced); bad input exits 2 before anything loads.</summary>
public sealed class MonitorCommandTests
{
    private static readonly string Un = Cli.Repo("data/lists/un/UN_consolidated.xml");
    private static readonly string Sdn2021 = Cli.Repo("data/lists/ofac/sdn-csv-2021");
    private static readonly string Sdn2024 = Cli.Repo("data/lists/ofac/sdn-csv");

    private static string Db()
    {
        var dir = Path.Combine(Path.GetTempPath(), "comity-cli-monitor", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return "sqlite:" + Path.Combine(dir, "comity.db");
    }

    [Fact]
    public void Add_list_get_events_webhook_remove_rescreen_and_replay()
    {
        var db = Db();
        var csv = "id,name,dob,nationality,schema\n"
            + "c1,Nicolas Maduro,1962-11-23,Venezuela,Person\n"
            + "c2,Anna Schmidt,1985-04-12,Germany,Person\n"
            + "c3,Banco Nacional de Cuba,,,Organization\n"
            + ",No Identifier,,,Person\n"
            + "c3,Banco Nacional de Cuba duplicate,,,Organization\n"
            + "c4,\"Kim Jong Un\",1984-01-08,,Person\n";
        var add = Cli.RunWithInput(csv, "monitor", "add", "-", "--portfolio", "bank", "--db", db, "--list", Un, "--list", Sdn2021, "--jurisdiction", "DE", "--format", "json");
        Assert.True(add.Exit == 4, add.ToString());
        var report = JsonDocument.Parse(add.Lines[0]).RootElement;
        Assert.Equal(4, report.GetProperty("added").GetInt32());
        Assert.Equal(2, report.GetProperty("errors").GetArrayLength());
        Assert.Contains("line 5: no id", add.Err, StringComparison.Ordinal);
        Assert.Contains("line 6: id 'c3' given twice", add.Err, StringComparison.Ordinal);
        Assert.True(report.GetProperty("matches").GetInt32() >= 3);
        var addRun = report.GetProperty("run_id").GetString()!;

        var list = Cli.Run("monitor", "list", "--db", db);
        Assert.True(list.Exit == 0, list.ToString());
        Assert.Contains("bank", list.Out, StringComparison.Ordinal);
        Assert.Contains("\"jurisdiction\":\"DE\"", list.Out, StringComparison.Ordinal);
        var subjects = Cli.Run("monitor", "list", "--portfolio", "bank", "--db", db);
        Assert.Equal(4, subjects.Lines.Length);

        var get = Cli.Run("monitor", "get", "c3", "--portfolio", "bank", "--db", db);
        Assert.True(get.Exit == 0, get.ToString());
        var c3 = JsonDocument.Parse(get.Out).RootElement;
        Assert.True(c3.GetProperty("match").GetBoolean());
        Assert.Equal("must_not_comply", c3.GetProperty("action").GetString());
        Assert.Equal("new_hit", c3.GetProperty("alerts")[0].GetProperty("reason").GetString());
        Assert.Equal(1, Cli.Run("monitor", "get", "nobody", "--portfolio", "bank", "--db", db).Exit);

        var hook = Cli.Run("monitor", "webhook", "add", "http://127.0.0.1:9/hook", "--portfolio", "bank", "--db", db, "--max-attempts", "2");
        Assert.True(hook.Exit == 0, hook.ToString());
        Assert.Contains("secret", hook.Out, StringComparison.Ordinal);
        Assert.Contains("pending 0", Cli.Run("monitor", "webhook", "list", "--portfolio", "bank", "--db", db).Out, StringComparison.Ordinal);

        var events = Cli.Run("monitor", "events", "--db", db);
        Assert.Contains(events.Lines, l => l.Contains("\"type\":\"alert.created\"", StringComparison.Ordinal) && l.Contains("\"subject_id\":\"c3\"", StringComparison.Ordinal));

        // The lists change (the 2024 SDN vintage): the delta re-screen runs here and prints its job.
        var rescreen = Cli.Run("monitor", "rescreen", "--db", db, "--list", Un, "--list", Sdn2024);
        Assert.True(rescreen.Exit == 0, rescreen.ToString());
        Assert.Contains("job(s) enqueued", rescreen.Err, StringComparison.Ordinal);
        Assert.Contains("corpus change", rescreen.Err, StringComparison.Ordinal);
        Assert.Contains(" delta ", rescreen.Out, StringComparison.Ordinal);
        Assert.Contains("rescreen.completed", Cli.Run("monitor", "events", "--db", db, "--portfolio", "bank").Out, StringComparison.Ordinal);
        Assert.Contains("pending", Cli.Run("monitor", "webhook", "list", "--portfolio", "bank", "--db", db).Out, StringComparison.Ordinal);

        // Every run replays: the add's (rebuilt: the corpus in force then was another) and the re-screen's.
        var replay = Cli.Run("replay", addRun, "--db", db);
        Assert.True(replay.Exit == 0, replay.ToString());
        Assert.Contains("every hit reproduced exactly", replay.Out, StringComparison.Ordinal);
        Assert.Contains("rebuilt from the recorded recipe", replay.Out, StringComparison.Ordinal);
        var rescreenRun = Cli.Run("monitor", "events", "--db", db).Lines
            .Select(l => JsonDocument.Parse(l).RootElement).Last(e => e.GetProperty("type").GetString() == "rescreen.completed").GetProperty("run_id").GetString()!;
        var json = Cli.Run("replay", rescreenRun, "--db", db, "--format", "json");
        Assert.True(json.Exit == 0, json.ToString());
        Assert.True(JsonDocument.Parse(json.Out).RootElement.GetProperty("reproduced").GetBoolean());

        var remove = Cli.Run("monitor", "remove", "c2", "c9", "--portfolio", "bank", "--db", db);
        Assert.True(remove.Exit == 0, remove.ToString());
        Assert.Contains("1 subject(s) removed", remove.Out, StringComparison.Ordinal);
        Assert.Equal(3, Cli.Run("monitor", "list", "--portfolio", "bank", "--db", db).Lines.Length);
    }

    [Fact]
    public void Bad_input_exits_2_with_one_line_before_any_list_is_loaded()
    {
        var corpus = new SharedCorpus();
        var db = Db();
        Cli.AssertOneLine(Cli.Run(corpus, "id,name\n1,x\n", "monitor", "add", "-", "--portfolio", "no spaces", "--db", db), 2, "--portfolio");
        Cli.AssertOneLine(Cli.Run(corpus, "id,name\n1,x\n", "monitor", "add", "-", "--db", db, "--threshold", "2"), 2, "--threshold");
        Cli.AssertOneLine(Cli.Run(corpus, "id,name\n1,x\n", "monitor", "add", "-", "--db", "mysql:x"), 2, "--db");
        Cli.AssertOneLine(Cli.Run(corpus, "id,name\n1,x\n", "monitor", "add", "-", "--db", db, "--jurisdiction", "Atlantis"), 2, "--jurisdiction");
        Cli.AssertOneLine(Cli.Run(corpus, null, "replay", "no-such-run", "--db", db), 2, "no such database file");
        Assert.Equal(0, corpus.Loads);
        Cli.AssertOneLine(Cli.Run(corpus, null, "worker", "--db", db, "--lease", "-1"), 2, "--lease");
        Cli.AssertOneLine(Cli.Run(corpus, null, "serve", "--update-every", "1h"), 2, "--data-dir");
        Cli.AssertOneLine(Cli.Run(corpus, null, "serve", "--update-every", "soon", "--data-dir", Path.GetTempPath()), 2, "--update-every soon");
        Assert.Equal(0, corpus.Loads);
    }
}
