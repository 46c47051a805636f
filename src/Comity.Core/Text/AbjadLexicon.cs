using System.Collections.Frozen;

namespace Comity.Core.Text;

/// <summary>Organisation vocabulary (legal-form words, generic words, abbreviation variants) recognised when written
/// in Arabic letters: a vowel-less token of four letters or more whose <see cref="PhoneticKey.Abjad"/> key (four
/// letters or more) is that of a vocabulary word becomes that word, the shorter when words share a key
/// (ليميتد lymytd → limited, كومباني kwmbny → company).</summary>
internal static class AbjadLexicon
{
    private static readonly FrozenDictionary<string, string> ByKey = Build();

    public static bool TryResolve(string word, out string resolved)
    {
        resolved = word;
        if (word.Length < 4 || !PhoneticKey.IsVowelless(word) || LegalForms.Phrases.ContainsKey(word)
            || NameLexicon.Abbreviations.ContainsKey(word))
        {
            return false;
        }

        if (ByKey.TryGetValue(PhoneticKey.Abjad(word), out var hit))
        {
            resolved = hit;
            return true;
        }

        return false;
    }

    private static FrozenDictionary<string, string> Build()
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var phrase in LegalForms.Phrases.Keys)
        {
            words.UnionWith(phrase.Split(' '));
        }

        words.UnionWith(NameLexicon.Generic);
        words.UnionWith(NameLexicon.Abbreviations.Keys);
        var byKey = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var w in words)
        {
            if (w.Length < 4 || PhoneticKey.IsVowelless(w))
            {
                continue;
            }

            var key = PhoneticKey.Abjad(w);
            if (key.Length < 4)
            {
                continue;
            }

            // Words sharing a key (limited, limitada): the shorter, then the ordinal first, for determinism.
            if (!byKey.TryGetValue(key, out var other) || w.Length < other.Length
                || (w.Length == other.Length && string.CompareOrdinal(w, other) < 0))
            {
                byKey[key] = w;
            }
        }

        return byKey.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
