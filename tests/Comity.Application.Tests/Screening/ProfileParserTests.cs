using Comity.Application.Screening;
using Comity.Law;

namespace Comity.Application.Tests.Screening;

public class ProfileParserTests
{
    private static readonly string[] Known = ["eu-blocking:ICC-EO14203"];

    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2026, 10, 1, 12, 0, 0, TimeSpan.Zero));

    private static ProfileParseResult Parse(ProfileInput input, bool required = false) => ProfileParser.Parse(input, Known, Clock, required);

    [Theory]
    [InlineData("DE", "DE")]
    [InlineData("de", "DE")]
    [InlineData("DEU", "DE")]
    [InlineData("Germany", "DE")]
    [InlineData("Deutschland", "DE")]
    [InlineData("Allemagne", "DE")]
    public void A_jurisdiction_is_a_code_or_a_country_name(string text, string iso2)
    {
        var r = Parse(new ProfileInput(text));
        Assert.True(r.IsValid);
        Assert.Equal(iso2, r.Profile!.Jurisdiction);
        Assert.Equal(Role.Financial, r.Profile.Role);
        Assert.Equal(new DateOnly(2026, 10, 1), r.Profile.AsOf);
    }

    [Theory]
    [InlineData("bank", Role.Financial)]
    [InlineData("Financial", Role.Financial)]
    [InlineData(" business ", Role.Business)]
    [InlineData("AUTHORITY", Role.Authority)]
    public void Role_names(string text, Role role) =>
        Assert.Equal(role, Parse(new ProfileInput("FR", text)).Profile!.Role);

    [Theory]
    [InlineData("XX", null, null, null, "jurisdiction")]
    [InlineData("DE", "banker", null, null, "role")]
    [InlineData("DE", null, "2026-13-01", null, "as_of")]
    [InlineData("DE", null, "01/10/2026", null, "as_of")]
    [InlineData("DE", null, null, "no-such", "assume")]
    [InlineData(null, "bank", null, null, "role")]
    [InlineData(null, null, "2026-01-01", null, "as_of")]
    [InlineData(null, null, null, "eu-blocking:ICC-EO14203", "assume")]
    public void Every_error_names_its_field(string? jurisdiction, string? role, string? asOf, string? assume, string field)
    {
        var r = Parse(new ProfileInput(jurisdiction, role, asOf, Assumptions: assume is null ? [] : [assume]));
        Assert.False(r.IsValid);
        Assert.Null(r.Profile);
        Assert.Equal(field, r.Errors[0].Field);
    }

    [Fact]
    public void No_jurisdiction_and_no_other_option_is_no_profile_unless_required()
    {
        var none = Parse(new ProfileInput(null));
        Assert.True(none.IsValid);
        Assert.Null(none.Profile);
        var required = Parse(new ProfileInput(null), required: true);
        Assert.Equal("jurisdiction", Assert.Single(required.Errors).Field);
    }

    [Fact]
    public void Known_assumptions_and_flags_are_kept()
    {
        var p = Parse(new ProfileInput("IT", "business", "2025-01-02", UsPerson: true, UsNexus: true, UsSubsidiary: true, Assumptions: Known)).Profile!;
        Assert.Equal(new DateOnly(2025, 1, 2), p.AsOf);
        Assert.True(p.UsPerson && p.UsNexus && p.UsSubsidiary);
        Assert.True(p.Assumes("eu-blocking:ICC-EO14203"));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
