using Comity.Core.Model;

namespace Comity.Application.Linking;

/// <summary>The second linking pass: listings that agree on an exact name (case, diacritics, punctuation and word order
/// folded) and on nothing that contradicts it.</summary>
internal sealed partial class SubjectLinks
{
    /// <summary>A name shared by more entities than this is too common to link on (no real subject is listed this many
    /// times under one exact name); those buckets are left alone.</summary>
    private const int MaxNameBucket = 12;

    /// <summary>Lists that name one subject once per regulation (a SEMA record is one row of one regulation's
    /// schedule): two of their listings with the same name under different regulations are one subject.</summary>
    private static readonly HashSet<string> PerRegulationLists = new(StringComparer.Ordinal) { "ca-sema" };

    private static void LinkByName(IReadOnlyList<Entity> entities, int[] parent, HashSet<string>?[] groupLists, List<int>?[] members, Dictionary<int, string> reason)
    {
        var buckets = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < entities.Count; i++)
        {
            var e = entities[i];
            if (e.Names.IsDefaultOrEmpty)
            {
                continue;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var name in e.Names)
            {
                if (name.Kind is not (NameKind.Primary or NameKind.Alias))
                {
                    continue;
                }

                var key = NameKey(name.Full);
                if (key.Length < 8 || !key.Contains(' ', StringComparison.Ordinal) || !seen.Add(key))
                {
                    continue;
                }

                if (!buckets.TryGetValue(key, out var list))
                {
                    buckets[key] = list = [];
                }

                list.Add(i);
            }
        }

        var facts = new Facts?[entities.Count];
        Facts FactsOf(int i) => facts[i] ??= Facts.Of(entities[i]);

        foreach (var (_, list) in buckets.OrderBy(b => b.Key, StringComparer.Ordinal))
        {
            if (list.Count < 2 || list.Count > MaxNameBucket)
            {
                continue;
            }

            for (var x = 0; x < list.Count; x++)
            {
                for (var y = x + 1; y < list.Count; y++)
                {
                    var a = list[x];
                    var b = list[y];
                    var ra = Find(parent, a);
                    var rb = Find(parent, b);
                    if (ra == rb)
                    {
                        continue;
                    }

                    var why = PairReason(FactsOf(a), FactsOf(b));
                    if (why is null || !GroupsCompatible(entities, parent, groupLists, members, FactsOf, ra, rb))
                    {
                        continue;
                    }

                    Union(entities, parent, groupLists, members, reason, a, b, why);
                }
            }
        }
    }

    /// <summary>Schema families that may share a subject: persons; organisations and companies; legal entities (the
    /// lists' "entity or person" rows); vessels; aircraft.</summary>
    private static string Family(Schema schema) => schema switch
    {
        Schema.Organization or Schema.Company => "org",
        Schema.Person => "person",
        Schema.Vessel => "vessel",
        Schema.Airplane => "aircraft",
        _ => "legal",
    };

    /// <summary>Why two entities with the same exact name are one subject, or null when they may not be linked.</summary>
    private static string? PairReason(Facts a, Facts b)
    {
        var fa = Family(a.Entity.Schema);
        var fb = Family(b.Entity.Schema);
        if (fa != fb && !(fa == "legal" && fb is "org" or "person") && !(fb == "legal" && fa is "org" or "person"))
        {
            return null;
        }

        if (a.List == b.List && !PerRegulationLists.Contains(a.Entity.Source))
        {
            return null;
        }

        if (a.List == b.List && a.Entity.Programs.Intersect(b.Entity.Programs, StringComparer.Ordinal).Any())
        {
            return null;
        }

        if (Conflicts(a, b))
        {
            return null;
        }

        if (a.List == b.List)
        {
            return "name_other_regulation";
        }

        if (fa == "org" || fb == "org")
        {
            return "name";
        }

        if (a.Years.Count > 0 && b.Years.Count > 0)
        {
            return "name_and_birth_year";
        }

        if (a.Nationality.Overlaps(b.Nationality))
        {
            return "name_and_nationality";
        }

        if (a.Context.Overlaps(b.Context))
        {
            return "name_and_country";
        }

        return null;
    }

    /// <summary>Two entities contradict each other: birth years that cannot overlap, different genders, disjoint
    /// nationalities, or two identifiers of a kind that names one thing (IMO, LEI, BIC, MMSI, aircraft serial)
    /// with no value in common.</summary>
    private static bool Conflicts(Facts a, Facts b)
    {
        if (a.Years.Count > 0 && b.Years.Count > 0 && !a.Years.Overlaps(b.Years))
        {
            return true;
        }

        if (a.Entity.Gender != Gender.Unknown && b.Entity.Gender != Gender.Unknown && a.Entity.Gender != b.Entity.Gender)
        {
            return true;
        }

        if (a.Nationality.Count > 0 && b.Nationality.Count > 0 && !a.Nationality.Overlaps(b.Nationality))
        {
            return true;
        }

        if ((Family(a.Entity.Schema) == "org" || Family(b.Entity.Schema) == "org") && a.Countries.Count > 0 && b.Countries.Count > 0 && !a.Countries.Overlaps(b.Countries))
        {
            return true;
        }

        foreach (var (kind, values) in a.Ids)
        {
            if (b.Ids.TryGetValue(kind, out var other) && !values.Overlaps(other))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>No member of one group contradicts a member of the other, and a name never joins two listings of one
    /// list unless that list names a subject once per regulation and the two are under different regulations.</summary>
    private static bool GroupsCompatible(IReadOnlyList<Entity> entities, int[] parent, HashSet<string>?[] groupLists, List<int>?[] members, Func<int, Facts> factsOf, int ra, int rb)
    {
        var sharedLists = ListsOf(entities, groupLists, ra).Overlaps(ListsOf(entities, groupLists, rb));
        foreach (var m in MembersOf(members, ra))
        {
            foreach (var n in MembersOf(members, rb))
            {
                var fm = factsOf(m);
                var fn = factsOf(n);
                if (Conflicts(fm, fn))
                {
                    return false;
                }

                if (sharedLists && fm.List == fn.List
                    && (!PerRegulationLists.Contains(fm.Entity.Source) || fm.Entity.Programs.Intersect(fn.Entity.Programs, StringComparer.Ordinal).Any()))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>What the name pass compares, computed once per entity.</summary>
    private sealed class Facts
    {
        private Facts(Entity entity) => Entity = entity;

        public Entity Entity { get; }

        public string List { get; private init; } = "";

        /// <summary>Every year a birth date (or an organisation's or vessel's founding/build date) may fall in.</summary>
        public HashSet<int> Years { get; } = [];

        /// <summary>Nationalities and citizenships (ISO 3166-1 alpha-2, upper case).</summary>
        public HashSet<string> Nationality { get; } = new(StringComparer.Ordinal);

        /// <summary>Countries of any kind: nationality, addresses, birth places.</summary>
        public HashSet<string> Countries { get; } = new(StringComparer.Ordinal);

        /// <summary><see cref="Countries"/> plus the countries named by the listing's programmes and regime
        /// (<c>Russia</c>, <c>VENEZUELA-EO13850</c>).</summary>
        public HashSet<string> Context { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, HashSet<string>> Ids { get; } = new(StringComparer.Ordinal);

        public static Facts Of(Entity e)
        {
            var f = new Facts(e) { List = ListKey(e) };
            foreach (var d in e.BirthDates)
            {
                if (d.Calendar != CalendarKind.Gregorian)
                {
                    continue;
                }

                var (earliest, latest) = d.Bounds;
                for (var y = earliest.Year; y <= latest.Year && y - earliest.Year < 30; y++)
                {
                    f.Years.Add(y);
                }
            }

            foreach (var c in e.Nationalities.Concat(e.Citizenships))
            {
                f.Nationality.Add(c.ToUpperInvariant());
            }

            foreach (var c in e.AllCountries)
            {
                f.Countries.Add(c.ToUpperInvariant());
            }

            f.Context.UnionWith(f.Countries);
            foreach (var program in e.Programs.Append(e.Property("regime")).OfType<string>())
            {
                if (Comity.Core.Text.Countries.Resolve(program.Trim()) is { } whole)
                {
                    f.Context.Add(whole.ToUpperInvariant());
                    continue;
                }

                foreach (var word in program.Split([' ', '-', '_', '/', '(', ')', ','], StringSplitOptions.RemoveEmptyEntries))
                {
                    if (word.Length >= 4 && Comity.Core.Text.Countries.Resolve(word) is { } c)
                    {
                        f.Context.Add(c.ToUpperInvariant());
                    }
                }
            }

            foreach (var id in e.Identifiers)
            {
                var kind = id.Type switch
                {
                    IdentifierType.Imo or IdentifierType.Lei or IdentifierType.SwiftBic or IdentifierType.Mmsi or IdentifierType.AircraftSerial => id.Type.ToString(),
                    _ => null,
                };
                if (kind is null || id.Normalized.Length == 0)
                {
                    continue;
                }

                if (!f.Ids.TryGetValue(kind, out var set))
                {
                    f.Ids[kind] = set = new HashSet<string>(StringComparer.Ordinal);
                }

                set.Add(id.Normalized);
            }

            return f;
        }
    }
}
