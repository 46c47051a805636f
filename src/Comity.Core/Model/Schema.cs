namespace Comity.Core.Model;

/// <summary>FollowTheMoney schema names of the things Comity screens.</summary>
public enum Schema
{
    LegalEntity,
    Person,
    Organization,
    Company,
    Vessel,
    Airplane,
}

/// <summary>FtM names and compatibility rules for <see cref="Schema"/>.</summary>
public static class Schemata
{
    /// <summary>The FollowTheMoney name, e.g. <c>Person</c>.</summary>
    public static string Name(this Schema schema) => schema switch
    {
        Schema.Person => "Person",
        Schema.Organization => "Organization",
        Schema.Company => "Company",
        Schema.Vessel => "Vessel",
        Schema.Airplane => "Airplane",
        _ => "LegalEntity",
    };

    /// <summary>Parses an FtM schema name (case-insensitive); also accepts common list words such as
    /// <c>individual</c>, <c>entity</c>, <c>vessel</c>, <c>aircraft</c>.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out Schema schema)
    {
        var t = text.Trim();
        schema = Schema.LegalEntity;
        if (t.Equals("person", StringComparison.OrdinalIgnoreCase) || t.Equals("individual", StringComparison.OrdinalIgnoreCase))
        {
            schema = Schema.Person;
        }
        else if (t.Equals("organization", StringComparison.OrdinalIgnoreCase) || t.Equals("organisation", StringComparison.OrdinalIgnoreCase)
            || t.Equals("entity", StringComparison.OrdinalIgnoreCase) || t.Equals("publicbody", StringComparison.OrdinalIgnoreCase))
        {
            schema = Schema.Organization;
        }
        else if (t.Equals("company", StringComparison.OrdinalIgnoreCase) || t.Equals("business", StringComparison.OrdinalIgnoreCase))
        {
            schema = Schema.Company;
        }
        else if (t.Equals("vessel", StringComparison.OrdinalIgnoreCase) || t.Equals("ship", StringComparison.OrdinalIgnoreCase))
        {
            schema = Schema.Vessel;
        }
        else if (t.Equals("airplane", StringComparison.OrdinalIgnoreCase) || t.Equals("aircraft", StringComparison.OrdinalIgnoreCase))
        {
            schema = Schema.Airplane;
        }
        else if (t.Equals("legalentity", StringComparison.OrdinalIgnoreCase) || t.Equals("thing", StringComparison.OrdinalIgnoreCase))
        {
            schema = Schema.LegalEntity;
        }
        else
        {
            return false;
        }

        return true;
    }

    /// <summary>True when a query of schema <paramref name="query"/> may match a listed entity of schema
    /// <paramref name="candidate"/> (FtM matchable sets: a vessel is never a person).</summary>
    public static bool Compatible(Schema query, Schema candidate)
    {
        if (query == candidate || query == Schema.LegalEntity)
        {
            return candidate is not (Schema.Vessel or Schema.Airplane) || query == candidate;
        }

        return query switch
        {
            Schema.Person => candidate == Schema.LegalEntity,
            Schema.Organization or Schema.Company => candidate is Schema.Organization or Schema.Company or Schema.LegalEntity,
            _ => false,
        };
    }

    /// <summary>Organisation-like schemata (company, organisation, unspecified legal entity).</summary>
    public static bool IsOrganization(this Schema schema) => schema is Schema.Organization or Schema.Company;
}
