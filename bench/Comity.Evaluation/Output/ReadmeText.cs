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
          as one). Variants are made of Latin-script listed names only. A variant whose normalised form equals the
          listed name's is dropped (except `punctuation`, whose point is that only punctuation and spacing change), and
          so is a variant whose sorted normalised tokens spell a name of another listed entity.
        - Issue-9 classes (generated the same way): `nickname` (a given name replaced by a nickname or short form from
          the generator's own table, `Variants/Nicknames.cs`: Bill, Sasha, Pepe...), `numeral` (17 ↔ Seventeen, 2nd ↔
          Second, 2 ↔ II, 96 ↔ Ninety-six), `digit_letter` (one or two letters typed as look-alike digits: Vl4dim1r),
          `acronym` (an organisation of three to seven words queried by its initials, sometimes with its legal form),
          `title` (an office or title and the family name only: President Putin, Dr Pyrkova), `shuffled` (the inner
          letters of one word shuffled, or the word written backwards), `translit_other` (Greek, Hebrew, Georgian,
          Armenian or Devanagari letters by our own maps), `katakana` (Japanese katakana by the usual transcription of
          foreign names, with writer-to-writer variation), `cross_script` (the lists' own pair of a non-Latin and a
          Latin name of one entity, the query either one), and hand-typed renderings of listed people
          (`hanzi_foreign`: the Chinese press transcription, 弗拉基米尔·普京; `katakana_press`: the Japanese press
          spelling, ウラジーミル・プーチン; `khmer`: Cambodians in Khmer script).

        Hard negatives (`is_match=0`, `entity1 ≠ entity2`, both of the same list — same dataset):

        - `similar_other`: names of two entities of the same schema group that share a rare token (a token of at most
          8 entities of the group) or share any token of at most 300 entities and have character-trigram Dice ≥ 0.5.
        - `one_name_differs`: two person names with the same tokens but one, where the differing tokens are different
          names, not spellings of one (≥ 3 letters, not in one romanisation class, ≥ 2 edits apart, not a prefix of the
          other, trigram Dice < 0.4): `Ali Hassan` vs `Ali Hussein`.
        - Issue-9 hard negatives: `company_one_word` (a listed company name with one distinguishing word replaced by a
          word of another listed company: Caspian Oil / Caspian Gas; generated, `entity1 = entity2` is the listed one),
          `company_sibling` (two listed companies of one list whose names begin with the same rare word and differ in
          another: VEB Leasing / VEB Inzhiniring), `brand_one_letter` (two listed companies whose names differ in one
          short word, one letter apart), `person_same_given` (two listed persons with the same common given name and
          different family names), `middle_conflict` (a listed person's patronymic or middle name replaced by another,
          or by an initial that contradicts it; generated).
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
        Pvt. Ltd. ...). `ru-Latn` and `uk-Latn` are the Cyrillic names romanised with our own tables. Latin-script
        persons carry a nickname for their given name 6 % of the time, a title 4 % (Dr Anna Weber) and a title with the
        family name only 3 % (General Okafor); 8 % of Latin-script companies are named by two to four initials (KTR
        Logistics GmbH). `km` and `km-Latn` are Cambodians in Khmer script and in passport spelling, `ja-Kana` foreign
        residents of Japan in katakana.

        A generated name is dropped when its sorted normalised tokens (AnyAscii transliteration, lower case, punctuation
        removed) equal those of any listed name of any kind, or of an earlier generated name. A real person may still
        carry a generated name; none is meant to.

        Use: screen every row against the corpus; a row with any hit at or above the threshold is a false alert
        (target: ≤ 1 % of persons and companies). For `short` rows count the hits per query (they must not flood).
        `split` as in pairs.csv, by the row id.
        """;

    public const string LimitsText = """
        ## Baseline

        `dotnet run --project bench/Comity.Evaluation -c Release -- baseline [--split dev|test|all]` scores the pairs
        with a naive matcher (character-trigram Dice of the sorted normalised tokens) and prints precision, recall, F1
        and false-alert rate per threshold, the best-F1 threshold, the reliability table and recall per kind: the floor
        a real matcher must beat on the same rows.

        ## Limits

        - Cyrillic and Arabic renderings are by ear from the Latin spelling, not the names' native spellings; Arabic
          script drops short vowels only partly. They test transliteration robustness, not dictionary knowledge.
        - Alias pairs inherit the lists' own quality: some aliases of organisations are unrelated strings (acronyms,
          new names); such pairs cannot be matched on the name alone.
        - Hard negatives are different listings, not proven different subjects: a pair may still be two listings of
          one subject without a shared name, identifier or reference.
        """;
}
