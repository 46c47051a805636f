using Comity.Core.Model;
using Comity.Core.Text;

namespace Comity.Sources.OfacAdvanced;

/// <summary>What the sanctions entries and relationships (which follow the parties in the file) add to one party:
/// kept compactly per profile and merged into the built entity at the end.</summary>
internal sealed class AdvancedEntry
{
    public List<string> Programs { get; } = [];

    public List<EntityProperty> Properties { get; } = [];

    public PartialDate? ListedOn { get; set; }

    public bool OnSdn { get; set; }

    public void Add(string name, string? value)
    {
        var v = TextValue.Clean(value);
        if (v is not null && !Properties.Contains(new EntityProperty(name, v)))
        {
            Properties.Add(new EntityProperty(name, v));
        }
    }

    public Entity ApplyTo(Entity e) => e with
    {
        Programs = [.. e.Programs, .. Programs.Where(p => !e.Programs.Contains(p))],
        ListedOn = ListedOn is { } l && (e.ListedOn is null || l < e.ListedOn.Value) ? l : e.ListedOn,
        Properties = [.. e.Properties, .. Properties],
    };
}
