namespace Comity.Law.Tests;

/// <summary>Builders for scenario tests: real listings with their real source ids and programmes.</summary>
internal static class Scenario
{
    public static readonly DateOnly D = Repo.D("2026-10-01");

    // data/icc/us-eo14203-designations.csv rows.
    public static Listing Khan => Listing.Of("us-ofac-icc", "eo14203-khan-karim", ["ICC-EO14203"]);

    public static Listing Albanese => Listing.Of("us-ofac-icc", "eo14203-albanese-francesca", ["ICC-EO14203"]);

    public static Listing Akane => Listing.Of("us-ofac-icc", "eo14203-akane-tomoko", ["ICC-EO14203"]);

    public static Listing Seye => Listing.Of("us-ofac-icc", "eo14203-seye-abdoulaye", ["ICC-EO14203"]);

    public static Listing Bensouda => Listing.Of("us-ofac-icc", "eo13928-bensouda-fatou", ["ICC-EO13928"]);

    public static Listing AlHaq => Listing.Of("us-ofac-icc", "eo14203-al-haq", ["ICC-EO14203"]);

    // data/lists/ofac/sdn-csv/sdn.csv rows (ent_num, programme column).
    public static Listing BancoNacionalDeCuba => Listing.Of("us-ofac-sdn", "306", ["CUBA"]);

    public static Listing Naftiran => Listing.Of("us-ofac-sdn", "11318", ["IRAN"]);

    public static Listing BankMarkazi => Listing.Of("us-ofac-sdn", "4632", ["IRAN", "SDGT", "IRGC", "IFSR"]);

    public static Listing ZawahiriOfac => Listing.Of("us-ofac-sdn", "2676", ["SDGT"]);

    public static Listing PutinOfac => Listing.Of("us-ofac-sdn", "35096", ["RUSSIA-EO14024"]);

    // data/lists/un/UN_consolidated.xml: AIMAN MUHAMMED RABI AL-ZAWAHIRI, QDi.006, Al-Qaida, listed 2001-01-25.
    public static Listing ZawahiriUn => Listing.Of("un-sc", "QDi.006", ["Al-Qaida"], Repo.D("2001-01-25"));

    // data/icc/warrants.csv rows.
    public static Listing Warrant(string id) => Listing.Of("icc-warrants", id, []);

    public static ScreenerProfile Bank(string iso2, DateOnly? d = null, bool usNexus = false, bool usSubsidiary = false, params string[] assume) =>
        new(iso2, Role.Financial, d ?? D, UsNexus: usNexus, UsSubsidiary: usSubsidiary,
            Assumptions: assume.Length > 0 ? new HashSet<string>(assume, StringComparer.Ordinal) : null);

    public static ScreenerProfile Authority(string iso2, DateOnly? d = null) => new(iso2, Role.Authority, d ?? D);

    public static Decision Decide(ScreenerProfile p, params Listing[] listings) => Repo.Engine.Decide(p, listings);

    public static DecisionEntry Only(Decision d, string regime) => Assert.Single(d.Entries, e => e.Regime == regime);
}
