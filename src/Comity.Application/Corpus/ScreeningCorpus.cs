using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Comity.Application.Linking;
using Comity.Core.Matching;
using Comity.Core.Model;

namespace Comity.Application.Corpus;

/// <summary>An immutable, versioned set of loaded lists with its matching index. Swapped as a whole, never
/// modified in place.</summary>
internal sealed class ScreeningCorpus
{
    private readonly Dictionary<string, Entity> _byId;

    internal ScreeningCorpus(ImmutableArray<Dataset> datasets, ImmutableArray<Entity> entities, MatchIndex index, DateTimeOffset loadedAt)
        : this(datasets, entities, index, loadedAt, SubjectLinks.Build(entities))
    {
    }

    /// <summary>A corpus with its links already computed (read from a snapshot).</summary>
    internal ScreeningCorpus(ImmutableArray<Dataset> datasets, ImmutableArray<Entity> entities, MatchIndex index, DateTimeOffset loadedAt, SubjectLinks links)
    {
        Datasets = datasets;
        Entities = entities;
        Index = index;
        LoadedAt = loadedAt;
        _byId = new Dictionary<string, Entity>(entities.Length, StringComparer.Ordinal);
        foreach (var e in entities)
        {
            _byId.TryAdd(e.Id, e);
        }

        Version = ComputeVersion(datasets);
        Links = links;
        DatasetsBySource = datasets
            .GroupBy(d => d.Source, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    /// <summary>Each loaded dataset by its source name.</summary>
    public FrozenDictionary<string, Dataset> DatasetsBySource { get; }

    /// <summary>The data date of an entity's dataset (see <see cref="Lists.ListStatuses.DataDate(ScreeningCorpus, string)"/>).</summary>
    public DateTime DataDate(Entity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return Lists.ListStatuses.DataDate(this, entity.Source);
    }

    /// <summary>Listings of one subject across lists.</summary>
    public SubjectLinks Links { get; }

    /// <summary>Content version: a hash of every source file's SHA-256, so the same files give the same version.</summary>
    public string Version { get; }

    public ImmutableArray<Dataset> Datasets { get; }

    public ImmutableArray<Entity> Entities { get; }

    public MatchIndex Index { get; }

    public DateTimeOffset LoadedAt { get; }

    public Entity? Find(string entityId) => _byId.GetValueOrDefault(entityId);

    private static string ComputeVersion(ImmutableArray<Dataset> datasets)
    {
        var sb = new StringBuilder();
        foreach (var d in datasets.OrderBy(d => d.Source, StringComparer.Ordinal))
        {
            sb.Append(d.Source).Append('|');
            foreach (var f in d.Provenance.Files.OrderBy(f => f.Sha256, StringComparer.Ordinal))
            {
                sb.Append(f.Sha256).Append(',');
            }

            sb.Append(';');
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString()));
        return "c" + Convert.ToHexStringLower(hash)[..12];
    }
}
