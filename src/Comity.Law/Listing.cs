using System.Collections.ObjectModel;
using Comity.Core.Model;

namespace Comity.Law;

/// <summary>What the law engine needs from one listing: its dataset, the authority's key, programmes, listing date and
/// properties. Recognised property: <c>delisted_on</c> (yyyy-MM-dd): not in force from that day.</summary>
public sealed record Listing(
    string Source, string SourceId, IReadOnlyList<string> Programs, DateOnly? ListedOn, IReadOnlyDictionary<string, string> Properties)
{
    private static readonly ReadOnlyDictionary<string, string> NoProperties = new(new Dictionary<string, string>(StringComparer.Ordinal));

    /// <summary>The entity id, <c>{source}:{source_id}</c>.</summary>
    public string Id => $"{Source}:{SourceId}";

    /// <summary>A listing with no properties.</summary>
    public static Listing Of(string source, string sourceId, IReadOnlyList<string> programs, DateOnly? listedOn = null) =>
        new(source, sourceId, programs, listedOn, NoProperties);

    /// <summary>From an entity: source, source id, programmes, listed-on (earliest day of a partial date), properties
    /// (first value of each name).</summary>
    public static Listing FromEntity(Entity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var props = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in entity.Properties)
        {
            props.TryAdd(p.Name, p.Value);
        }

        return new Listing(entity.Source, entity.SourceId, [.. entity.Programs], entity.ListedOn?.Earliest, props);
    }
}
