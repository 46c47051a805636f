using System.Collections.Immutable;
using Comity.Core.Model;

namespace Comity.Application.Linking;

/// <summary>The links as a corpus snapshot stores them: each linked subject's id and entity positions, and the reason
/// each entity was linked by. Rebuilding from these gives the links <see cref="Build"/> computed.</summary>
internal sealed partial class SubjectLinks
{
    /// <summary>The linked subjects as (id, positions of their entities in the corpus, from <paramref name="positions"/>).</summary>
    internal (int Id, int[] Members)[] ExportSubjects(IReadOnlyDictionary<string, int> positions) =>
        [.. Linked.Select(s => (s.Id, s.Entities.Select(e => positions[e.Id]).ToArray()))];

    /// <summary>Links restored from <see cref="ExportSubjects"/> and <see cref="LinkReasons"/> over the same entities.</summary>
    internal static SubjectLinks Restore(IReadOnlyList<Entity> entities, IEnumerable<(int Id, int[] Members)> subjects, IEnumerable<KeyValuePair<string, string>> reasons)
    {
        var byEntity = new Dictionary<string, Subject>(StringComparer.Ordinal);
        var linked = ImmutableArray.CreateBuilder<Subject>();
        foreach (var (id, members) in subjects)
        {
            var subject = new Subject(id, [.. members.Select(m => entities[m])]);
            linked.Add(subject);
            foreach (var e in subject.Entities)
            {
                byEntity[e.Id] = subject;
            }
        }

        return new SubjectLinks(byEntity, reasons.ToDictionary(StringComparer.Ordinal), linked.ToImmutable());
    }
}
