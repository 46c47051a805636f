using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Comity.Application.Corpus;
using Comity.Core.Model;
using Comity.Server;

namespace Comity.Cli.Tests;

/// <summary>The one-pipeline contract: the same 200 subjects (persons, companies, vessels; with and without dates,
/// countries, identifiers; listed, varied and not listed) sent through <c>comity screen</c> (a real process),
/// <c>POST /v1/screen</c> and <c>POST /match/default</c> (a real server on loopback, threshold and cutoff set equal)
/// give the same candidates, scores, <c>match</c> flags and (CLI and native API) decisions.</summary>
public sealed class ConsistencyTests
{
    private const double Threshold = 0.64;

    private static readonly string[] GivenNames = ["Maria", "John", "Wei", "Olga", "Ahmed", "Fatima", "Hans", "Lucia", "Kenji", "Amara"];

    private static readonly string[] FamilyNames = ["Keller", "Novak", "Lindqvist", "Okafor", "Moreau", "Tanaka", "Silva", "Haddad", "Brennan", "Kowalczyk"];

    private static readonly string[] CompanyWords = ["Nordic", "Atlas", "Harbour", "Crescent", "Meridian", "Summit", "Pioneer", "Cobalt"];

    [Fact]
    public async Task Cli_native_api_and_yente_api_give_the_same_verdicts()
    {
        var ct = TestContext.Current.CancellationToken;
        var subjects = Subjects(CorpusLoader.LoadDefault(cancellationToken: ct), 200, new Random(20261201));
        Assert.Equal(200, subjects.Count);
        var dir = Directory.CreateTempSubdirectory("comity-consistency-").FullName;
        try
        {
            var csv = Path.Combine(dir, "subjects.csv");
            await File.WriteAllTextAsync(csv, Csv(subjects), ct);
            var (exit, stdout, stderr) = ComityProcess.Run("screen", csv, "--threshold", "0.64", "--min-score", "0.5", "--limit", "5", "--jurisdiction", "DE", "--role", "financial", "--as-of", "2026-10-01");
            Assert.True(exit == 0, stderr);
            var cli = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
            Assert.Equal(subjects.Count, cli.Count);

            await using var server = await ComityServer.StartAsync(new ServeOptions { Urls = "http://127.0.0.1:0", Db = "sqlite:" + Path.Combine(dir, "comity.db"), WatchLists = false }, ct);
            await server.WaitUntilReadyAsync(ct);
            using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };

            var native = await PostAsync(http, "/v1/screen", NativeBody(subjects), ct);
            var nativeResults = native["results"]!.AsArray();
            Assert.Equal(subjects.Count, nativeResults.Count);

            var yente = new Dictionary<int, JsonArray>();
            for (var start = 0; start < subjects.Count; start += 100)
            {
                var answer = await PostAsync(http, "/match/default?threshold=0.64&cutoff=0.5&limit=5", YenteBody(subjects, start, Math.Min(100, subjects.Count - start)), ct);
                foreach (var (key, value) in answer["responses"]!.AsObject())
                {
                    yente[int.Parse(key[1..], CultureInfo.InvariantCulture)] = value!["results"]!.AsArray();
                }
            }

            var matched = 0;
            var decided = 0;
            for (var i = 0; i < subjects.Count; i++)
            {
                var label = $"subject {i} ({subjects[i].Name})";
                var c = Hits(cli[i]["hits"]!.AsArray(), "entity_id");
                var n = Hits(nativeResults[i]!["hits"]!.AsArray(), "entity_id");
                var y = Hits(yente[i], "id");
                Assert.True(c.SequenceEqual(n), $"{label}: CLI {Show(c)} vs /v1/screen {Show(n)}");
                Assert.True(c.SequenceEqual(y), $"{label}: CLI {Show(c)} vs /match {Show(y)}");
                var cd = Decisions(cli[i]["hits"]!.AsArray());
                var nd = Decisions(nativeResults[i]!["hits"]!.AsArray());
                Assert.True(cd.SequenceEqual(nd), $"{label}: decisions CLI [{string.Join(", ", cd)}] vs /v1/screen [{string.Join(", ", nd)}]");
                matched += c.Any(h => h.Match) ? 1 : 0;
                decided += cd.Count(a => a != "-");
            }

            // The sample exercises both sides of the threshold and the law engine.
            Assert.InRange(matched, 60, 190);
            Assert.True(decided >= 60, $"only {decided} decisions");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static List<(string Id, double Score, bool Match)> Hits(JsonArray hits, string idField) =>
        [.. hits.Select(h => (h![idField]!.GetValue<string>(), h["score"]!.GetValue<double>(), h["match"]!.GetValue<bool>()))];

    /// <summary>The decision action of each hit ("-" when none): only matching hits carry one.</summary>
    private static List<string> Decisions(JsonArray hits)
    {
        var result = new List<string>();
        foreach (var h in hits)
        {
            var decision = h!["decision"];
            var match = h["match"]!.GetValue<bool>();
            Assert.True(match || decision is null, "a hit with match false carries a decision");
            result.Add(decision?["action"]?.GetValue<string>() ?? "-");
        }

        return result;
    }

    private static string Show(List<(string Id, double Score, bool Match)> hits) =>
        "[" + string.Join(", ", hits.Select(h => string.Create(CultureInfo.InvariantCulture, $"{h.Id} {h.Score} {h.Match}"))) + "]";

    private static async Task<JsonNode> PostAsync(HttpClient http, string path, JsonObject body, CancellationToken ct)
    {
        using var response = await http.PostAsync(path, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"), ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    internal sealed record Subject(string Id, string Schema, string Name, string? Dob, string? Country, string? Passport, string? Imo);

    /// <summary>Listed persons, organisations and vessels (as listed, with a typo, with their date of birth,
    /// nationality, passport or IMO number, some with a wrong date) and a non-listed population, fixed seed.</summary>
    internal static List<Subject> Subjects(ScreeningCorpus corpus, int count, Random random)
    {
        var persons = corpus.Entities.Where(e => e.Schema == Schema.Person && e.Names.Length > 0).ToList();
        var orgs = corpus.Entities.Where(e => e.Schema is Schema.Organization or Schema.Company && e.Names.Length > 0).ToList();
        var vessels = corpus.Entities.Where(e => e.Schema == Schema.Vessel && e.Names.Length > 0).ToList();
        var list = new List<Subject>(count);
        for (var i = 0; list.Count < count; i++)
        {
            var id = "s" + i.ToString(CultureInfo.InvariantCulture);
            switch (i % 10)
            {
                case 0 or 1 or 2:
                    {
                        var e = persons[random.Next(persons.Count)];
                        var name = i % 10 == 2 ? Typo(e.Names[0].Full, random) : e.Names[random.Next(e.Names.Length)].Full;
                        var dob = e.BirthDates.IsDefaultOrEmpty ? null : i % 3 == 0 ? "1950-01-01" : e.BirthDates[0].From.ToString();
                        var country = e.Nationalities.IsDefaultOrEmpty ? null : e.Nationalities[0];
                        var passport = e.Identifiers.FirstOrDefault(x => x.Type == IdentifierType.Passport)?.Value;
                        list.Add(new Subject(id, "Person", name, dob is { Length: 10 } ? dob : null, country, passport, null));
                        break;
                    }

                case 3 or 4:
                    {
                        var e = orgs[random.Next(orgs.Count)];
                        var name = i % 10 == 4 ? Typo(e.Names[0].Full, random) : e.Names[random.Next(e.Names.Length)].Full;
                        list.Add(new Subject(id, e.Schema == Schema.Company ? "Company" : "Organization", name, null, e.AllCountries.FirstOrDefault(), null, null));
                        break;
                    }

                case 5:
                    {
                        var e = vessels[random.Next(vessels.Count)];
                        var imo = e.Identifiers.FirstOrDefault(x => x.Type == IdentifierType.Imo)?.Value;
                        list.Add(new Subject(id, "Vessel", e.Names[0].Full, null, null, null, random.Next(2) == 0 ? imo : null));
                        break;
                    }

                case 6 or 7 or 8:
                    {
                        var name = GivenNames[random.Next(GivenNames.Length)] + " " + FamilyNames[random.Next(FamilyNames.Length)];
                        var dob = random.Next(2) == 0 ? null : new DateOnly(1940 + random.Next(60), 1 + random.Next(12), 1 + random.Next(28)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                        list.Add(new Subject(id, "Person", name, dob, random.Next(2) == 0 ? "de" : null, null, null));
                        break;
                    }

                default:
                    list.Add(new Subject(id, "Company", CompanyWords[random.Next(CompanyWords.Length)] + " " + CompanyWords[random.Next(CompanyWords.Length)] + " Trading LLC", null, null, null, null));
                    break;
            }
        }

        return list;
    }

    private static string Typo(string name, Random random)
    {
        var letters = Enumerable.Range(0, name.Length).Where(i => char.IsLetter(name[i])).ToList();
        if (letters.Count < 8)
        {
            return name;
        }

        var at = letters[random.Next(2, letters.Count - 1)];
        return name[..at] + name[(at + 1)..];
    }

    private static string Csv(List<Subject> subjects)
    {
        var sb = new StringBuilder("id,schema,name,dob,country,passport,imo\n");
        foreach (var s in subjects)
        {
            sb.AppendJoin(',', new[] { s.Id, s.Schema, s.Name, s.Dob, s.Country, s.Passport, s.Imo }.Select(Quote)).Append('\n');
        }

        return sb.ToString();
    }

    private static string Quote(string? v) => v is null ? string.Empty : "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static JsonObject NativeBody(List<Subject> subjects)
    {
        var array = new JsonArray();
        foreach (var s in subjects)
        {
            var o = new JsonObject { ["id"] = s.Id, ["schema"] = s.Schema, ["name"] = s.Name };
            Add(o, "dob", s.Dob);
            Add(o, "country", s.Country);
            Add(o, "passport", s.Passport);
            Add(o, "imo", s.Imo);
            array.Add(o);
        }

        return new JsonObject
        {
            ["subjects"] = array,
            ["threshold"] = Threshold,
            ["min_score"] = 0.5,
            ["limit"] = 5,
            ["profile"] = new JsonObject { ["jurisdiction"] = "DE", ["role"] = "financial", ["as_of"] = "2026-10-01" },
        };
    }

    private static JsonObject YenteBody(List<Subject> subjects, int start, int count)
    {
        var queries = new JsonObject();
        for (var i = start; i < start + count; i++)
        {
            var s = subjects[i];
            var p = new JsonObject { ["name"] = new JsonArray(s.Name) };
            if (s.Dob is not null)
            {
                p["birthDate"] = new JsonArray(s.Dob);
            }

            if (s.Country is not null)
            {
                p["country"] = new JsonArray(s.Country);
            }

            if (s.Passport is not null)
            {
                p["passportNumber"] = new JsonArray(s.Passport);
            }

            if (s.Imo is not null)
            {
                p["imoNumber"] = new JsonArray(s.Imo);
            }

            queries["q" + i.ToString(CultureInfo.InvariantCulture)] = new JsonObject { ["id"] = s.Id, ["schema"] = s.Schema, ["properties"] = p };
        }

        return new JsonObject { ["queries"] = queries };
    }

    private static void Add(JsonObject o, string name, string? value)
    {
        if (value is not null)
        {
            o[name] = value;
        }
    }
}
