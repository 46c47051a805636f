namespace Comity.Law;

/// <summary>What the screener is: a financial institution, another business, or a public authority.</summary>
public enum Role
{
    Financial,
    Business,
    Authority,
}
