using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Comity.Core.Model;

namespace Comity.Application.Linking;

/// <summary>Links listings of one real-world subject across lists: by shared UN reference numbers, IMO numbers and
/// other strong identifiers (LEI, SWIFT/BIC, passports and national ids with their issuing country, OFAC entry numbers
/// quoted by other US lists, UK list references, the CSL's copy of the BIS Denied Persons List by name), by exact
/// name plus exact date of birth, and then by exact name alone where nothing conflicts: organisations and companies
/// by name (same schema family; no disjoint countries; no differing identifier of one kind), persons, legal entities
/// and vessels by name plus at least one agreeing attribute (birth date, nationality or the country of the listing's
/// programme, identifier, flag) and nothing conflicting (birth dates, gender, nationality, identifiers). A name never
/// joins two listings of the same list (each component list of the CSL counts as a list), not even through a third,
/// except on a list that names a subject once per regulation (Canada's SEMA) when the two listings are under
/// different regulations.</summary>
internal sealed partial class SubjectLinks
{
    // Plain dictionaries, never changed after construction: a frozen one answers a little faster but costs far more to
    // build, and a corpus read from its snapshot builds these on every start.
    private readonly Dictionary<string, Subject> _byEntity;
    private readonly Dictionary<string, string> _reason;

    private SubjectLinks(Dictionary<string, Subject> byEntity, Dictionary<string, string> reason, ImmutableArray<Subject> linked)
    {
        _byEntity = byEntity;
        _reason = reason;
        Linked = linked;
    }

    /// <summary>Subjects with listings in more than one list.</summary>
    public ImmutableArray<Subject> Linked { get; }

    /// <summary>The subject an entity belongs to; null when it is listed only once.</summary>
    public Subject? SubjectOf(string entityId) => _byEntity.GetValueOrDefault(entityId);

    /// <summary>How each entity was linked into its subject (e.g. <c>un_reference QDi.291</c>).</summary>
    public IReadOnlyDictionary<string, string> LinkReasons => _reason;

    /// <summary>Per other list, how many entries of <paramref name="source"/> are linked to at least one of its entries.</summary>
    public IReadOnlyDictionary<string, int> LinkedCounts(string source)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in Linked)
        {
            var mine = s.Entities.Count(e => e.Source == source);
            if (mine == 0)
            {
                continue;
            }

            foreach (var other in s.Entities.Select(e => e.Source).Where(x => x != source).Distinct(StringComparer.Ordinal))
            {
                counts[other] = counts.GetValueOrDefault(other) + mine;
            }
        }

        return counts;
    }

    /// <summary>Computes the links of a set of entities.</summary>
    public static SubjectLinks Build(IReadOnlyList<Entity> entities)
    {
        var parent = Enumerable.Range(0, entities.Count).ToArray();
        var groupLists = new HashSet<string>?[entities.Count];
        var members = new List<int>?[entities.Count];
        var reason = new Dictionary<int, string>();
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        var bySourceId = new Dictionary<(string, string), int>();
        for (var i = 0; i < entities.Count; i++)
        {
            bySourceId.TryAdd((entities[i].Source, entities[i].SourceId), i);
        }

        for (var i = 0; i < entities.Count; i++)
        {
            var e = entities[i];
            foreach (var key in Keys(e))
            {
                if (keys.TryGetValue(key, out var j))
                {
                    // A name and birth date alone never joins two listings of the same list, not even through a third.
                    if (!key.StartsWith("name:", StringComparison.Ordinal) || !SharesList(entities, parent, groupLists, i, j))
                    {
                        Union(entities, parent, groupLists, members, reason, j, i, key);
                    }
                }
                else
                {
                    keys[key] = i;
                }
            }

            // Other US lists quote the OFAC entry number (CSL rows, enhanced/advanced XML).
            foreach (var x in e.CrossReferences)
            {
                if (x.Scheme == "OFAC")
                {
                    foreach (var ofac in new[] { "us-ofac-sdn", "us-ofac-cons" })
                    {
                        if (ofac != e.Source && bySourceId.TryGetValue((ofac, x.Value.Trim()), out var j))
                        {
                            Union(entities, parent, groupLists, members, reason, j, i, $"ofac_entry {x.Value.Trim()}");
                        }
                    }
                }
            }
        }

        LinkByName(entities, parent, groupLists, members, reason);

        var groups = new Dictionary<int, List<int>>();
        for (var i = 0; i < entities.Count; i++)
        {
            var root = Find(parent, i);
            if (!groups.TryGetValue(root, out var list))
            {
                groups[root] = list = [];
            }

            list.Add(i);
        }

        var byEntity = new Dictionary<string, Subject>(StringComparer.Ordinal);
        var reasons = new Dictionary<string, string>(StringComparer.Ordinal);
        var linked = ImmutableArray.CreateBuilder<Subject>();
        var id = 0;
        foreach (var (_, group) in groups.OrderBy(g => g.Key))
        {
            if (group.Count < 2 || group.Select(m => entities[m].Source).Distinct(StringComparer.Ordinal).Count() < 2)
            {
                continue;
            }

            var subject = new Subject(++id, [.. group.Select(m => entities[m])]);
            linked.Add(subject);
            foreach (var m in group)
            {
                byEntity[entities[m].Id] = subject;
                if (reason.TryGetValue(m, out var r))
                {
                    reasons[entities[m].Id] = r;
                }
            }
        }

        return new SubjectLinks(byEntity, reasons, linked.ToImmutable());
    }

    private static IEnumerable<string> Keys(Entity e)
    {
        foreach (var x in e.CrossReferences)
        {
            var v = x.Value.Trim().ToUpperInvariant();
            switch (x.Scheme)
            {
                case "UN":
                    if (v.Length >= 5)
                    {
                        yield return "un_reference " + v;
                    }

                    break;
                case "IMO":
                    var imo = Identifier.NormalizeValue(v);
                    if (imo.Length == 7)
                    {
                        yield return "imo " + imo;
                    }

                    break;
                case "UKSL":
                case "OFSI":
                    yield return x.Scheme.ToLowerInvariant() + " " + v;
                    break;
                default:
                    break;
            }
        }

        // The CSL's DPL component is the BIS Denied Persons List itself: the same name on both is the same denial
        // (neither carries an id or a date of birth).
        if ((e.Source == "us-bis-dpl" || (e.Source == "us-trade-csl" && e.Property("list") == "DPL")) && !e.Names.IsDefaultOrEmpty)
        {
            yield return "dpl " + NameKey(e.Names[0].Full);
        }

        if (e.Source is "gb-fcdo")
        {
            yield return "uksl " + e.SourceId.Trim().ToUpperInvariant();
        }

        if (e.Source is "gb-hmt-ofsi")
        {
            yield return "ofsi " + e.SourceId.Trim().ToUpperInvariant();
        }

        foreach (var id in e.Identifiers)
        {
            var n = id.Normalized;
            switch (id.Type)
            {
                case IdentifierType.Imo when n.Length == 7:
                    yield return "imo " + n;
                    break;
                case IdentifierType.Lei when n.Length == 20:
                case IdentifierType.SwiftBic when n.Length is 8 or 11:
                case IdentifierType.CryptoAddress when n.Length >= 20:
                    yield return id.Type.ToString().ToLowerInvariant() + " " + n;
                    break;
                case IdentifierType.Passport or IdentifierType.NationalId when n.Length >= 6 && id.Country is not null:
                    yield return id.Type.ToString().ToLowerInvariant() + " " + id.Country + " " + n;
                    break;
                default:
                    break;
            }
        }

        if (e.Schema == Schema.Person)
        {
            foreach (var dob in e.BirthDates)
            {
                if (dob.Calendar != CalendarKind.Gregorian || !dob.From.HasDay || dob.IsRange || dob.Circa)
                {
                    continue;
                }

                foreach (var name in e.Names)
                {
                    if (name.Kind is NameKind.Primary or NameKind.Alias)
                    {
                        var key = NameKey(name.Full);
                        if (key.Length >= 8)
                        {
                            yield return "name:" + key + " dob " + dob.From.ToString();
                        }
                    }
                }
            }
        }
    }

    /// <summary>Exact-name key: case and diacritics folded, punctuation dropped, tokens sorted (so
    /// <c>MADURO MOROS, Nicolas</c> and <c>Nicolas MADURO MOROS</c> agree).</summary>
    internal static string NameKey(string name)
    {
        var folded = name.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (char.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && c != '\'' && c != '.')
            {
                sb.Append(' ');
            }
        }

        var tokens = sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Array.Sort(tokens, StringComparer.Ordinal);
        return string.Join(' ', tokens);
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }

        return i;
    }

    /// <summary>The list an entity belongs to for the "never two listings of one list" rule: its source, and for the
    /// CSL its component list (SDN, EL, ISN, DPL, ...), since the CSL republishes other lists side by side.</summary>
    internal static string ListKey(Entity e) =>
        e.Source == "us-trade-csl" && e.Property("list") is { Length: > 0 } component ? e.Source + "/" + component : e.Source;

    private static HashSet<string> ListsOf(IReadOnlyList<Entity> entities, HashSet<string>?[] groupLists, int root) =>
        groupLists[root] ??= new HashSet<string>(StringComparer.Ordinal) { ListKey(entities[root]) };

    private static List<int> MembersOf(List<int>?[] members, int root) => members[root] ??= [root];

    private static bool SharesList(IReadOnlyList<Entity> entities, int[] parent, HashSet<string>?[] groupLists, int a, int b)
    {
        var ra = Find(parent, a);
        var rb = Find(parent, b);
        return ra != rb && ListsOf(entities, groupLists, ra).Overlaps(ListsOf(entities, groupLists, rb));
    }

    private static void Union(IReadOnlyList<Entity> entities, int[] parent, HashSet<string>?[] groupLists, List<int>?[] members, Dictionary<int, string> reason, int a, int b, string why)
    {
        var ra = Find(parent, a);
        var rb = Find(parent, b);
        if (ra == rb)
        {
            return;
        }

        parent[rb] = ra;
        ListsOf(entities, groupLists, ra).UnionWith(ListsOf(entities, groupLists, rb));
        groupLists[rb] = null;
        MembersOf(members, ra).AddRange(MembersOf(members, rb));
        members[rb] = null;
        reason.TryAdd(b, why.StartsWith("name:", StringComparison.Ordinal) ? "name_and_dob" : why);
        reason.TryAdd(a, reason.GetValueOrDefault(b, why));
    }
}
