using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Comity.Core.Model;
using Comity.Server.Yente;

namespace Comity.Server.Corpus;

/// <summary>A text view of the corpus for <c>/search</c>: per entity, its folded names and its folded full text
/// (names, identifiers, properties). Built on first use.</summary>
internal sealed class SearchView
{
    public SearchView(ImmutableArray<Entity> entities)
    {
        Entities = entities;
        Names = new string[entities.Length];
        Text = new string[entities.Length];
        var positions = new Dictionary<string, int>(entities.Length, StringComparer.Ordinal);
        for (var i = 0; i < entities.Length; i++)
        {
            var e = entities[i];
            positions[e.Id] = i;
            var names = string.Join(" | ", e.Names.Select(n => n.Full));
            Names[i] = Fold(names);
            var sb = new StringBuilder(names);
            foreach (var (name, values) in FtmProperties.Of(e))
            {
                sb.Append(" | ").Append(name).Append(' ').AppendJoin(' ', values);
            }

            sb.Append(" | ").Append(e.Id);
            Text[i] = Fold(sb.ToString());
        }

        Positions = positions.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public ImmutableArray<Entity> Entities { get; }

    public string[] Names { get; }

    public string[] Text { get; }

    /// <summary>Position of an entity id in <see cref="Entities"/>.</summary>
    public FrozenDictionary<string, int> Positions { get; }

    /// <summary>Lower case, diacritics removed (culture-invariant).</summary>
    public static string Fold(string s)
    {
        var d = s.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(d.Length);
        foreach (var c in d)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        return sb.ToString();
    }
}
