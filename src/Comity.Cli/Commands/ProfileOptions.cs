using System.CommandLine;
using Comity.Application.Corpus;
using Comity.Application.Screening;
using Comity.Law;

namespace Comity.Cli.Commands;

/// <summary>The screener-profile options (<c>--jurisdiction</c>, <c>--role</c>, <c>--us-nexus</c>, ...), parsed by
/// <see cref="ProfileParser"/> before anything else is loaded.</summary>
internal sealed class ProfileOptions
{
    public Option<string?> Jurisdiction { get; } = new("--jurisdiction") { Description = "Where the screener is established (ISO alpha-2 or country name); adds a legal decision to every hit." };

    public Option<string?> Role { get; } = new("--role") { Description = "financial (or bank), business or authority (default financial; needs --jurisdiction)." };

    public Option<bool> UsNexus { get; } = new("--us-nexus") { Description = "The dealings have a US nexus (e.g. USD clearing)." };

    public Option<bool> UsPerson { get; } = new("--us-person") { Description = "The screener is a US person (US entity, its foreign branch, US citizen or resident)." };

    public Option<bool> UsSubsidiary { get; } = new("--us-subsidiary") { Description = "The screener is a foreign subsidiary of a US entity (a US person under EO 14203 s.8(c))." };

    public Option<string?> AsOf { get; } = new("--as-of") { Description = "The date the law is applied on (yyyy-MM-dd; default: today)." };

    public Option<string[]> Assume { get; } = new("--assume") { Description = "Switch on a named hypothetical, e.g. eu-blocking:ICC-EO14203 (repeatable).", Arity = ArgumentArity.ZeroOrMore };

    public IEnumerable<Option> All => [Jurisdiction, Role, UsNexus, UsPerson, UsSubsidiary, AsOf, Assume];

    /// <summary>A date option (yyyy-MM-dd), or today from the context's clock when absent.</summary>
    public static DateOnly ParseDate(string? text, string option, TimeProvider time) =>
        text is null ? ScreenerProfile.Today(time)
        : ProfileParser.TryParseDate(text, out var d) ? d
        : throw new UsageException($"{option} {text}: expected a date yyyy-MM-dd");

    /// <summary>The law context, or null when no profile option was given (screening is then unchanged). Every
    /// problem is a <see cref="UsageException"/> naming the option; only the law data (small) is loaded.</summary>
    public LawContext? Build(ParseResult r, CliContext context, bool required = false)
    {
        var input = new ProfileInput(r.GetValue(Jurisdiction), r.GetValue(Role), r.GetValue(AsOf), r.GetValue(UsPerson),
            r.GetValue(UsNexus), r.GetValue(UsSubsidiary), r.GetValue(Assume) ?? []);
        if (input.Jurisdiction is null && !input.HasProfileOptions && !required)
        {
            return null;
        }

        // Everything but the assumptions can be checked without the law data.
        var first = ProfileParser.Parse(input with { Assumptions = [] }, [], context.Time, required);
        Throw(first);
        var engine = LawEngine.LoadDefault(DefaultCorpus.DataDirectory());
        var parsed = ProfileParser.Parse(input, engine.KnownAssumptions, context.Time, required);
        Throw(parsed);
        return new LawContext(engine, parsed.Profile!);
    }

    private static void Throw(ProfileParseResult parsed)
    {
        if (!parsed.IsValid)
        {
            var e = parsed.Errors[0];
            var option = "--" + e.Field.Replace('_', '-');
            throw new UsageException(e.Value is null ? $"{option}: {e.Message}" : $"{option} {e.Value}: {e.Message}");
        }
    }
}
