using System.Collections.Frozen;
using Comity.Core.Model;

namespace Comity.Sources.Ofac;

/// <summary>What an OFAC label (a Remarks item prefix in the CSV, an <c>idType</c> in the classic XML) carries.</summary>
internal enum OfacLabelKind
{
    /// <summary>An identifying number: <c>Label NUMBER (Country) issued … expires …</c>.</summary>
    Identifier,

    /// <summary>A value kept as an entity property.</summary>
    Property,

    /// <summary>A date kept as a property (ISO when it parses).</summary>
    DateProperty,

    /// <summary>A listing date (<c>Listing Date (EO 14024 Directive 2): 24 Feb 2022</c>).</summary>
    ListingDate,

    /// <summary><c>Gender Male</c>.</summary>
    Gender,

    /// <summary>A vessel IMO number (identifier and cross reference).</summary>
    Imo,

    /// <summary>A digital currency address; the currency code follows the label.</summary>
    Crypto,
}

/// <summary>One known label.</summary>
internal sealed record OfacLabel(string Text, OfacLabelKind Kind, IdentifierType Type = IdentifierType.Other, string? Property = null);

/// <summary>The labels OFAC uses for structured facts, shared by the CSV Remarks parser and the classic XML
/// <c>idType</c> classification (LIST-FORMATS §1.1 Remarks grammar, §1.2 idType values).</summary>
internal static class OfacLabels
{
    private static readonly OfacLabel[] All =
    [
        Id("Passport", IdentifierType.Passport),
        Id("Diplomatic Passport", IdentifierType.Passport),
        Id("National ID No.", IdentifierType.NationalId),
        Id("Identification Number", IdentifierType.NationalId),
        Id("Cedula No.", IdentifierType.NationalId),
        Id("D.N.I.", IdentifierType.NationalId),
        Id("C.U.R.P.", IdentifierType.NationalId),
        Id("C.U.I.", IdentifierType.NationalId),
        Id("Personal ID Card", IdentifierType.NationalId),
        Id("Kenyan ID No.", IdentifierType.NationalId),
        Id("Turkish Identification Number", IdentifierType.NationalId),
        Id("Numero de Identidad", IdentifierType.NationalId),
        Id("Citizen's Card Number", IdentifierType.NationalId),
        Id("SSN", IdentifierType.NationalId),
        Id("Credencial electoral", IdentifierType.NationalId),
        Id("I.F.E.", IdentifierType.NationalId),
        Id("Electoral Registry No.", IdentifierType.NationalId),
        Id("Residency Number", IdentifierType.NationalId),
        Id("Birth Certificate Number", IdentifierType.NationalId),
        Id("Public Security and Immigration No.", IdentifierType.NationalId),
        Id("Tax ID No.", IdentifierType.TaxId),
        Id("NIT #", IdentifierType.TaxId),
        Id("R.F.C.", IdentifierType.TaxId),
        Id("RFC", IdentifierType.TaxId),
        Id("RUC #", IdentifierType.TaxId),
        Id("RIF #", IdentifierType.TaxId),
        Id("C.U.I.T.", IdentifierType.TaxId),
        Id("V.A.T. Number", IdentifierType.TaxId),
        Id("Italian Fiscal Code", IdentifierType.TaxId),
        Id("US FEIN", IdentifierType.TaxId),
        Id("Registration Number", IdentifierType.Registration),
        Id("Registration ID", IdentifierType.Registration),
        Id("Company Number", IdentifierType.Registration),
        Id("UK Company Number", IdentifierType.Registration),
        Id("Business Registration Number", IdentifierType.Registration),
        Id("Business Registration Document #", IdentifierType.Registration),
        Id("Commercial Registry Number", IdentifierType.Registration),
        Id("Government Gazette Number", IdentifierType.Registration),
        Id("Unified Social Credit Code (USCC)", IdentifierType.Registration),
        Id("United Social Credit Code Certificate (USCCC)", IdentifierType.Registration),
        Id("Economic Register Number (CBLS)", IdentifierType.Registration),
        Id("Trade License No.", IdentifierType.Registration),
        Id("Chamber of Commerce Number", IdentifierType.Registration),
        Id("C.R. No.", IdentifierType.Registration),
        Id("Folio Mercantil No.", IdentifierType.Registration),
        Id("Matricula Mercantil No", IdentifierType.Registration),
        Id("Central Registration System Number", IdentifierType.Registration),
        Id("Enterprise Number", IdentifierType.Registration),
        Id("Certificate of Incorporation Number", IdentifierType.Registration),
        Id("Registered Charity No.", IdentifierType.Registration),
        Id("D-U-N-S Number", IdentifierType.Registration),
        Id("Istanbul Chamber of Comm. No.", IdentifierType.Registration),
        Id("Dubai Chamber of Commerce Membership No.", IdentifierType.Registration),
        Id("Branch Unit Number", IdentifierType.Registration),
        Id("Permit Number", IdentifierType.Registration),
        Id("License", IdentifierType.Registration),
        Id("Public Registration Number", IdentifierType.Registration),
        Id("Driver's License No.", IdentifierType.Other),
        Id("Legal Entity Number", IdentifierType.Lei),
        Id("SWIFT/BIC", IdentifierType.SwiftBic),
        Id("BIK (RU)", IdentifierType.Other),
        Id("ISIN", IdentifierType.Other),
        Id("MMSI", IdentifierType.Mmsi),
        Id("Aircraft Manufacturer's Serial Number (MSN)", IdentifierType.AircraftSerial),
        Id("Website", IdentifierType.Website),
        Id("Email Address", IdentifierType.Email),
        Id("Email", IdentifierType.Email),
        Id("Phone Number", IdentifierType.Phone),
        Id("Telephone No.", IdentifierType.Phone),
        Id("Telephone", IdentifierType.Phone),
        Id("Fax", IdentifierType.Phone),
        new("Vessel Registration Identification", OfacLabelKind.Imo, IdentifierType.Imo),
        new("Digital Currency Address -", OfacLabelKind.Crypto, IdentifierType.CryptoAddress),
        new("Gender", OfacLabelKind.Gender),
        new("Listing Date", OfacLabelKind.ListingDate),
        Date("Organization Established Date", "incorporationDate"),
        Date("Aircraft Manufacture Date", "buildDate"),
        Prop("Aircraft Model", "model"),
        Prop("Aircraft Manufacturer", "manufacturer"),
        Prop("Aircraft Operator", "operator"),
        Prop("Aircraft Construction Number (also called L/N or S/N or F/N)", "aircraftConstructionNumber"),
        Prop("Aircraft Tail Number", "registrationNumber"),
        Prop("Previous Aircraft Tail Number", "previousRegistrationNumber"),
        Prop("Aircraft Mode S Transponder Code", "modeSCode"),
        Prop("Other Vessel Flag", "pastFlags"),
        Prop("Former Vessel Flag", "pastFlags"),
        Prop("Nationality of Registration", "nationalityOfRegistration"),
        Prop("Linked To:", "linkedTo"),
        Prop("Organization Type:", "organizationType"),
        Prop("Target Type", "targetType"),
        Prop("Secondary sanctions risk:", "secondarySanctionsRisk"),
        Prop("Additional Sanctions Information -", "additionalSanctionsInformation"),
        Prop("Transactions Prohibited For Persons Owned or Controlled By U.S. Financial Institutions:", "transactionsProhibited"),
        Prop("Executive Order 13662 Directive Determination -", "eo13662Directive"),
        Prop("Executive Order 13846 information:", "eo13846Information"),
        Prop("CAATSA Section 235 Information:", "caatsa235Information"),
        Prop("Effective Date", "effectiveDate"),
        Prop("Equity Ticker", "equityTicker"),
        Prop("Issuer Name", "issuerName"),
        Prop("Purchase/Sales For Divestment Date", "divestmentDate"),
        Prop("Executive Order 14024 Directive Information", "eo14024Directive"),
        Prop("Executive Order 14014 Directive Information", "eo14014Directive"),
        Prop("Executive Order 14059 information:", "eo14059Information"),
        Prop("For more information on directives, please visit the following link:", "directivesLink"),
    ];

    /// <summary>Labels grouped by their first word (case-insensitive), longest label first within a group.</summary>
    private static readonly FrozenDictionary<string, OfacLabel[]> ByFirstWord = All
        .GroupBy(l => FirstWord(l.Text), StringComparer.OrdinalIgnoreCase)
        .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(l => l.Text.Length).ToArray(), StringComparer.OrdinalIgnoreCase);

    /// <summary>Finds the longest known label that starts <paramref name="item"/> and is followed by a space, a colon or
    /// the end. Returns the rest of the item (trimmed) in <paramref name="rest"/>. Matching is ordinal and
    /// case-insensitive (OFAC writes <c>Email Address</c> and <c>EMAIL ADDRESS</c>).</summary>
    public static OfacLabel? Match(string item, out string rest)
    {
        rest = item;
        if (!ByFirstWord.TryGetValue(FirstWord(item), out var candidates))
        {
            return null;
        }

        foreach (var label in candidates)
        {
            if (item.StartsWith(label.Text, StringComparison.OrdinalIgnoreCase)
                && (item.Length == label.Text.Length || item[label.Text.Length] is ' ' or ':' || label.Text[^1] is ':' or '-' or ')'))
            {
                rest = item[label.Text.Length..].TrimStart(' ', ':', '-').Trim();
                return label;
            }
        }

        return null;
    }

    private static string FirstWord(string text)
    {
        var end = text.AsSpan().IndexOfAny(' ', ':');
        return end < 0 ? text : text[..end];
    }

    private static OfacLabel Id(string text, IdentifierType type) => new(text, OfacLabelKind.Identifier, type);

    private static OfacLabel Prop(string text, string property) => new(text, OfacLabelKind.Property, Property: property);

    private static OfacLabel Date(string text, string property) => new(text, OfacLabelKind.DateProperty, Property: property);
}
