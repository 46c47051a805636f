using System.Collections.Frozen;

namespace Comity.Core.Text;

/// <summary>Organisation vocabulary (legal-form words, generic words, abbreviation variants) recognised when written
/// in Arabic letters: a vowel-less token of four letters or more whose <see cref="PhoneticKey.Abjad"/> key (four
/// letters or more) is that of a vocabulary word becomes that word, the shorter when words share a key
/// (ليميتد lymytd → limited, كومباني kwmbny → company).</summary>
internal static class AbjadLexicon
{
    private static readonly FrozenDictionary<string, string> ByKey = Build(minWord: 4, minKey: 4, acronyms: false);
    private static readonly FrozenDictionary<string, string> Acronyms = BuildAcronyms();

    /// <summary>Resolves a word; <paramref name="arabic"/> (the name was written in Arabic letters) also admits
    /// words of two or three letters that render a consonant-only legal-form acronym (جسك jsk → jsc, لك lk → llc,
    /// دمك dmk → dmcc).</summary>
    public static bool TryResolve(string word, bool arabic, out string resolved)
    {
        resolved = word;
        if (word.Length < (arabic ? 2 : 4) || !PhoneticKey.IsVowelless(word) || LegalForms.Phrases.ContainsKey(word)
            || NameLexicon.Abbreviations.ContainsKey(word))
        {
            return false;
        }

        var key = PhoneticKey.Abjad(word);
        if (ByKey.TryGetValue(key, out var hit) || (arabic && Acronyms.TryGetValue(key, out hit)))
        {
            resolved = hit;
            return true;
        }

        return false;
    }

    private static FrozenDictionary<string, string> BuildAcronyms()
    {
        var byKey = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var w in LegalForms.Phrases.Keys.Order(StringComparer.Ordinal))
        {
            var key = PhoneticKey.Abjad(w);
            // gbr (German GbR) is left out: its key is that of the Arabic names Jabr, Ghabra, Akbar.
            if (w.Length >= 3 && w != "gbr" && !w.Contains(' ', StringComparison.Ordinal) && PhoneticKey.IsVowelless(w) && key.Length >= 2
                && (!byKey.TryGetValue(key, out var other) || w.Length < other.Length))
            {
                byKey[key] = w;
            }
        }

        return byKey.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static FrozenDictionary<string, string> Build(int minWord, int minKey, bool acronyms)
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
            if (w.Length < minWord || (!acronyms && PhoneticKey.IsVowelless(w)))
            {
                continue;
            }

            var key = PhoneticKey.Abjad(w);
            if (key.Length < minKey)
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
