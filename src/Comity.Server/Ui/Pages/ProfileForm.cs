using Comity.Application.Screening;
using Comity.Law;

namespace Comity.Server.Ui.Pages;

/// <summary>The screener-profile fields of a form (jurisdiction, role, as-of date), parsed by the one
/// <see cref="ProfileParser"/> every front end uses.</summary>
internal sealed record ProfileForm(string? Jurisdiction, string? Role, string? AsOf)
{
    public ProfileParseResult Parse(LawEngine law, TimeProvider time) => ProfileParser.Parse(
        new ProfileInput(Blank(Jurisdiction), Blank(Jurisdiction) is null ? null : Blank(Role), Blank(Jurisdiction) is null ? null : Blank(AsOf)),
        law.KnownAssumptions, time);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
