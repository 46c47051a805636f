namespace Comity.Evaluation.Variants;

/// <summary>Groups of equivalent legal-form spellings (abbreviation, local abbreviation, words). A name that contains
/// one member can be rewritten with another.</summary>
internal static class LegalForms
{
    public static readonly string[][] Groups =
    [
        ["LLC", "OOO", "Limited Liability Company", "L.L.C.", "Obshchestvo s Ogranichennoi Otvetstvennostyu"],
        ["Co., Ltd.", "Company Limited", "Co Ltd"],
        ["Pvt Ltd", "Private Limited", "Pvt. Ltd."],
        ["Ltd", "Limited", "Ltd."],
        ["PJSC", "PAO", "Public Joint Stock Company", "Publichnoe Aktsionernoe Obshchestvo"],
        ["OJSC", "OAO", "Open Joint Stock Company", "Otkrytoe Aktsionernoe Obshchestvo"],
        ["CJSC", "ZAO", "Closed Joint Stock Company", "Zakrytoe Aktsionernoe Obshchestvo"],
        ["JSC", "AO", "Joint Stock Company", "Aktsionernoe Obshchestvo", "J.S.C."],
        ["Co.", "Company", "Co"],
        ["Inc", "Incorporated", "Inc."],
        ["Corp", "Corporation", "Corp."],
        ["GmbH", "Gesellschaft mit beschraenkter Haftung"],
        ["S.A.", "SA", "Sociedad Anonima"],
        ["S.A. de C.V.", "SA de CV", "Sociedad Anonima de Capital Variable"],
        ["FZE", "Free Zone Establishment", "F.Z.E."],
        ["FZCO", "Free Zone Company", "FZ Co"],
        ["PLC", "Public Limited Company", "P.L.C."],
        ["SARL", "S.A.R.L.", "Societe a Responsabilite Limitee"],
        ["LLP", "Limited Liability Partnership", "L.L.P."],
        ["Bhd", "Berhad"],
        ["Sdn Bhd", "Sendirian Berhad"],
        ["Est.", "Establishment", "Est"],
    ];

    /// <summary>Lower-case letter-and-digit tokens of a legal-form spelling (<c>Co., Ltd.</c> → <c>co ltd</c>).</summary>
    public static string[] Key(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(t => new string(t.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray()))
            .Where(t => t.Length > 0)
            .ToArray();

    /// <summary>Finds the longest legal form in a tokenised name, the last one on ties: (start token, token count,
    /// group), or null.</summary>
    public static (int Start, int Length, string[] Group)? Find(IReadOnlyList<string> tokens)
    {
        var keys = tokens.Select(t => new string(t.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray())).ToArray();
        (int Start, int Length, string[] Group)? best = null;
        for (var start = 0; start < keys.Length; start++)
        {
            foreach (var group in Groups)
            {
                foreach (var member in group)
                {
                    var k = Key(member);
                    if (start + k.Length > keys.Length || (best is { } b && b.Length > k.Length))
                    {
                        continue;
                    }

                    var match = true;
                    for (var j = 0; j < k.Length && match; j++)
                    {
                        match = string.Equals(keys[start + j], k[j], StringComparison.Ordinal);
                    }

                    if (match)
                    {
                        best = (start, k.Length, group);
                    }
                }
            }
        }

        return best;
    }

    /// <summary>True when a lower-case token is, on its own, a legal-form abbreviation or word.</summary>
    public static bool IsLegalFormToken(string token) =>
        Groups.Any(g => g.Any(m => Key(m) is [var only] && string.Equals(only, token, StringComparison.Ordinal)));
}
