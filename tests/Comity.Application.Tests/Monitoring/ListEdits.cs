using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Comity.Application.Corpus;
using Comity.Application.Monitoring;
using Comity.Core.Matching;
using Comity.Core.Model;
using Comity.Sources.Abstractions;

namespace Comity.Application.Tests.Monitoring;

/// <summary>Generated list changes (fixed seed) of the kinds a daily publication brings: entities removed and added
/// (new ids, names close to existing ones), aliases added and removed, a primary name respelt, a date of birth, a
/// nationality or an identifier added, programmes and listing dates changed (fields that do not matter to a match but
/// do to a decision). Half of the edits hit entities the portfolio's subjects were drawn from.</summary>
internal static class ListEdits
{
    public static List<Entity> Apply(IReadOnlyList<Entity> entities, IReadOnlyList<Entity> targets, int seed, int count)
    {
        var rng = new Random(seed);
        var result = entities.ToList();
        var byId = result.Select((e, i) => (e.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var removed = new HashSet<string>(StringComparer.Ordinal);
        var added = new List<Entity>();
        for (var n = 0; n < count; n++)
        {
            var pool = rng.Next(2) == 0 ? targets : entities;
            var target = pool[rng.Next(pool.Count)];
            if (!byId.TryGetValue(target.Id, out var at) || removed.Contains(target.Id))
            {
                continue;
            }

            var e = result[at];
            switch (rng.Next(10))
            {
                case 0:
                    removed.Add(e.Id);
                    break;
                case 1:
                    var id = "E" + seed.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    added.Add(e with { Id = e.Source + ":" + id, SourceId = id, Names = [new EntityName(Typo(e.Caption, rng), NameKind.Primary)], CrossReferences = [] });
                    break;
                case 2:
                    result[at] = e with { Names = e.Names.Add(new EntityName(string.Join(' ', e.Caption.Split(' ', StringSplitOptions.RemoveEmptyEntries).Reverse()) + " " + (rng.Next(2) == 0 ? "Ahmed" : "Ivanov"), NameKind.Alias)) };
                    break;
                case 3 when e.Names.Length > 1:
                    result[at] = e with { Names = e.Names.RemoveAt(e.Names.Length - 1) };
                    break;
                case 4:
                    result[at] = e with { Names = e.Names.SetItem(0, e.Names[0] with { Full = Typo(e.Names[0].Full, rng) }) };
                    break;
                case 5:
                    result[at] = e with { BirthDates = e.BirthDates.Add(new FuzzyDate(new PartialDate(1950 + rng.Next(40), 1 + rng.Next(12), 1 + rng.Next(28)))) };
                    break;
                case 6:
                    result[at] = e with { Nationalities = e.Nationalities.Add(rng.Next(2) == 0 ? "ru" : "ir") };
                    break;
                case 7:
                    result[at] = e with { Identifiers = e.Identifiers.Add(new Identifier(IdentifierType.Passport, "P" + rng.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture), "ru")) };
                    break;
                case 8:
                    result[at] = e with { Programs = e.Programs.Length > 0 ? e.Programs.RemoveAt(0) : ["RUSSIA-EO14024"] };
                    break;
                default:
                    result[at] = e with { ListedOn = new PartialDate(2026, 1 + rng.Next(11), 1 + rng.Next(28)) };
                    break;
            }
        }

        return [.. result.Where(e => !removed.Contains(e.Id)), .. added];
    }

    /// <summary>One letter of a name replaced (fixed by <paramref name="rng"/>).</summary>
    public static string Typo(string name, Random rng)
    {
        var letters = Enumerable.Range(0, name.Length).Where(i => char.IsLetter(name[i])).ToList();
        if (letters.Count < 4)
        {
            return name;
        }

        var at = letters[rng.Next(letters.Count)];
        var c = (char)('a' + rng.Next(26));
        return name[..at] + (char.IsUpper(name[at]) ? char.ToUpperInvariant(c) : c) + name[(at + 1)..];
    }

    /// <summary>A corpus of exactly these entities (one synthetic dataset per source whose file hash is the entities'
    /// fingerprint, so different entity sets are different corpus versions).</summary>
    /// <param name="published">The data date every dataset declares (as a list file's publication date), unless
    /// <paramref name="publishedBySource"/> names one for its source.</param>
    public static ScreeningCorpus Corpus(
        IReadOnlyList<Entity> entities, string label, DateTimeOffset loadedAt, string published = "2026-11-29", IReadOnlyDictionary<string, string>? publishedBySource = null)
    {
        var sb = new StringBuilder();
        foreach (var e in entities.OrderBy(e => e.Id, StringComparer.Ordinal))
        {
            sb.Append(EntityFingerprint.Of(e)).Append('\n');
        }

        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
        var datasets = entities.GroupBy(e => e.Source, StringComparer.Ordinal).Select(g => new Dataset(
            "generated:" + label + ":" + g.Key,
            "generated",
            new Provenance(g.Key, "generated (" + label + ")", "generated", publishedBySource?.GetValueOrDefault(g.Key) ?? published, [new SourceFile(g.Key + ".generated", sha, 0)], ImmutableDictionary<string, int>.Empty),
            g.Count(),
            ImmutableDictionary<string, int>.Empty,
            [])).ToImmutableArray();
        return new ScreeningCorpus(datasets, [.. entities], MatchIndex.Build(entities), loadedAt);
    }

    /// <summary>The listed entities whose names the subjects were drawn from (for aiming edits).</summary>
    public static List<Entity> Named(IReadOnlyList<Entity> entities, IEnumerable<Query> subjects)
    {
        var names = subjects.SelectMany(q => q.Names).Select(n => n.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
        return [.. entities.Where(e => e.Names.Any(n => names.Contains(n.Full.ToUpperInvariant())))];
    }
}
