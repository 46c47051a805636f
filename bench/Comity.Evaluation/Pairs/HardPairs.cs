using Comity.Core.Model;
using Comity.Evaluation.Text;
using Comity.Evaluation.Variants;

namespace Comity.Evaluation.Pairs;

/// <summary>The hard negatives issue 9 names (companies that differ in the distinguishing word, sibling companies and
/// subsidiaries, short brands one letter apart, persons who share a common given name, conflicting middle names and
/// patronymics). Pairs of two listed entities come from one list and exclude pairs that may be one subject
/// (<see cref="HardNegatives.MaybeSame"/>); generated queries (one listed name with a word replaced) exclude any that
/// spell a listed name.</summary>
internal static class HardPairs
{
    private static readonly string[] Patronymics =
    [
        "Petrovich", "Sergeyevich", "Ivanovich", "Aleksandrovich", "Vladimirovich", "Nikolayevich", "Mikhailovich", "Viktorovich",
        "Yuryevich", "Anatolyevich", "Borisovich", "Gennadyevich", "Olegovich", "Igorevich", "Dmitriyevich", "Vasilyevich",
    ];

    private static readonly string[] FemalePatronymics =
    [
        "Petrovna", "Sergeyevna", "Ivanovna", "Aleksandrovna", "Vladimirovna", "Nikolayevna", "Mikhailovna", "Viktorovna",
        "Yuryevna", "Anatolyevna", "Borisovna", "Olegovna", "Igorevna", "Dmitriyevna", "Vasilyevna",
    ];

    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "al", "el", "bin", "ben", "ibn", "bint", "abu", "abou", "abd", "ould", "van", "von", "der", "den", "de", "del", "della", "di", "da", "dos",
        "das", "la", "le", "mac", "ul", "ud", "uddin", "oglu", "ogly", "kyzy",
    };

    public static List<PairRow> Generate(IReadOnlyList<Entity> entities, GeneratorOptions options)
    {
        var ordered = entities.OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
        var listedKeys = ordered.SelectMany(e => e.Names).Select(n => NameKey.Sorted(n.Full)).ToHashSet(StringComparer.Ordinal);
        var entityKeys = ordered.GroupBy(e => e.Id, StringComparer.Ordinal).ToDictionary(
            g => g.Key, g => g.SelectMany(e => e.Names).Select(n => NameKey.Sorted(n.Full)).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var orgs = ordered.Where(e => e.Schema.IsOrganization())
            .SelectMany(e => PositivePairs.StrongNames(e).Where(n => ScriptRendering.IsLatin(n.Full)).Select(n => (Entity: e, n.Full, Words: ContentWords(n.Full))))
            .Where(x => x.Words.Length >= 2)
            .ToList();
        var persons = ordered.Where(e => e.Schema == Schema.Person)
            .SelectMany(e => PositivePairs.StrongNames(e).Where(n => ScriptRendering.IsLatin(n.Full)).Select(n => (Entity: e, Name: n)))
            .ToList();
        var rows = new List<PairRow>();
        var quotas = options.HardNegativeQuotas;
        rows.AddRange(OneWordReplaced(orgs, listedKeys, quotas[PairKinds.CompanyOneWord], new Random(StableHash.Seed(options.Seed, PairKinds.CompanyOneWord))));
        rows.AddRange(Siblings(orgs, entityKeys, quotas[PairKinds.CompanySibling], new Random(StableHash.Seed(options.Seed, PairKinds.CompanySibling))));
        rows.AddRange(BrandsOneLetterApart(orgs, entityKeys, quotas[PairKinds.BrandOneLetter], new Random(StableHash.Seed(options.Seed, PairKinds.BrandOneLetter))));
        rows.AddRange(SameGivenName(persons, entityKeys, quotas[PairKinds.PersonSameGiven], new Random(StableHash.Seed(options.Seed, PairKinds.PersonSameGiven))));
        rows.AddRange(MiddleConflicts(persons, listedKeys, quotas[PairKinds.MiddleConflict], new Random(StableHash.Seed(options.Seed, PairKinds.MiddleConflict))));
        return rows;
    }

    /// <summary>Lower-case words of three letters or more that are not legal forms, function words or generic business
    /// words: what distinguishes one firm from another.</summary>
    private static string[] ContentWords(string full) =>
        [.. NameKey.Tokens(full).Where(t => t.Length >= 3 && t.All(char.IsAsciiLetter) && !LegalForms.IsLegalFormToken(t) && !Generic.Contains(t))];

    private static readonly HashSet<string> Generic = new(StringComparer.Ordinal)
    {
        "the", "and", "for", "company", "group", "holding", "holdings", "trading", "international", "limited", "corporation", "services",
        "industries", "industrial", "enterprise", "enterprises", "general", "import", "export", "bank", "llc", "ltd", "inc", "co",
    };

    /// <summary>A listed company name with one distinguishing word replaced by a word of another listed company
    /// (<c>Caspian Oil Trading LLC</c> → <c>Caspian Gas Trading LLC</c>).</summary>
    private static IEnumerable<PairRow> OneWordReplaced(List<(Entity Entity, string Full, string[] Words)> orgs, HashSet<string> listedKeys, int quota, Random rng)
    {
        var pool = orgs.SelectMany(o => o.Words).Where(w => w.Length >= 4).GroupBy(w => w, StringComparer.Ordinal)
            .Where(g => g.Count() >= 3).Select(g => g.Key).Order(StringComparer.Ordinal).ToArray();
        if (pool.Length == 0)
        {
            yield break;
        }

        var order = Enumerable.Range(0, orgs.Count).ToList();
        PositivePairs.Shuffle(order, rng);
        var taken = 0;
        foreach (var k in order)
        {
            if (taken >= quota)
            {
                yield break;
            }

            var (entity, full, words) = orgs[k];
            var word = words[rng.Next(words.Length)];
            var replacement = pool[rng.Next(pool.Length)];
            if (words.Contains(replacement) || !HardNegatives.DifferentNames(word, replacement))
            {
                continue;
            }

            var at = full.IndexOf(word, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                continue;
            }

            var cased = full.Substring(at, word.Length).Any(char.IsLower) ? char.ToUpperInvariant(replacement[0]) + replacement[1..] : replacement.ToUpperInvariant();
            var query = string.Concat(full.AsSpan(0, at), cased, full.AsSpan(at + word.Length));
            if (listedKeys.Contains(NameKey.Sorted(query)))
            {
                continue;
            }

            taken++;
            yield return new PairRow(query, full, entity.Schema.Name(), false, PairKinds.CompanyOneWord, Split.Of(entity.Id), entity.Id, entity.Id);
        }
    }

    /// <summary>Two listed companies of one list whose names begin with the same distinguishing word and differ in
    /// another (a holding and its subsidiaries, sister firms: <c>Sberbank Leasing</c> / <c>Sberbank Capital</c>).</summary>
    private static IEnumerable<PairRow> Siblings(List<(Entity Entity, string Full, string[] Words)> orgs, Dictionary<string, HashSet<string>> keys, int quota, Random rng)
    {
        var candidates = new List<(int, int)>();
        foreach (var group in orgs.Select((o, i) => (o, i)).GroupBy(x => x.o.Entity.Source + "/" + x.o.Words[0], StringComparer.Ordinal))
        {
            var members = group.ToList();
            if (members.Select(m => m.o.Entity.Id).Distinct(StringComparer.Ordinal).Count() is < 2 or > 10)
            {
                continue;
            }

            for (var a = 0; a < members.Count; a++)
            {
                for (var b = a + 1; b < members.Count; b++)
                {
                    var x = members[a].o;
                    var y = members[b].o;
                    if (x.Entity.Id != y.Entity.Id && !x.Words.ToHashSet(StringComparer.Ordinal).SetEquals(y.Words))
                    {
                        candidates.Add((members[a].i, members[b].i));
                    }
                }
            }
        }

        return TakePairs(orgs.Select(o => (o.Entity, o.Full)).ToList(), candidates, keys, quota, PairKinds.CompanySibling, rng);
    }

    /// <summary>Two listed companies of one list whose names differ only in one short word (six letters or fewer), one
    /// letter apart (<c>LXC Aviation</c> / <c>LAU Aviation</c> differ by two; these by one).</summary>
    private static IEnumerable<PairRow> BrandsOneLetterApart(List<(Entity Entity, string Full, string[] Words)> orgs, Dictionary<string, HashSet<string>> keys, int quota, Random rng)
    {
        var buckets = new Dictionary<string, List<(int Index, string Word)>>(StringComparer.Ordinal);
        for (var i = 0; i < orgs.Count; i++)
        {
            var words = orgs[i].Words;
            for (var k = 0; k < words.Length; k++)
            {
                if (words[k].Length is < 3 or > 6)
                {
                    continue;
                }

                var rest = orgs[i].Entity.Source + "|" + string.Join(' ', words.Where((_, j) => j != k).Order(StringComparer.Ordinal));
                (buckets.TryGetValue(rest, out var list) ? list : buckets[rest] = []).Add((i, words[k]));
            }
        }

        var candidates = new List<(int, int)>();
        foreach (var (_, bucket) in buckets.OrderBy(b => b.Key, StringComparer.Ordinal))
        {
            for (var a = 0; a < bucket.Count && a < 30; a++)
            {
                for (var b = a + 1; b < bucket.Count && b < 30; b++)
                {
                    if (orgs[bucket[a].Index].Entity.Id != orgs[bucket[b].Index].Entity.Id && Similarity.Levenshtein(bucket[a].Word, bucket[b].Word) == 1)
                    {
                        candidates.Add((bucket[a].Index, bucket[b].Index));
                    }
                }
            }
        }

        return TakePairs(orgs.Select(o => (o.Entity, o.Full)).ToList(), candidates, keys, quota, PairKinds.BrandOneLetter, rng);
    }

    /// <summary>Two listed persons of one list with the same first given name (one that at least 20 listed persons bear)
    /// and different family names that are different names, not spellings of one.</summary>
    private static IEnumerable<PairRow> SameGivenName(List<(Entity Entity, EntityName Name)> persons, Dictionary<string, HashSet<string>> keys, int quota, Random rng)
    {
        var parsed = persons.Select(p => (p.Entity, p.Name.Full, Parts: PersonName.Parse(p.Name)))
            .Where(p => p.Parts.Given.Count >= 1 && p.Parts.Family.Count >= 1 && p.Parts.Count <= 4)
            .Select(p => (p.Entity, p.Full, Given: NameKey.Normalized(p.Parts.Given[0]), Family: NameKey.Normalized(string.Join(' ', p.Parts.Family))))
            .Where(p => p.Given.Length >= 3)
            .ToList();
        var common = parsed.GroupBy(p => p.Given, StringComparer.Ordinal).Where(g => g.Select(x => x.Entity.Id).Distinct(StringComparer.Ordinal).Count() >= 20)
            .Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var candidates = new List<(int, int)>();
        foreach (var group in parsed.Select((p, i) => (p, i)).Where(x => common.Contains(x.p.Given)).GroupBy(x => x.p.Entity.Source + "/" + x.p.Given, StringComparer.Ordinal))
        {
            var members = group.ToList();
            PositivePairs.Shuffle(members, rng);
            for (var a = 0; a + 1 < members.Count && a < 60; a += 2)
            {
                var x = members[a].p;
                var y = members[a + 1].p;
                var fx = x.Family.Split(' ');
                var fy = y.Family.Split(' ');
                if (x.Entity.Id != y.Entity.Id && !fx.Intersect(fy).Any() && HardNegatives.DifferentNames(fx[^1], fy[^1]))
                {
                    candidates.Add((members[a].i, members[a + 1].i));
                }
            }
        }

        return TakePairs(parsed.Select(p => (p.Entity, p.Full)).ToList(), candidates, keys, quota, PairKinds.PersonSameGiven, rng);
    }

    /// <summary>A listed person's name with its patronymic replaced by another (<c>Ivan Petrovich Sidorov</c> →
    /// <c>Ivan Sergeyevich Sidorov</c>), or a middle given name replaced by another listed given name or by an initial that
    /// contradicts it (<c>Ivan P. Sidorov</c> against <c>Ivan Sergeyevich Sidorov</c>).</summary>
    private static IEnumerable<PairRow> MiddleConflicts(List<(Entity Entity, EntityName Name)> persons, HashSet<string> listedKeys, int quota, Random rng)
    {
        var givenPool = persons.Select(p => PersonName.Parse(p.Name)).Where(p => p.Given.Count >= 1).Select(p => p.Given[0])
            .Where(g => g.Length >= 4 && g.All(char.IsLetter)).Select(g => char.ToUpperInvariant(g[0]) + g[1..].ToLowerInvariant())
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var order = Enumerable.Range(0, persons.Count).ToList();
        PositivePairs.Shuffle(order, rng);
        var taken = 0;
        foreach (var k in order)
        {
            if (taken >= quota)
            {
                yield break;
            }

            var (entity, name) = persons[k];
            var p = PersonName.Parse(name);
            if (givenPool.Length == 0)
            {
                yield break;
            }

            if (p.Given.Count < 2 || p.Family.Count == 0)
            {
                continue;
            }

            var at = p.Given.Count - 1;
            var middle = p.Given[at];
            var lower = middle.ToLowerInvariant();
            if (middle.Length < 3 || !middle.All(char.IsLetter) || Particles.Contains(lower))
            {
                continue;
            }

            string replacement;
            var patronymic = lower.EndsWith("vich", StringComparison.Ordinal) || lower.EndsWith("vna", StringComparison.Ordinal);
            if (patronymic)
            {
                var pool = lower.EndsWith("vna", StringComparison.Ordinal) ? FemalePatronymics : Patronymics;
                replacement = pool[rng.Next(pool.Length)];
            }
            else if (rng.Next(3) == 0)
            {
                var letter = (char)('A' + rng.Next(26));
                if (char.ToUpperInvariant(middle[0]) == letter)
                {
                    continue;
                }

                replacement = letter + ".";
            }
            else
            {
                replacement = givenPool[rng.Next(givenPool.Length)];
            }

            if (replacement.Length > 2 && !HardNegatives.DifferentNames(NameKey.Normalized(replacement), NameKey.Normalized(middle)))
            {
                continue;
            }

            if (!middle.Any(char.IsLower))
            {
                replacement = replacement.ToUpperInvariant();
            }

            var given = p.Given.ToList();
            given[at] = replacement;
            var query = name.Full.Contains(',', StringComparison.Ordinal)
                ? string.Join(' ', p.Family) + ", " + string.Join(' ', given)
                : string.Join(' ', given.Concat(p.Family));
            if (listedKeys.Contains(NameKey.Sorted(query)))
            {
                continue;
            }

            taken++;
            yield return new PairRow(query, name.Full, entity.Schema.Name(), false, PairKinds.MiddleConflict, Split.Of(entity.Id), entity.Id, entity.Id);
        }
    }

    private static IEnumerable<PairRow> TakePairs(List<(Entity Entity, string Full)> names, List<(int A, int B)> candidates, Dictionary<string, HashSet<string>> keys,
        int quota, string kind, Random rng)
    {
        PositivePairs.Shuffle(candidates, rng);
        var seen = new HashSet<(string, string)>();
        var taken = 0;
        foreach (var (a, b) in candidates)
        {
            if (taken >= quota)
            {
                yield break;
            }

            var x = names[a];
            var y = names[b];
            var key = string.CompareOrdinal(x.Entity.Id, y.Entity.Id) < 0 ? (x.Entity.Id, y.Entity.Id) : (y.Entity.Id, x.Entity.Id);
            if (!seen.Add(key) || HardNegatives.MaybeSame(x.Entity, y.Entity, keys[x.Entity.Id], keys[y.Entity.Id]))
            {
                continue;
            }

            taken++;
            var (query, listed) = rng.Next(2) == 0 ? (x, y) : (y, x);
            yield return new PairRow(query.Full, listed.Full, query.Entity.Schema.Name(), false, kind, Split.Of(query.Entity.Id), query.Entity.Id, listed.Entity.Id);
        }
    }
}
