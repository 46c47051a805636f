using System.Globalization;
using System.Text.Json;
using Comity.Application.Input;
using Comity.Application.Screening;
using Comity.Core.Model;
using Comity.Law;

namespace Comity.Server.Native;

/// <summary>Maps a <c>POST /v1/screen</c> body (subjects, one or a batch; optional screener profile; threshold,
/// min_score, limit) onto the one <see cref="ScreeningRequest"/>.</summary>
internal static class ScreenRequest
{
    /// <summary>Parses the body; returns null and fills <paramref name="errors"/> (field → messages) when invalid.</summary>
    public static ScreeningRequest? Parse(JsonElement body, int maxBatch, DateOnly today, Dictionary<string, string[]> errors)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors["body"] = ["expected a JSON object with 'subject' or 'subjects'"];
            return null;
        }

        var items = new List<JsonElement>();
        if (body.TryGetProperty("subjects", out var many))
        {
            if (many.ValueKind != JsonValueKind.Array)
            {
                errors["subjects"] = ["expected an array of subjects"];
                return null;
            }

            items.AddRange(many.EnumerateArray());
        }
        else if (body.TryGetProperty("subject", out var one))
        {
            items.Add(one);
        }

        if (items.Count == 0)
        {
            errors["subjects"] = ["no subject given: send 'subject': {...} or 'subjects': [...]"];
            return null;
        }

        if (items.Count > maxBatch)
        {
            errors["subjects"] = [string.Create(CultureInfo.InvariantCulture, $"too many subjects in one request: {items.Count} (limit: {maxBatch})")];
            return null;
        }

        var subjects = new List<Query>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var q = Subject(items[i], out var error);
            if (q is null)
            {
                errors[string.Create(CultureInfo.InvariantCulture, $"subjects[{i}]")] = [error!];
            }
            else
            {
                subjects.Add(q);
            }
        }

        var profile = body.TryGetProperty("profile", out var p) && p.ValueKind == JsonValueKind.Object ? ParseProfile(p, today, errors) : null;
        var threshold = Number(body, "threshold", ScreeningOptions.DefaultThreshold, errors);
        var minScore = Number(body, "min_score", ScreeningOptions.DefaultMinScore, errors);
        var limit = Number(body, "limit", ScreeningOptions.DefaultLimit, errors);
        var options = new ScreeningOptions { Threshold = threshold, MinScore = Math.Min(minScore, threshold), Limit = limit is >= 1 and <= ScreeningOptions.MaxLimit ? (int)limit : -1 };
        if (errors.Count == 0 && options.Validate() is { } problem)
        {
            errors[problem.Field] = [problem.Message];
        }

        return errors.Count > 0 ? null : new ScreeningRequest(subjects, options, profile);
    }

    private static Query? Subject(JsonElement subject, out string? error)
    {
        if (subject.ValueKind != JsonValueKind.Object)
        {
            error = "expected an object of fields (name, first_name, last_name, dob, country, passport, ...)";
            return null;
        }

        var builder = new QueryBuilder();
        foreach (var p in subject.EnumerateObject())
        {
            if (!QueryFields.TryParse(p.Name, out var field))
            {
                error = $"{p.Name}: unknown field";
                return null;
            }

            foreach (var v in Values(p.Value))
            {
                builder.Add(field, v);
            }
        }

        return builder.Build(out error);
    }

    private static IEnumerable<string> Values(JsonElement v)
    {
        switch (v.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in v.EnumerateArray())
                {
                    foreach (var s in Values(item))
                    {
                        yield return s;
                    }
                }

                break;
            case JsonValueKind.String:
                yield return v.GetString()!;
                break;
            case JsonValueKind.Number:
                yield return v.GetRawText();
                break;
            default:
                break;
        }
    }

    private static ScreenerProfile? ParseProfile(JsonElement p, DateOnly today, Dictionary<string, string[]> errors)
    {
        var jurisdiction = p.TryGetProperty("jurisdiction", out var j) && j.ValueKind == JsonValueKind.String ? j.GetString() : null;
        if (jurisdiction is null || !Comity.Core.Text.Countries.TryResolve(jurisdiction, out var iso))
        {
            errors["profile.jurisdiction"] = ["a country (ISO code or name) is required"];
            return null;
        }

        var roleText = p.TryGetProperty("role", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : "financial";
        Role role;
        switch (roleText?.ToLowerInvariant())
        {
            case "financial":
                role = Role.Financial;
                break;
            case "business":
                role = Role.Business;
                break;
            case "authority":
                role = Role.Authority;
                break;
            default:
                errors["profile.role"] = ["role must be financial, business or authority"];
                return null;
        }

        var asOf = today;
        if (p.TryGetProperty("as_of", out var a) && a.ValueKind == JsonValueKind.String
            && !DateOnly.TryParseExact(a.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out asOf))
        {
            errors["profile.as_of"] = ["as_of must be a date yyyy-MM-dd"];
            return null;
        }

        HashSet<string>? assume = null;
        if (p.TryGetProperty("assume", out var s) && s.ValueKind == JsonValueKind.Array)
        {
            assume = [.. s.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!)];
        }

        return new ScreenerProfile(iso.ToUpperInvariant(), role, asOf, Flag(p, "us_person"), Flag(p, "us_nexus"), assume, Flag(p, "us_subsidiary"));
    }

    private static bool Flag(JsonElement p, string name) => p.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

    private static double Number(JsonElement body, string name, double fallback, Dictionary<string, string[]> errors)
    {
        if (!body.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return fallback;
        }

        if (v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d) && d is >= 0 and <= 1000)
        {
            return d;
        }

        errors[name] = [$"{name} must be a number"];
        return fallback;
    }
}
