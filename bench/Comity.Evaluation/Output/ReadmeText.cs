namespace Comity.Evaluation.Output;

/// <summary>Fixed prose of data/eval/README.md.</summary>
internal static class ReadmeText
{
    public const string PairsText = """
        ## pairs.csv

        Columns: `name1,name2,schema,is_match,kind,split,entity1,entity2`. `name1` is the query, `name2` a name as
        listed; `schema` is the FollowTheMoney schema of `entity1`; `entity1`/`entity2` are entity ids
        (`{source}:{source_id}`).

        Positives (`is_match=1`, `entity1 = entity2`):

        - `alias`: two names of one listed entity (strong alias vs primary name, or alias vs alias) whose sorted
          normalised tokens differ. `former`: a former name (f.k.a.) vs the primary name. Weak (low-quality) aliases
          are not used. These come from the lists themselves and include aliases that share no token with the
          primary name (organisations' acronyms, renamed companies and vessels): they bound what a name matcher can
          reach and are reported apart from the generated variants.
        - Generated variants of a listed name (80 % the primary name, 20 % a strong alias; `name2` is that listed
          name, `name1` the variant): `translit_cyrillic` and `translit_arabic` (the Latin name, person names in
          given-family order, written in Cyrillic or Arabic script with our own letter maps: longest match first,
          word-initial vowels as alef, medial `e` dropped, doubled letters written once in Arabic, `al` joined to the
          next word), `romanisation` (one token respelt: Mohammed/Muhammad, Yusuf/Yousef, Sergei/Sergey classes, or a
          letter rule ou/u, y/i, kh/h, -ov/-off, -ev/-eff, q/k, j/dj, sh/ch...), `reorder` (`MADURO MOROS, Nicolas` →
          `Nicolas MADURO MOROS`; plain names family first; two organisation words swapped), `middle_missing` (a middle
          given name, or a second family name, dropped), `middle_extra` (a common middle name added), `initials`
          (`N. MADURO MOROS`, or middle names as initials), `typo1`/`typo2` (one or two keyboard edits — QWERTY
          neighbour substitution, deletion, neighbour insertion, transposition — at random letters of words of four
          or more letters), `legal_form` (LLC ↔ OOO ↔ Limited Liability Company, Ltd ↔ Limited, JSC ↔ AO ↔ Joint
          Stock Company, Co. ↔ Company, PJSC/PAO, CJSC/ZAO, GmbH, S.A., FZE, Pvt Ltd ↔ Private Limited...),
          `punctuation` (punctuation removed, lower case with double spaces, a hyphen added, short words dotted),
          `glued` (a hyphen removed or two words — a particle such as al/abu/bin first when there is one — written
          as one). A variant whose normalised form equals the listed name's is dropped (except `punctuation`, whose
          point is that only punctuation and spacing change).

        Hard negatives (`is_match=0`, `entity1 ≠ entity2`, both of the same list — same dataset):

        - `similar_other`: names of two entities of the same schema group that share a rare token (a token of at most
          8 entities of the group) or share any token of at most 300 entities and have character-trigram Dice ≥ 0.5.
        - `one_name_differs`: two person names with the same tokens but one, where the differing tokens are different
          names, not spellings of one (≥ 3 letters, not in one romanisation class, ≥ 2 edits apart, not a prefix of the
          other, trigram Dice < 0.4): `Ali Hassan` vs `Ali Hussein`.
        - Excluded: pairs whose entities share any normalised name (one subject listed twice), a strong identifier
          (passport, national id, IMO... of 5+ characters) or a cross reference (UN reference number, IMO), or where
          one entity's cross reference names the other.

        `split`: `dev` (70 %) or `test` (30 %) by FNV-1a 64 of `entity1` modulo 100 (< 70 is dev). All positive rows of
        one entity are in one split. Tune on `dev` only; `test` is held out.
        """;

    public const string PopulationText = """
        ## population.csv

        Columns: `id,name,schema,dob,nationality,locale,kind,split`. Generated people (`kind=person`, with a date of
        birth between 1940 and 2006 and a nationality: the locale's country 85 % of the time), companies
        (`kind=company`, `nationality` is the company's country) and short names (`kind=short`: single given or family
        names, initials such as `J Smith`, `A B`, legal forms alone such as `Co`, generic words) that are on no list.
        Names are drawn from given-name, family-name and business-word lists written for this project per locale, with
        that locale's name order (family first for Chinese, Korean, Vietnamese; Spanish double surnames; Russian and
        Ukrainian patronymics and feminine surnames) and legal forms (GmbH, SARL, Sp. z o.o., ООО, 有限公司, PT, Ltd. Şti.,
        Pvt. Ltd. ...). `ru-Latn` and `uk-Latn` are the Cyrillic names romanised with our own tables.

        A generated name is dropped when its sorted normalised tokens (AnyAscii transliteration, lower case, punctuation
        removed) equal those of any listed name of any kind, or of an earlier generated name. A real person may still
        carry a generated name; none is meant to.

        Use: screen every row against the corpus; a row with any hit at or above the threshold is a false alert
        (target: ≤ 1 % of persons and companies). For `short` rows count the hits per query (they must not flood).
        `split` as in pairs.csv, by the row id.
        """;

    public const string LimitsText = """
        ## Limits

        - Cyrillic and Arabic renderings are by ear from the Latin spelling, not the names' native spellings; Arabic
          script drops short vowels only partly. They test transliteration robustness, not dictionary knowledge.
        - Alias pairs inherit the lists' own quality: some aliases of organisations are unrelated strings (acronyms,
          new names); such pairs cannot be matched on the name alone.
        - Hard negatives are different listings, not proven different subjects: a pair may still be two listings of
          one subject without a shared name, identifier or reference.
        """;
}
