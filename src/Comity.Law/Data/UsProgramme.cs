namespace Comity.Law.Data;

/// <summary>How far a programme reaches foreign subsidiaries of US persons.</summary>
internal enum SubsidiaryReach
{
    No,
    Yes,
    Unconfirmed,
}

/// <summary>An OFAC programme tag and its legal basis; <see cref="Measure"/> keys the blocking-statute annexes.</summary>
internal sealed record UsProgramme(
    string Tag, string Instrument, string? Regulation, string Measure, SubsidiaryReach Subsidiaries, DateOnly? Until, Fact Fact)
{
    public static readonly string[] Columns =
        ["tag", "instrument", "regulation", "measure", "subsidiaries_bound", "programme_until", "version", "verification", "sources"];

    private static readonly Dictionary<string, SubsidiaryReach> Reach = new(StringComparer.Ordinal)
    {
        ["yes"] = SubsidiaryReach.Yes,
        ["no"] = SubsidiaryReach.No,
        ["unconfirmed"] = SubsidiaryReach.Unconfirmed,
    };

    public string Basis => Regulation is null ? Instrument : $"{Instrument}; {Regulation}";

    public static UsProgramme Parse(CsvRecord r) => new(
        r.Required("tag"), r.Required("instrument"), r.Optional("regulation"), r.Required("measure"),
        r.OneOf("subsidiaries_bound", Reach), r.OptionalDate("programme_until"), Fact.From(r));

    /// <summary>A programme tag not in the data: still US-OFAC, with its tag as the basis.</summary>
    public static UsProgramme Unknown(string tag) => new(
        tag, $"OFAC programme {tag} (instrument not in data/law/us-programmes.csv)", null, "us-" + tag,
        SubsidiaryReach.No, null, new Fact("us-programmes.csv", 0, "-", "-", true, "programme tag not in the law data"));
}
