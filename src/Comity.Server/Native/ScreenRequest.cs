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
    /// <paramref name="warnings"/> receives, per subject index, the values that were dropped (an unreadable date, not a
    /// country, an unknown gender), as the CLI reports them on stderr.
    public static ScreeningRequest? Parse(JsonElement body, int maxBatch, IReadOnlyCollection<string> knownAssumptions, TimeProvider time, Dictionary<string, string[]> errors, Dictionary<int, IReadOnlyList<string>>? warnings = null)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors["body"] = ["expected a JSON object with 'subject' or 'subjects'"];
            return null;
        }

        // A misspelt member ("profil", "us_nexsu", "treshold") would silently give another legal answer: refuse it.
        Unknown(body, TopLevel, string.Empty, errors);
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
            var q = Subject(items[i], out var error, out var dropped);
            if (dropped.Count > 0 && warnings is not null)
            {
                warnings[i] = dropped;
            }

            if (q is null)
            {
                errors[string.Create(CultureInfo.InvariantCulture, $"subjects[{i}]")] = [error!];
            }
            else if (QueryLimits.Check(q) is { } exceeded)
            {
                // 422 naming the subject, so that the caller of a large batch can find it.
                var field = string.Create(CultureInfo.InvariantCulture, $"subjects[{i}].{exceeded.Field}");
                throw new QueryLimitException(exceeded with { Field = field, Message = $"{field}: {Detail(exceeded)}" });
            }
            else
            {
                subjects.Add(q);
            }
        }

        ScreenerProfile? profile = null;
        if (body.TryGetProperty("profile", out var p) && p.ValueKind != JsonValueKind.Null)
        {
            if (p.ValueKind == JsonValueKind.Object)
            {
                profile = ParseProfile(p, knownAssumptions, time, errors);
            }
            else
            {
                errors["profile"] = ["expected an object {jurisdiction, role, as_of, assume, us_person, us_nexus, us_subsidiary}"];
            }
        }

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

    internal static Query? Subject(JsonElement subject, out string? error, out IReadOnlyList<string> warnings)
    {
        warnings = [];
        if (subject.ValueKind != JsonValueKind.Object)
        {
            error = "expected an object of fields (name, first_name, last_name, dob, country, passport, ...)";
            return null;
        }

        var builder = new QueryBuilder();
        warnings = builder.Warnings;
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

    /// <summary>The profile through the one <see cref="ProfileParser"/> (the same role names, jurisdiction
    /// resolution, date format and assumption check as the CLI); errors are keyed <c>profile.FIELD</c>.</summary>
    private static ScreenerProfile? ParseProfile(JsonElement p, IReadOnlyCollection<string> knownAssumptions, TimeProvider time, Dictionary<string, string[]> errors)
    {
        if (Unknown(p, ProfileMembers, "profile.", errors))
        {
            return null;
        }

        var assumptions = new List<string>();
        if (p.TryGetProperty("assume", out var s))
        {
            if (s.ValueKind != JsonValueKind.Array)
            {
                errors["profile.assume"] = ["expected an array of assumption names"];
                return null;
            }

            foreach (var x in s.EnumerateArray())
            {
                if (x.ValueKind != JsonValueKind.String)
                {
                    errors["profile.assume"] = ["expected an array of assumption names"];
                    return null;
                }

                assumptions.Add(x.GetString()!);
            }
        }

        var input = new ProfileInput(
            Text(p, "jurisdiction", errors), Text(p, "role", errors), Text(p, "as_of", errors),
            Flag(p, "us_person", errors), Flag(p, "us_nexus", errors), Flag(p, "us_subsidiary", errors), assumptions);
        if (errors.Count > 0)
        {
            return null;
        }

        var parsed = ProfileParser.Parse(input, knownAssumptions, time, requireJurisdiction: true);
        foreach (var error in parsed.Errors)
        {
            var key = "profile." + error.Field;
            var message = error.Value is null ? error.Message : $"{error.Value}: {error.Message}";
            errors[key] = errors.TryGetValue(key, out var existing) ? [.. existing, message] : [message];
        }

        return parsed.Profile;
    }

    /// <summary>The violation's message without its leading field name.</summary>
    internal static string Detail(QueryLimitViolation limit) =>
        limit.Message.StartsWith(limit.Field + ": ", StringComparison.Ordinal) ? limit.Message[(limit.Field.Length + 2)..] : limit.Message;

    private static readonly string[] TopLevel = ["subject", "subjects", "profile", "threshold", "min_score", "limit"];
    private static readonly string[] ProfileMembers = ["jurisdiction", "role", "as_of", "assume", "us_person", "us_nexus", "us_subsidiary"];

    /// <summary>Records an error for each member of <paramref name="o"/> not in <paramref name="known"/>; true if any.</summary>
    private static bool Unknown(JsonElement o, string[] known, string prefix, Dictionary<string, string[]> errors)
    {
        var any = false;
        foreach (var m in o.EnumerateObject())
        {
            if (Array.IndexOf(known, m.Name) < 0)
            {
                errors[prefix + m.Name] = [$"unknown field; expected one of: {string.Join(", ", known)}"];
                any = true;
            }
        }

        return any;
    }

    private static string? Text(JsonElement p, string name, Dictionary<string, string[]> errors)
    {
        if (!p.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (v.ValueKind == JsonValueKind.String)
        {
            return v.GetString();
        }

        errors["profile." + name] = ["expected a string"];
        return null;
    }

    private static bool Flag(JsonElement p, string name, Dictionary<string, string[]> errors)
    {
        if (!p.TryGetProperty(name, out var v) || v.ValueKind is JsonValueKind.Null or JsonValueKind.False)
        {
            return false;
        }

        if (v.ValueKind == JsonValueKind.True)
        {
            return true;
        }

        errors["profile." + name] = ["expected true or false"];
        return false;
    }

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

        errors[name] = [name == "limit"
            ? string.Create(CultureInfo.InvariantCulture, $"limit must be a whole number in [1, {ScreeningOptions.MaxLimit}]")
            : $"{name} must be a number in [0, 1]"];
        return fallback;
    }
}
