using System.Collections.Frozen;
using System.Collections.Immutable;
using Comity.Application.Corpus;
using Comity.Application.Screening;
using Comity.Core.Model;

namespace Comity.Application.Linking;

/// <summary>One subject a listing names as related (OFAC's <c>Linked To:</c>, a parent company, a vessel's owner), and
/// the listed subject that name resolves to in the loaded corpus, if any.</summary>
/// <param name="Relation">How the list relates them, in words (<c>linked to</c>, <c>owner</c>, ...).</param>
/// <param name="Name">The list's text as given: a name, or for OFAC's advanced formats and FtM an entity id.</param>
/// <param name="Target">The listed entity it resolves to; null when nothing in the loaded lists is that subject.</param>
/// <param name="How">How it resolved: <c>id</c>, <c>exact name</c> or <c>score 0.97</c>; null when unresolved.</param>
internal sealed record RelatedName(string Relation, string Name, Entity? Target, string? How);

/// <summary>A listing that names another subject as related (the reverse of <see cref="RelatedName"/>).</summary>
internal sealed record RelatedFrom(Entity From, string Relation, string Name);

/// <summary>The relations between listed subjects that the lists state as text: built once per corpus (a reverse
/// index from every related name's exact key, and every related id, to the listings that name it); names resolve
/// forward through the one screening pipeline (<see cref="Screener"/>), never a matcher of their own.</summary>
internal sealed class RelatedSubjects
{
    /// <summary>The properties the readers keep that name another subject, and how each reads. OFAC CSV/XML
    /// <c>linkedTo</c> holds names, OFAC advanced/enhanced <c>linkedTo</c> the related entity's id; UK OFSI/FCDO keep
    /// <c>parent</c>, <c>subsidiaries</c>, <c>owner</c>, <c>pastOwner</c>; OFAC, CSL and FtM a vessel's
    /// <c>owner</c> (FtM also <c>operator</c>, as entity ids).</summary>
    public static readonly ImmutableArray<(string Property, string Relation)> Properties =
    [
        ("linkedTo", "linked to"), ("parent", "parent company"), ("subsidiaries", "subsidiary"),
        ("owner", "owner"), ("pastOwner", "past owner"), ("operator", "operator"),
    ];

    /// <summary>A name that is not exactly a listed name resolves only at or above this score (well above the
    /// matching threshold: a wrong link is worse than none).</summary>
    public const double VeryHighScore = 0.95;

    /// <summary>At most this many candidates are screened for one name.</summary>
    public const int Candidates = 3;

    /// <summary>At most this many related names of one listing are resolved (the rest are shown unresolved).</summary>
    public const int MaxResolved = 40;

    private static readonly FrozenDictionary<string, string> RelationOf = Properties.ToFrozenDictionary(p => p.Property, p => p.Relation, StringComparer.Ordinal);

    private readonly ScreeningCorpus _corpus;
    private readonly FrozenDictionary<string, ImmutableArray<RelatedFrom>> _reverse;

    private RelatedSubjects(ScreeningCorpus corpus, FrozenDictionary<string, ImmutableArray<RelatedFrom>> reverse)
    {
        _corpus = corpus;
        _reverse = reverse;
    }

    /// <summary>How many listings name another subject (counted once at build).</summary>
    public int Referencing { get; private init; }

    /// <summary>Builds the reverse index in one pass over the corpus.</summary>
    public static RelatedSubjects Build(ScreeningCorpus corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var reverse = new Dictionary<string, ImmutableArray<RelatedFrom>.Builder>(StringComparer.Ordinal);
        var referencing = 0;
        foreach (var e in corpus.Entities)
        {
            var any = false;
            foreach (var p in e.Properties)
            {
                if (!RelationOf.TryGetValue(p.Name, out var relation) || string.IsNullOrWhiteSpace(p.Value))
                {
                    continue;
                }

                any = true;
                var key = ById(corpus, e, p.Value) is { } target ? IdKey(target.Id) : SubjectLinks.NameKey(p.Value);
                if (key.Length == 0)
                {
                    continue;
                }

                if (!reverse.TryGetValue(key, out var list))
                {
                    reverse[key] = list = ImmutableArray.CreateBuilder<RelatedFrom>();
                }

                list.Add(new RelatedFrom(e, relation, p.Value));
            }

            referencing += any ? 1 : 0;
        }

        return new RelatedSubjects(corpus, reverse.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToImmutable(), StringComparer.Ordinal)) { Referencing = referencing };
    }

    /// <summary>The subjects this listing names as related, each resolved to a listed entity where one is that subject:
    /// by id; else the best of a few screening candidates, preferring a listing on the same list, whose name is exactly
    /// the related name (normalised) or that scores at least <see cref="VeryHighScore"/>.</summary>
    public IReadOnlyList<RelatedName> Of(Entity entity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var result = new List<RelatedName>();
        var resolved = 0;
        foreach (var p in entity.Properties)
        {
            if (!RelationOf.TryGetValue(p.Name, out var relation) || string.IsNullOrWhiteSpace(p.Value))
            {
                continue;
            }

            if (ById(_corpus, entity, p.Value) is { } byId)
            {
                result.Add(new RelatedName(relation, p.Value, byId, "id"));
            }
            else if (resolved++ < MaxResolved && ByName(entity, p.Value, cancellationToken) is { } byName)
            {
                result.Add(new RelatedName(relation, p.Value, byName.Target, byName.How));
            }
            else
            {
                result.Add(new RelatedName(relation, p.Value, null, null));
            }
        }

        return result;
    }

    /// <summary>The listings that name this entity as related: by its id, or by one of its names exactly (normalised).
    /// A lookup in the index built once, not a scan.</summary>
    public IReadOnlyList<RelatedFrom> To(Entity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var keys = new HashSet<string>(StringComparer.Ordinal) { IdKey(entity.Id) };
        foreach (var n in entity.Names)
        {
            keys.Add(SubjectLinks.NameKey(n.Full));
        }

        var seen = new HashSet<(string, string)>();
        var result = new List<RelatedFrom>();
        foreach (var key in keys)
        {
            if (!_reverse.TryGetValue(key, out var from))
            {
                continue;
            }

            foreach (var r in from)
            {
                if (r.From.Id != entity.Id && seen.Add((r.From.Id, r.Relation)))
                {
                    result.Add(r);
                }
            }
        }

        result.Sort((a, b) => string.CompareOrdinal(a.From.Id, b.From.Id));
        return result;
    }

    private static string IdKey(string entityId) => "#" + entityId;

    /// <summary>A related value that is an entity id: the corpus's own (<c>source:id</c>), or the list's own id on the
    /// same list (OFAC advanced's profile ids, FtM ids).</summary>
    private static Entity? ById(ScreeningCorpus corpus, Entity from, string value)
    {
        var v = value.Trim();
        return corpus.Find(Entity.MakeId(from.Source, v)) ?? (v.Contains(':', StringComparison.Ordinal) ? corpus.Find(v) : null);
    }

    private (Entity Target, string How)? ByName(Entity from, string name, CancellationToken cancellationToken)
    {
        var query = new Query { Names = [name.Trim()], Schema = Schema.LegalEntity };
        if (QueryLimits.Check(query) is not null)
        {
            return null;
        }

        var scope = new CandidateScope
        {
            QuerySchemata = [Schema.LegalEntity, Schema.Vessel, Schema.Airplane],
            ExcludeEntityIds = FrozenSet.Create(StringComparer.Ordinal, from.Id),
        };
        var screener = new Screener(_corpus, new ScreeningOptions { Limit = Candidates, MinScore = VeryHighScore, Scope = scope });
        var hits = screener.ScreenCancellable(query, cancellationToken).Hits;
        var key = SubjectLinks.NameKey(name);
        (Entity Target, string How)? best = null;
        var bestRank = int.MaxValue;
        foreach (var hit in hits)
        {
            // The subject's listing on the same list as the one that names it, else the hit's own listing.
            var target = hit.Listings.Where(l => l.Source == from.Source).Select(l => _corpus.Find(l.EntityId)).OfType<Entity>().FirstOrDefault() ?? hit.Entity;
            var exact = target.Names.Any(n => SubjectLinks.NameKey(n.Full) == key) || hit.Entity.Names.Any(n => SubjectLinks.NameKey(n.Full) == key);
            var sameSource = target.Source == from.Source;
            var rank = (exact ? 0 : 2) + (sameSource ? 0 : 1);
            if (rank < bestRank)
            {
                bestRank = rank;
                best = (target, exact ? "exact name" : "score " + hit.Score.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return best;
    }
}
