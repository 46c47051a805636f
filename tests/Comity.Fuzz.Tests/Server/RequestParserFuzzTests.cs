using System.Text.Json;
using Comity.Core.Model;
using Comity.Fuzz.Tests.Support;
using Comity.Server.Native;
using Comity.Server.Yente;
using Microsoft.AspNetCore.Http;

namespace Comity.Fuzz.Tests.Server;

/// <summary>The request parsers of the HTTP API, in process, on mutated real bodies, through the same steps as the
/// endpoints: JSON parse (<see cref="JsonException"/>: 400), the text check (<see cref="JsonText"/>: 400), then
/// <see cref="ScreenRequest.Parse"/> (field errors: 400; <see cref="QueryLimitException"/>: 422) or the yente
/// <see cref="MatchRequest"/> with its <see cref="ExampleParser"/> (<see cref="YenteException"/>: 4xx). Nothing else
/// may escape.</summary>
public sealed class RequestParserFuzzTests
{
    private const string Seed = "0000003fuzzJ";

    private static readonly string[] Assumptions = ["eu-blocking:ICC-EO14203"];

    public static TheoryData<int> Seeds => [0, 1, 2];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Mutated_screen_bodies_parse_or_are_refused_cleanly(int index) =>
        Fuzz(JsonSeeds.Screen[index], $"screen body {index}", root =>
        {
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            var request = ScreenRequest.Parse(root, 1000, Assumptions, TimeProvider.System, errors);
            Assert.True((request is null) == (errors.Count > 0), "a request and errors, or neither");
            return request is null ? Outcome.CleanError : Outcome.Result;
        });

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Mutated_match_bodies_parse_or_are_refused_cleanly(int index) =>
        Fuzz(JsonSeeds.Match[index], $"match body {index}", root =>
        {
            var request = MatchRequest.FromParameters(new QueryParams(QueryCollection.Empty)).WithBody(root);
            Assert.NotEmpty(request.Queries);
            return Outcome.Result;
        });

    private static void Fuzz(byte[] seed, string name, Func<JsonElement, Outcome> parse)
    {
        var plan = Mutations.Plan(Seed, 96);
        for (var i = -1; i < plan.Length; i++)
        {
            var body = i < 0 ? seed : Mutations.Apply(seed, plan[i]);
            var outcome = Bounded.Run($"{name}, {(i < 0 ? "unchanged" : plan[i].ToString())}", () =>
            {
                using var doc = JsonDocument.Parse(body);
                return JsonText.FirstInvalid(doc.RootElement) is not null ? Outcome.CleanError : parse(doc.RootElement);
            }, e => e is JsonException or YenteException or QueryLimitException, (64L << 20) + (400L * body.Length));
            if (i < 0)
            {
                Assert.Equal(Outcome.Result, outcome);
            }
        }
    }
}
