using System.Collections.Frozen;

namespace Comity.Core.Text;

/// <summary>Word lists for name normalisation: honorifics, particles, abbreviations, generic and function words.</summary>
internal static class NameLexicon
{
    /// <summary>Honorifics and titles dropped from the start of a name (when another token remains).</summary>
    public static readonly FrozenSet<string> Honorifics = FrozenSet.Create(StringComparer.Ordinal,
        "mr", "mrs", "ms", "miss", "mme", "mlle", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "sheikh", "shaikh",
        "sheik", "shaykh", "cheikh", "haji", "hajji", "hadji", "alhaj", "alhaji", "mullah", "mulla", "mawlawi", "maulvi",
        "maulavi", "maulana", "mawlana", "imam", "hon", "honourable", "honorable", "rev", "reverend", "herr", "frau",
        "senor", "sr", "sra", "gospodin", "excellency");

    /// <summary>Offices and ranks written before a person's family name (<c>President Putin</c>, <c>General Soleimani</c>,
    /// <c>Prime Minister X</c>): dropped from the start of a person query (<see cref="NameNormalizer.DropOffices"/>); unlike
    /// <see cref="Honorifics"/> they are kept in other names (General Motors).</summary>
    public static readonly FrozenSet<string> Offices = FrozenSet.Create(StringComparer.Ordinal,
        "president", "vice", "prime", "minister", "deputy", "general", "lieutenant", "colonel", "major", "captain", "commander",
        "admiral", "marshal", "brigadier", "sergeant", "senator", "judge", "justice", "ambassador", "governor", "chairman",
        "chairwoman", "chancellor", "secretary", "director", "commissioner", "mayor", "king", "queen", "prince", "princess", "emir",
        "amir", "sultan", "ayatollah", "grand", "mufti", "bishop", "archbishop", "father", "patriarch", "gen", "lt", "col", "maj",
        "capt", "cpt", "cmdr", "adm", "brig", "sgt", "gov", "sen", "pres", "amb", "doctor", "mister", "madam", "madame");

    /// <summary>Titles among <see cref="Offices"/> that name no office (anyone may bear them): they are dropped, but a family
    /// name after them is not treated as an office holder's (<see cref="NameNormalizer.StartsWithTitle"/>).</summary>
    public static readonly FrozenSet<string> CourtesyTitles = FrozenSet.Create(StringComparer.Ordinal,
        "father", "doctor", "mister", "madam", "madame", "captain", "capt", "cpt", "major", "maj", "sergeant", "sgt", "director",
        "secretary", "chairman", "chairwoman", "bishop", "lieutenant", "lt");

    /// <summary>Name particles: kept as low-weight tokens, never required.</summary>
    public static readonly FrozenSet<string> Particles = FrozenSet.Create(StringComparer.Ordinal,
        "al", "el", "ul", "ol", "bin", "ibn", "bint", "binti", "abu", "abou", "ben", "ould", "van", "der", "den", "de",
        "la", "le", "von", "zu", "du", "da", "dos", "das", "del", "della", "di", "ter", "ten", "st", "mac", "bte", "bt");

    /// <summary>Function words.</summary>
    public static readonly FrozenSet<string> Stopwords = FrozenSet.Create(StringComparer.Ordinal,
        "and", "of", "the", "for", "und", "et", "y", "in", "on", "at", "to");

    /// <summary>Generic organisation words: matched normally but weigh little.</summary>
    public static readonly FrozenSet<string> Generic = FrozenSet.Create(StringComparer.Ordinal,
        "company", "companies", "group", "holding", "trading", "international", "service", "industry", "enterprise",
        "general", "investment", "technology", "development", "management", "engineering", "manufacturing",
        "association", "national", "global", "system", "communication", "organization", "foundation", "center",
        "import", "export", "shipping", "commercial", "bank", "branch");

    /// <summary>Abbreviations and plural or spelling variants mapped to one form.</summary>
    public static readonly FrozenDictionary<string, string> Abbreviations = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["co"] = "company",
        ["comp"] = "company",
        ["cmpny"] = "company",
        ["grp"] = "group",
        ["tech"] = "technology",
        ["techs"] = "technology",
        ["technol"] = "technology",
        ["technologies"] = "technology",
        ["srvcs"] = "service",
        ["srvces"] = "service",
        ["svcs"] = "service",
        ["svc"] = "service",
        ["servs"] = "service",
        ["services"] = "service",
        ["intl"] = "international",
        ["internat"] = "international",
        ["mfg"] = "manufacturing",
        ["natl"] = "national",
        ["assn"] = "association",
        ["assoc"] = "association",
        ["bros"] = "brothers",
        ["dept"] = "department",
        ["govt"] = "government",
        ["mgmt"] = "management",
        ["hldg"] = "holding",
        ["hldgs"] = "holding",
        ["holdings"] = "holding",
        ["inds"] = "industry",
        ["indus"] = "industry",
        ["industries"] = "industry",
        ["industrial"] = "industry",
        ["enterprises"] = "enterprise",
        ["ent"] = "enterprise",
        ["trdg"] = "trading",
        ["eng"] = "engineering",
        ["engg"] = "engineering",
        ["engr"] = "engineering",
        ["devt"] = "development",
        ["invest"] = "investment",
        ["investments"] = "investment",
        ["inv"] = "investment",
        ["sys"] = "system",
        ["systems"] = "system",
        ["comm"] = "communication",
        ["comms"] = "communication",
        ["communications"] = "communication",
        ["ctr"] = "center",
        ["centre"] = "center",
        ["univ"] = "university",
        ["inst"] = "institute",
        ["shpg"] = "shipping",
        ["organisation"] = "organization",
        ["org"] = "organization",
        ["mgt"] = "management",
        ["corpn"] = "corporation",
        ["kompani"] = "company",
        ["kompaniya"] = "company",
        ["liabiliti"] = "liability",
        ["stok"] = "stock",
        ["llk"] = "llc",
        ["korporeishn"] = "corporation",
        ["cie"] = "company",
        ["cia"] = "company",
        ["compania"] = "company",
        ["compagnie"] = "company",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Legal-form words that lists sometimes glue to the next word (<c>JOINTSTOCK</c>, <c>COMPANYPLASMA</c>,
    /// <c>OOOSOLAR</c>, <c>OBSHCHESTVOOPTRON</c>).</summary>
    public static readonly string[] GluedPrefixes = ["limited", "joint", "closed", "company", "obshchestvo", "ooo"];

    /// <summary>Legal-form words that lists sometimes glue to the previous word (<c>MILESLIMITED</c>,
    /// <c>ZALOGOOO</c>, <c>TAMYNAFZE</c>): only forms no ordinary word ends with.</summary>
    public static readonly string[] GluedSuffixes = ["limited", "company", "liability", "ooo", "oao", "fze", "cjsc", "ojsc", "pjsc", "dmcc", "llc", "ltd", "gmbh"];

    /// <summary>Leading vessel prefixes dropped when another token remains.</summary>
    public static readonly FrozenSet<string> VesselPrefixes = FrozenSet.Create(StringComparer.Ordinal, "mv", "mt", "ms", "ss", "mts");

    /// <summary>True for a patronymic such as <c>viktorovich</c>, <c>ivanovna</c>, <c>oglu</c>.</summary>
    public static bool IsPatronymic(string token) =>
        (token.Length >= 7 && (token.EndsWith("ovich", StringComparison.Ordinal) || token.EndsWith("evich", StringComparison.Ordinal)
            || token.EndsWith("ovna", StringComparison.Ordinal) || token.EndsWith("evna", StringComparison.Ordinal)
            || token.EndsWith("ichna", StringComparison.Ordinal) || token.EndsWith("yevich", StringComparison.Ordinal)))
        || token is "ogly" or "oglu" or "ogli" or "kyzy" or "qizi";
}
