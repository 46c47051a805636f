using System.Collections.Immutable;
using Comity.Core.Model;

namespace Comity.Core.Matching;

/// <summary>Scores one entity for one query: best alias by name, then qualifiers after the name gate.</summary>
/// <remarks>
/// Composition: the name score (weak aliases × <see cref="MatcherOptions.WeakAliasFactor"/>) scaled into
/// [0.99, 0.999] by the rarity of what matched, so an exact rare name outranks an exact common one. Below
/// <see cref="MatcherOptions.QualifierGate"/> nothing else is looked at. Above it: penalties for birth dates
/// (day disjoint −0.25, day/month swapped half, same day with the year 1 or 10 off −0.1, years at
/// most two apart −0.3, clearly disjoint years −0.4: see <see cref="DateComparison"/>), country mismatch −0.2, gender mismatch −0.2,
/// a conflicting identifier of the same type −0.2, differing numbers in names ×0.8 (unless the IMO agrees);
/// small bonuses for an equal birth day (+0.02), compatible birth year (+0.005) or shared country (+0.005) only
/// when the name alone already reaches the threshold; and a matching strong identifier closes 90% of the distance
/// to 1. A decisive identifier (an exact, well-formed IMO, LEI, BIC or crypto address: <see cref="IdentifierFormats"/>)
/// is a match on its own: the score is at least <see cref="Weights.DecisiveIdentifier"/> whatever the name, so a
/// renamed vessel is still found by its IMO. Scores are clamped to [0, 1].
/// </remarks>
internal sealed class EntityScorer(MatcherOptions options)
{
    public (double Score, Explanation? Explanation) Score<TNames>(QueryContext ctx, Entity entity, TNames names, bool explain)
        where TNames : IEntityNames
    {
        var query = ctx.Query;
        if (!Schemata.Compatible(query.Schema, entity.Schema))
        {
            return (0, explain
                ? new Explanation(entity.Caption, ctx.Names.Length > 0 ? ctx.Names[0].Original : string.Empty,
                    [new FeatureContribution("schema_mismatch", 1, -1, 0, query.Schema.Name(), entity.Schema.Name(), "incompatible schemata")])
                : null);
        }

        var person = query.Schema == Schema.Person || entity.Schema == Schema.Person;
        var (best, bestScore, bestQuery, bestName) = BestName(ctx, names, person, default);

        var ids = query.Identifiers.Length > 0 ? IdentifierComparison.Compare(query.Identifiers, entity) : default;
        if (bestQuery is null || bestScore <= 0)
        {
            return ids.Decisive ? DecisiveOnly(ctx, entity, ids.Match!.Value, explain) : (0, explain
                ? new Explanation(entity.Caption, ctx.Names.Length > 0 ? ctx.Names[0].Original : string.Empty, [])
                : null);
        }

        var features = explain ? ImmutableArray.CreateBuilder<FeatureContribution>() : null;
        var weakAlias = names.Kind(bestName) == NameKind.WeakAlias;
        var nameWeight = weakAlias ? options.WeakAliasFactor : 1.0;
        var n = bestScore;
        var score = n * (Weights.NameCeiling - (Weights.RarityShare * (1 - best.Rarity)));
        if (features is not null)
        {
            var detail = NameAligner.Align(bestQuery, names.Tokens(bestName, ctx), person, ctx.Cache, detail: true).Detail;
            features.Add(new FeatureContribution(weakAlias ? "weak_alias_match" : "name_match", best.Score, nameWeight, score,
                bestQuery.Original, names.Full(bestName), detail));
        }

        if (n >= options.QualifierGate)
        {
            score = Qualify(ctx, entity, best, n, score, ids, features);
        }

        if (ids.Decisive && score < Weights.DecisiveIdentifier)
        {
            // An exact IMO, LEI, BIC or crypto address is a match whatever the name (vessels are renamed).
            var m = ids.Match!.Value;
            Add(features, "identifier_decisive", 1, Weights.DecisiveIdentifier, Weights.DecisiveIdentifier - score, m.Query, m.Candidate, m.Type);
            score = Weights.DecisiveIdentifier;
        }

        score = Math.Clamp(score, 0, 1);
        return (score, features is null ? null : new Explanation(names.Full(bestName), bestQuery.Original, features.ToImmutable()));
    }

    /// <summary>The best-scoring pair of a query name and a listed name (a weak alias counts at
    /// <see cref="MatcherOptions.WeakAliasFactor"/> and is skipped once a name scores that much). When
    /// <paramref name="features"/> is not empty it receives the best pair's <see cref="NameFeatures"/>.</summary>
    private (NameScore Best, double Score, AnalyzedName? Query, int Name) BestName<TNames>(QueryContext ctx, TNames names, bool person, Span<double> features)
        where TNames : IEntityNames
    {
        var best = NameScore.Zero;
        var bestScore = -1.0;
        AnalyzedName? bestQuery = null;
        var bestName = -1;
        Span<double> current = features.IsEmpty ? default : stackalloc double[NameFeatures.Count];
        foreach (var qn in ctx.Names)
        {
            for (var k = 0; k < names.Count; k++)
            {
                var weak = names.Kind(k) == NameKind.WeakAlias;
                if (weak && bestScore >= options.WeakAliasFactor)
                {
                    continue;
                }

                var tokens = names.Tokens(k, ctx);
                ctx.Work += (long)Math.Min(qn.Tokens.Length, NameAligner.MaxTokens) * Math.Min(tokens.Length, NameAligner.MaxTokens);
                current.Clear();
                var ns = NameAligner.Align(qn, tokens, person, ctx.Cache, detail: false, current);
                var s = ns.Score * (weak ? options.WeakAliasFactor : 1.0);
                if (s > bestScore)
                {
                    bestScore = s;
                    best = ns;
                    bestQuery = qn;
                    bestName = k;
                    if (!features.IsEmpty)
                    {
                        current.CopyTo(features);
                        features[NameFeatures.WeakAlias] = weak ? 1 : 0;
                    }
                }
            }
        }

        return (best, bestScore, bestQuery, bestName);
    }

    /// <summary>The quantities of <see cref="NameFeatures"/> for the entity's best-scoring name against the query, and
    /// the entity-level evidence: the input of the learned-combination experiment (evaluation only).</summary>
    public double[] Features<TNames>(QueryContext ctx, Entity entity, TNames names)
        where TNames : IEntityNames
    {
        var into = new double[NameFeatures.EntityCount];
        var (score, _) = Score(ctx, entity, names, explain: false);
        into[NameFeatures.EntityScore] = score;
        if (!Schemata.Compatible(ctx.Query.Schema, entity.Schema))
        {
            return into;
        }

        BestName(ctx, names, ctx.Query.Schema == Schema.Person || entity.Schema == Schema.Person, into);
        var (relation, _, _) = DateComparison.Compare(ctx.Query.BirthDates, entity.BirthDates);
        into[NameFeatures.DateEvidence] = relation switch
        {
            DateRelation.DayMatch => 1,
            DateRelation.Compatible => 0.5,
            DateRelation.YearSlip => -0.25,
            DateRelation.NearYear or DateRelation.Swapped => -0.5,
            DateRelation.DayDisjoint => -1,
            DateRelation.YearDisjoint => -1.5,
            _ => 0,
        };
        if (ctx.Countries.Count > 0)
        {
            var listed = entity.AllCountries.ToArray();
            if (listed.Length > 0)
            {
                into[NameFeatures.CountryMismatch] = listed.Any(ctx.Countries.Contains) ? -1 : 1;
            }
        }

        return into;
    }

    private static (double Score, Explanation? Explanation) DecisiveOnly(QueryContext ctx, Entity entity, IdentifierComparison.Evidence match, bool explain)
    {
        if (!explain)
        {
            return (Weights.DecisiveIdentifier, null);
        }

        FeatureContribution[] features =
        [
            new("name_match", 0, 1, 0, ctx.Names.Length > 0 ? ctx.Names[0].Original : null, entity.Caption, "no name part aligned"),
            new("identifier_decisive", 1, Weights.DecisiveIdentifier, Weights.DecisiveIdentifier, match.Query, match.Candidate, match.Type),
        ];
        return (Weights.DecisiveIdentifier, new Explanation(entity.Caption, ctx.Names.Length > 0 ? ctx.Names[0].Original : string.Empty, [.. features]));
    }

    private double Qualify(QueryContext ctx, Entity entity, NameScore name, double n, double score, IdentifierComparison.Result ids,
        ImmutableArray<FeatureContribution>.Builder? features)
    {
        var query = ctx.Query;
        var bonuses = n >= options.Threshold;

        if (name.NumberMismatch && !ids.VesselNumberAgrees)
        {
            var next = score * Weights.NumberMismatchFactor;
            Add(features, "number_mismatch", 1, Weights.NumberMismatchFactor - 1, next - score, null, null, "numbers in the names differ");
            score = next;
        }

        var (relation, qd, cd) = DateComparison.Compare(query.BirthDates, entity.BirthDates);
        switch (relation)
        {
            case DateRelation.DayMatch when bonuses:
                score += Weights.DobDayMatch;
                Add(features, "dob_match", 1, Weights.DobDayMatch, Weights.DobDayMatch, qd?.ToString(), cd?.ToString(), "same day");
                break;
            case DateRelation.Compatible when bonuses:
                score += Weights.DobYearMatch;
                Add(features, "dob_match", 0.5, Weights.DobYearMatch, Weights.DobYearMatch, qd?.ToString(), cd?.ToString(), "compatible dates");
                break;
            case DateRelation.YearSlip:
                score += Weights.DobYearSlip;
                Add(features, "dob_year_slip", 1, Weights.DobYearSlip, Weights.DobYearSlip, qd?.ToString(), cd?.ToString(), "same day and month, year slipped");
                break;
            case DateRelation.NearYear:
                score += Weights.DobYearNear;
                Add(features, "dob_year_near", 1, Weights.DobYearNear, Weights.DobYearNear, qd?.ToString(), cd?.ToString(),
                    "years at most " + DateComparison.NearYears.ToString(System.Globalization.CultureInfo.InvariantCulture) + " apart");
                break;
            case DateRelation.Swapped:
                score += Weights.DobDayDisjoint / 2;
                Add(features, "dob_day_disjoint", 0.5, Weights.DobDayDisjoint, Weights.DobDayDisjoint / 2, qd?.ToString(), cd?.ToString(), "day and month swapped");
                break;
            case DateRelation.DayDisjoint:
                score += Weights.DobDayDisjoint;
                Add(features, "dob_day_disjoint", 1, Weights.DobDayDisjoint, Weights.DobDayDisjoint, qd?.ToString(), cd?.ToString(), null);
                break;
            case DateRelation.YearDisjoint:
                score += Weights.DobYearDisjoint + Weights.DobDayDisjoint;
                Add(features, "dob_year_disjoint", 1, Weights.DobYearDisjoint, Weights.DobYearDisjoint, qd?.ToString(), cd?.ToString(), null);
                Add(features, "dob_day_disjoint", 1, Weights.DobDayDisjoint, Weights.DobDayDisjoint, qd?.ToString(), cd?.ToString(), null);
                break;
            default:
                break;
        }

        if (ctx.Countries.Count > 0)
        {
            var listed = entity.AllCountries.ToArray();
            if (listed.Length > 0)
            {
                var common = listed.FirstOrDefault(ctx.Countries.Contains);
                if (common is null)
                {
                    score += Weights.CountryMismatch;
                    Add(features, "country_mismatch", 1, Weights.CountryMismatch, Weights.CountryMismatch,
                        string.Join(", ", ctx.Countries.Order(StringComparer.Ordinal)), string.Join(", ", listed), null);
                }
                else if (bonuses)
                {
                    score += Weights.CountryMatch;
                    Add(features, "country_match", 1, Weights.CountryMatch, Weights.CountryMatch, common, common, null);
                }
            }
        }

        if (query.Gender is Gender.Male or Gender.Female && entity.Gender is Gender.Male or Gender.Female && query.Gender != entity.Gender)
        {
            score += Weights.GenderMismatch;
            Add(features, "gender_mismatch", 1, Weights.GenderMismatch, Weights.GenderMismatch, query.Gender.ToString(), entity.Gender.ToString(), null);
        }

        if (ids.Match is { } match)
        {
            var next = Math.Max(score, 0) + ((1 - Math.Max(score, 0)) * Weights.IdentifierLift);
            Add(features, ids.VesselNumberAgrees ? "vessel_imo_mmsi_match" : "identifier_match", 1, Weights.IdentifierLift, next - score,
                match.Query, match.Candidate, match.Type);
            score = next;
        }
        else if (ids.Conflict is { } conflict)
        {
            score += Weights.IdentifierConflict;
            Add(features, "identifier_conflict", 1, Weights.IdentifierConflict, Weights.IdentifierConflict, conflict.Query, conflict.Candidate, conflict.Type);
        }

        return score;
    }

    private static void Add(ImmutableArray<FeatureContribution>.Builder? features, string feature, double score, double weight, double contribution,
        string? query, string? candidate, string? detail) =>
        features?.Add(new FeatureContribution(feature, score, weight, contribution, query, candidate, detail));
}
