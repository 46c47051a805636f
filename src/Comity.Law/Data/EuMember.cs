namespace Comity.Law.Data;

/// <summary>A state that is or was an EU (EEC) member, with the span during which Union law applied to it.</summary>
internal sealed record EuMember(string Iso2, string Name, DateOnly MemberFrom, DateOnly? MemberUntil, DateOnly? EuLawUntil, Fact Fact)
{
    public static readonly string[] Columns = ["iso2", "name", "member_from", "member_until", "eu_law_until", "version", "verification", "sources"];

    /// <summary>Union law (restrictive measures, the Blocking Statute) applies in and to the state on this date.</summary>
    public bool EuLawApplies(DateOnly d)
    {
        if (d < MemberFrom)
        {
            return false;
        }

        var end = EuLawUntil ?? MemberUntil;
        return end is null || d <= end.Value;
    }

    public static EuMember Parse(CsvRecord r) => new(
        r.Required("iso2").ToUpperInvariant(), r.Required("name"), r.Date("member_from"), r.OptionalDate("member_until"),
        r.OptionalDate("eu_law_until"), Fact.From(r));
}
