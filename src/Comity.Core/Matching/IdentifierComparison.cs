using Comity.Core.Model;

namespace Comity.Core.Matching;

/// <summary>Compares identifiers: the same type (or a generic one) and normalised value is a match; the same strong
/// type with a different value (and no differing issuing country) is a conflict. Only strong identifiers (documents,
/// registrations, vessel and aircraft numbers; five characters or more) count, so a short or generic number never
/// decides anything.</summary>
internal static class IdentifierComparison
{
    internal readonly record struct Evidence(string Query, string Candidate, IdentifierType Kind, bool Decisive = false)
    {
        public string Type => Kind.ToString();
    }

    /// <param name="Match">The first agreeing identifier (a decisive one preferred).</param>
    /// <param name="Conflict">A strong identifier of the same type with another value, when nothing agrees.</param>
    /// <param name="VesselNumberAgrees">An IMO or MMSI number agrees.</param>
    internal readonly record struct Result(Evidence? Match, Evidence? Conflict, bool VesselNumberAgrees)
    {
        /// <summary>A globally unique identifier (IMO, LEI, BIC, crypto address; see <see cref="IdentifierFormats"/>)
        /// agrees: a match on its own, whatever the name.</summary>
        public bool Decisive => Match is { Decisive: true };
    }

    public static Result Compare(IReadOnlyList<Identifier> query, Entity entity)
    {
        if (query.Count == 0)
        {
            return default;
        }

        var listed = Listed(entity);
        Evidence? match = null;
        Evidence? conflict = null;
        var vessel = false;
        foreach (var q in query)
        {
            if (!q.IsStrong)
            {
                continue;
            }

            foreach (var c in listed)
            {
                if (!c.IsStrong)
                {
                    continue;
                }

                var sameType = q.Type == c.Type;
                var comparable = sameType || q.Type == IdentifierType.Other || c.Type == IdentifierType.Other;
                if (comparable && string.Equals(q.Normalized, c.Normalized, StringComparison.Ordinal))
                {
                    var type = sameType ? q.Type : (q.Type == IdentifierType.Other ? c.Type : q.Type);
                    var decisive = IdentifierFormats.IsDecisive(type, c.Normalized);
                    if (match is null || (decisive && !match.Value.Decisive))
                    {
                        match = new Evidence(q.Value, c.Value, type, decisive);
                    }

                    vessel |= type is IdentifierType.Imo or IdentifierType.Mmsi;
                }
                else if (sameType && q.Type != IdentifierType.Other
                    && (q.Country is null || c.Country is null || string.Equals(q.Country, c.Country, StringComparison.Ordinal)))
                {
                    conflict ??= new Evidence(q.Value, c.Value, q.Type);
                }
            }
        }

        return new Result(match, match is null ? conflict : null, vessel);
    }

    /// <summary>The entity's identifiers with its IMO and MMSI cross references.</summary>
    internal static List<Identifier> Listed(Entity entity)
    {
        var list = new List<Identifier>(entity.Identifiers.Length + 2);
        list.AddRange(entity.Identifiers);
        foreach (var x in entity.CrossReferences)
        {
            if (string.Equals(x.Scheme, "IMO", StringComparison.OrdinalIgnoreCase))
            {
                list.Add(new Identifier(IdentifierType.Imo, x.Value));
            }
            else if (string.Equals(x.Scheme, "MMSI", StringComparison.OrdinalIgnoreCase))
            {
                list.Add(new Identifier(IdentifierType.Mmsi, x.Value));
            }
        }

        return list;
    }
}
