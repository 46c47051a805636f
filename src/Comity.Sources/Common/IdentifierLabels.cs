using Comity.Core.Model;

namespace Comity.Sources.Common;

/// <summary>Maps the document and feature labels of US lists (OFAC <c>ID DOCUMENT TYPE</c> values, CSL <c>ids</c>
/// types, advanced-XML IDRegDocType and feature labels) to <see cref="IdentifierType"/>.</summary>
internal static class IdentifierLabels
{
    /// <summary>The identifier type of a label, or null when the label is not an identifier (sanctions information,
    /// dates, gender, target type...).</summary>
    public static IdentifierType? FromLabel(string label)
    {
        var l = label.Trim().TrimEnd(':', '-', ' ').ToUpperInvariant();
        if (l.Length == 0)
        {
            return null;
        }

        if (l.Contains("PASSPORT", StringComparison.Ordinal))
        {
            return IdentifierType.Passport;
        }

        if (l.StartsWith("DIGITAL CURRENCY ADDRESS", StringComparison.Ordinal))
        {
            return IdentifierType.CryptoAddress;
        }

        if (l is "VESSEL REGISTRATION IDENTIFICATION" or "IMO" or "IMO NUMBER")
        {
            return IdentifierType.Imo;
        }

        if (l.Contains("SERIAL NUMBER", StringComparison.Ordinal) || l.Contains("(MSN)", StringComparison.Ordinal)
            || l.StartsWith("AIRCRAFT CONSTRUCTION NUMBER", StringComparison.Ordinal))
        {
            return IdentifierType.AircraftSerial;
        }

        return l switch
        {
            "MMSI" => IdentifierType.Mmsi,
            "VESSEL CALL SIGN" or "CALL SIGN" => IdentifierType.CallSign,
            "SWIFT/BIC" or "SWIFT" or "BIC" => IdentifierType.SwiftBic,
            "LEGAL ENTITY NUMBER" or "LEI" => IdentifierType.Lei,
            "EMAIL ADDRESS" or "EMAIL" => IdentifierType.Email,
            "WEBSITE" => IdentifierType.Website,
            "PHONE NUMBER" or "PHONE" => IdentifierType.Phone,
            "TAX ID NO." or "TAX ID" or "R.F.C." or "NIT #" or "RUC #" or "V.A.T. NUMBER" or "VAT NUMBER" or "TIN" or "INN"
                or "CUIT" or "RFC" => IdentifierType.TaxId,
            "NATIONAL ID NO." or "CEDULA NO." or "D.N.I." or "C.U.R.P." or "IDENTIFICATION NUMBER" or "NATIONAL ID"
                or "PERSONAL ID CARD" or "NATIONAL FOREIGN ID NUMBER" or "CITIZEN'S CARD NUMBER" or "ID CARD"
                or "SSN" or "C.U.I.P." or "ELECTORAL REGISTRY NO." or "CREDENCIAL ELECTORAL" => IdentifierType.NationalId,
            "REGISTRATION NUMBER" or "REGISTRATION ID" or "COMPANY NUMBER" or "COMMERCIAL REGISTRY NUMBER"
                or "BUSINESS REGISTRATION NUMBER" or "FOLIO MERCANTIL NO." or "MATRICULA MERCANTIL NO" or "C.R. NO."
                or "TRADE LICENSE NO." or "GOVERNMENT GAZETTE NUMBER" or "UNIFIED SOCIAL CREDIT CODE (USCC)"
                or "BUSINESS REGISTRATION DOCUMENT #" or "CERTIFICATE OF INCORPORATION NUMBER" or "AIRCRAFT TAIL NUMBER"
                or "D-U-N-S NUMBER" or "BIK (RU)" or "ISIN" or "CHAMBER OF COMMERCE NUMBER" or "PUBLIC REGISTRATION NUMBER"
                or "REGISTERED CHARITY NO." or "LICENSE" or "OGRN" => IdentifierType.Registration,
            _ => l.EndsWith(" NO.", StringComparison.Ordinal) || l.EndsWith(" NUMBER", StringComparison.Ordinal)
                || l.EndsWith(" #", StringComparison.Ordinal) || l.EndsWith(" ID", StringComparison.Ordinal)
                ? IdentifierType.Other
                : null,
        };
    }
}
