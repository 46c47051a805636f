using System.Collections.Frozen;

namespace Comity.Core.Text;

/// <summary>Legal forms of organisations, mapped to canonical tokens and families.</summary>
/// <remarks>Two forms with the same canonical token are equal (<c>OOO</c> = <c>LLC</c> = <c>GmbH</c>,
/// <c>Pvt Ltd</c> = <c>Private Limited</c>). Forms of the same family are close (<c>OAO</c> ~ <c>JSC</c>). A
/// limited-liability form against a stock-corporation form is a conflict: <c>Deutsche Bank AG</c> and
/// <c>Deutsche Bank GmbH</c> are sister companies, not one.</remarks>
internal static class LegalForms
{
    public const byte LimitedLiability = 1;
    public const byte StockCorporation = 2;
    public const byte Corporation = 3;
    public const byte Partnership = 4;
    public const byte FreeZone = 5;
    public const byte Other = 6;

    /// <summary>Phrases (space-separated normalised tokens) → (canonical, family). Longest phrase wins.</summary>
    public static readonly FrozenDictionary<string, (string Canonical, byte Family)> Phrases = Build(
    [
        ("llc", "llc", LimitedLiability), ("l l c", "llc", LimitedLiability), ("ooo", "llc", LimitedLiability),
        ("gmbh", "llc", LimitedLiability), ("sarl", "llc", LimitedLiability), ("srl", "llc", LimitedLiability),
        ("tov", "llc", LimitedLiability), ("sp z oo", "llc", LimitedLiability), ("doo", "llc", LimitedLiability),
        ("limited liability company", "llc", LimitedLiability), ("limited liability co", "llc", LimitedLiability),
        ("obshchestvo s ogranichennoy otvetstvennostyu", "llc", LimitedLiability),
        ("obshchestvo s ogranichennoi otvetstvennostiu", "llc", LimitedLiability),
        ("obshchestvo s ogranichennoi otvetstvennostyu", "llc", LimitedLiability),
        ("obshchestvo s ogranichennoy otvetstvennostiu", "llc", LimitedLiability),
        ("societe a responsabilite limitee", "llc", LimitedLiability), ("pllc", "llc", LimitedLiability),
        ("gesellschaft mit beschraenkter haftung", "llc", LimitedLiability), ("gesellschaft mit beschrankter haftung", "llc", LimitedLiability),
        ("ltda", "llc", LimitedLiability), ("limitada", "llc", LimitedLiability), ("sociedad limitada", "llc", LimitedLiability),
        ("sociedad de responsabilidad limitada", "llc", LimitedLiability), ("sendirian berhad", "sdnbhd", LimitedLiability),
        ("tovarystvo z obmezhenoyu vidpovidalnistyu", "llc", LimitedLiability),
        ("ltd", "ltd", LimitedLiability), ("limited", "ltd", LimitedLiability),
        ("pvt ltd", "pvtltd", LimitedLiability), ("private limited", "pvtltd", LimitedLiability),
        ("pvt limited", "pvtltd", LimitedLiability), ("private ltd", "pvtltd", LimitedLiability),
        ("pte ltd", "pvtltd", LimitedLiability), ("pty ltd", "pvtltd", LimitedLiability),
        ("sdn bhd", "sdnbhd", LimitedLiability), ("bhd", "bhd", LimitedLiability),
        ("jsc", "jsc", StockCorporation), ("ao", "jsc", StockCorporation), ("joint stock company", "jsc", StockCorporation),
        ("aktsionernoe obshchestvo", "jsc", StockCorporation), ("chastnoe aktsionernoe obshchestvo", "jsc", StockCorporation),
        ("otkrytoye aktsionernoye obshchestvo", "ojsc", StockCorporation), ("zakrytoye aktsionernoye obshchestvo", "cjsc", StockCorporation),
        ("publichnoye aktsionernoye obshchestvo", "pjsc", StockCorporation), ("aktsionernoye obshchestvo", "jsc", StockCorporation),
        ("ojsc", "ojsc", StockCorporation), ("oao", "ojsc", StockCorporation), ("open joint stock company", "ojsc", StockCorporation),
        ("otkrytoe aktsionernoe obshchestvo", "ojsc", StockCorporation),
        ("cjsc", "cjsc", StockCorporation), ("zao", "cjsc", StockCorporation), ("closed joint stock company", "cjsc", StockCorporation),
        ("zakrytoe aktsionernoe obshchestvo", "cjsc", StockCorporation),
        ("pjsc", "pjsc", StockCorporation), ("pao", "pjsc", StockCorporation), ("public joint stock company", "pjsc", StockCorporation),
        ("publichnoe aktsionernoe obshchestvo", "pjsc", StockCorporation),
        ("ag", "ag", StockCorporation), ("aktiengesellschaft", "ag", StockCorporation),
        ("sa", "sa", StockCorporation), ("sociedad anonima", "sa", StockCorporation), ("societe anonyme", "sa", StockCorporation),
        ("sa de cv", "sadecv", StockCorporation), ("sociedad anonima de capital variable", "sadecv", StockCorporation),
        ("sae", "sa", StockCorporation), ("saog", "sa", StockCorporation), ("sal", "sa", StockCorporation),
        ("plc", "plc", StockCorporation), ("public limited company", "plc", StockCorporation),
        ("nv", "nv", StockCorporation), ("spa", "spa", StockCorporation), ("ab", "ab", StockCorporation),
        ("asa", "asa", StockCorporation), ("oyj", "oyj", StockCorporation), ("kk", "kk", StockCorporation),
        ("inc", "inc", Corporation), ("incorporated", "inc", Corporation),
        ("corp", "corp", Corporation), ("corporation", "corp", Corporation),
        ("lp", "lp", Partnership), ("llp", "llp", Partnership), ("limited partnership", "lp", Partnership),
        ("limited liability partnership", "llp", Partnership), ("kg", "kg", Partnership), ("gbr", "gbr", Partnership),
        ("fze", "fze", FreeZone), ("fzco", "fzco", FreeZone), ("fzc", "fzco", FreeZone), ("fzllc", "fzllc", FreeZone),
        ("fz llc", "fzllc", FreeZone),
        ("free zone establishment", "fze", FreeZone), ("free zone company", "fzco", FreeZone), ("dmcc", "dmcc", FreeZone),
        ("bv", "bv", LimitedLiability), ("besloten vennootschap", "bv", LimitedLiability),
        ("cong ty tnhh", "llc", LimitedLiability), ("tnhh", "llc", LimitedLiability), ("cong ty co phan", "jsc", StockCorporation),
        ("cong ty company phan", "jsc", StockCorporation), ("s de rl de cv", "srldecv", LimitedLiability), ("s de rl", "llc", LimitedLiability),
        ("sc de rl de cv", "srldecv", LimitedLiability), ("srl de cv", "srldecv", LimitedLiability),
        ("you xian gong si", "ltd", LimitedLiability), ("you xian ze ren gong si", "llc", LimitedLiability),
        ("gu fen you xian gong si", "jsc", StockCorporation), ("ltd sti", "ltd", LimitedLiability), ("sl", "llc", LimitedLiability),
        ("kft", "llc", LimitedLiability), ("eood", "llc", LimitedLiability), ("ood", "llc", LimitedLiability),
        ("pt", "pt", Other), ("sas", "sas", Other), ("as", "as", StockCorporation), ("ad", "ad", StockCorporation),
        ("gie", "gie", Other), ("cooperative", "coop", Other), ("coop", "coop", Other),
    ]);

    /// <summary>Single-token forms that are also ordinary words or names; recognised only at the first or last
    /// position of a name of two or more tokens.</summary>
    public static readonly FrozenSet<string> Ambiguous = FrozenSet.Create(StringComparer.Ordinal,
        "ao", "sa", "ab", "ag", "sl", "pt", "as", "ad", "sas", "ood", "nv", "kg", "kk", "bv", "sal", "sae", "asa", "spa", "tov", "doo", "lp", "gie", "coop", "limited");

    /// <summary>The longest phrase length, in tokens.</summary>
    public static readonly int MaxPhraseTokens = Phrases.Keys.Max(k => k.Split(' ').Length);

    /// <summary>How two legal forms compare: 1 equal, 0.8 same family, -1 conflict (limited liability against stock
    /// corporation), 0 otherwise.</summary>
    public static double Compare(in NameToken a, in NameToken b)
    {
        if (string.Equals(a.Text, b.Text, StringComparison.Ordinal))
        {
            return 1.0;
        }

        if (a.LegalFamily == b.LegalFamily)
        {
            return 0.8;
        }

        return (a.LegalFamily, b.LegalFamily) is (LimitedLiability, StockCorporation) or (StockCorporation, LimitedLiability)
            ? -1.0
            : 0.0;
    }

    private static FrozenDictionary<string, (string, byte)> Build((string Phrase, string Canonical, byte Family)[] rows) =>
        rows.ToFrozenDictionary(r => r.Phrase, r => (r.Canonical, r.Family), StringComparer.Ordinal);
}
