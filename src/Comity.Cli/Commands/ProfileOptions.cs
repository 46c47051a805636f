using System.CommandLine;
using System.Globalization;
using Comity.Application.Corpus;
using Comity.Application.Screening;
using Comity.Law;

namespace Comity.Cli.Commands;

/// <summary>The screener-profile options (<c>--jurisdiction</c>, <c>--role</c>, <c>--us-nexus</c>, ...).</summary>
internal sealed class ProfileOptions
{
    public Option<string?> Jurisdiction { get; } = new("--jurisdiction") { Description = "Where the screener is established (ISO alpha-2 or country name); adds a legal decision to every hit." };

    public Option<string> Role { get; } = new("--role") { Description = "financial, business or authority.", DefaultValueFactory = _ => "financial" };

    public Option<bool> UsNexus { get; } = new("--us-nexus") { Description = "The dealings have a US nexus (e.g. USD clearing)." };

    public Option<bool> UsPerson { get; } = new("--us-person") { Description = "The screener is a US person (US entity, its foreign branch, US citizen or resident)." };

    public Option<bool> UsSubsidiary { get; } = new("--us-subsidiary") { Description = "The screener is a foreign subsidiary of a US entity (a US person under EO 14203 s.8(c))." };

    public Option<string?> AsOf { get; } = new("--as-of") { Description = "The date the law is applied on (yyyy-MM-dd; default: today)." };

    public Option<string[]> Assume { get; } = new("--assume") { Description = "Switch on a named hypothetical, e.g. eu-blocking:ICC-EO14203 (repeatable).", Arity = ArgumentArity.ZeroOrMore };

    public IEnumerable<Option> All => [Jurisdiction, Role, UsNexus, UsPerson, UsSubsidiary, AsOf, Assume];

    public static DateOnly ParseDate(string? text, string option) =>
        text is null ? ScreenerProfile.Today(TimeProvider.System)
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : throw new ArgumentException($"{option} {text}: expected a date yyyy-MM-dd");

    public static Role ParseRole(string text) => text.Trim().ToLowerInvariant() switch
    {
        "financial" or "bank" => Law.Role.Financial,
        "business" => Law.Role.Business,
        "authority" => Law.Role.Authority,
        _ => throw new ArgumentException($"--role {text}: expected financial, business or authority"),
    };

    /// <summary>The law context, or null when no jurisdiction was given (screening is then unchanged).</summary>
    public LawContext? Build(ParseResult r, bool required = false)
    {
        var jurisdiction = r.GetValue(Jurisdiction);
        if (jurisdiction is null)
        {
            return required ? throw new ArgumentException("--jurisdiction is required") : null;
        }

        var engine = LawEngine.LoadDefault(DefaultCorpus.DataDirectory());
        var assumptions = (r.GetValue(Assume) ?? []).ToHashSet(StringComparer.Ordinal);
        foreach (var a in assumptions)
        {
            if (!engine.KnownAssumptions.Contains(a, StringComparer.Ordinal))
            {
                throw new ArgumentException($"--assume {a}: unknown; known: {string.Join(", ", engine.KnownAssumptions)}");
            }
        }

        var profile = new ScreenerProfile(jurisdiction, ParseRole(r.GetValue(Role)!), ParseDate(r.GetValue(AsOf), "--as-of"),
            r.GetValue(UsPerson), r.GetValue(UsNexus), assumptions, r.GetValue(UsSubsidiary));
        return new LawContext(engine, profile);
    }
}
