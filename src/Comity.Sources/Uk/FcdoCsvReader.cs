using System.Collections.Immutable;
using System.Xml.Linq;
using Comity.Core.Model;
using Comity.Core.Text;
using Comity.Sources.Abstractions;
using Comity.Sources.Common;
using Comity.Sources.Spreadsheets;

namespace Comity.Sources.Uk;

/// <summary>Reads the FCDO UK Sanctions List CSV (line 1 <c>Report Date: …</c>, line 2 a 58-column header, one row
/// per name/address/…, grouped by Unique ID, multi-valued cells split on <c>|</c>; LIST-FORMATS §5.2). Each group
/// is rebuilt as a <c>Designation</c> element and mapped exactly as the XML.</summary>
internal sealed class FcdoCsvReader : IListReader
{
    private static readonly (string Column, string Element)[] Scalars =
    [
        ("Unique ID", "UniqueID"), ("OFSI Group ID", "OFSIGroupID"), ("UN Reference Number", "UNReferenceNumber"),
        ("Last Updated", "LastUpdated"), ("Date Designated", "DateDesignated"), ("Regime Name", "RegimeName"),
        ("Designation Type", "IndividualEntityShip"), ("Designation source", "DesignationSource"),
        ("Sanctions Imposed", "SanctionsImposed"), ("Other Information", "OtherInformation"),
        ("UK Statement of Reasons", "UKStatementofReasons"),
    ];

    private static readonly (string Column, string Element)[] Lists =
    [
        ("Title", "Title"), ("Phone number", "PhoneNumber"), ("Website", "Website"), ("Email address", "EmailAddress"),
        ("D.O.B", "DOB"), ("Nationality(/ies)", "Nationality"), ("Position", "Position"), ("Gender", "Gender"),
        ("Type of entity", "TypeOfEntity"), ("Subsidiaries", "Subsidiary"), ("Parent company", "ParentCompany"),
        ("Business registration number (s)", "BusinessRegistrationNumber"), ("IMO number", "IMONumber"),
        ("Current owner/operator (s)", "CurrentOwnerOperator"), ("Previous owner/operator (s)", "PreviousOwnerOperator"),
        ("Current believed flag of ship", "CurrentBelievedFlagOfShip"), ("Previous flags", "PreviousFlag"),
        ("Type of ship", "TypeOfShip"), ("Tonnage of ship", "TonnageOfShip"), ("Length of ship", "LengthOfShip"),
        ("Year Built", "YearBuilt"), ("Hull identification number (HIN)", "HullIdentificationNumber"),
    ];

    private static readonly (string Element, (string Column, string Element)[] Fields)[] Compounds =
    [
        ("Name", [("Name 1", "Name1"), ("Name 2", "Name2"), ("Name 3", "Name3"), ("Name 4", "Name4"), ("Name 5", "Name5"), ("Name 6", "Name6"), ("Name type", "NameType"), ("Alias strength", "AliasStrength")]),
        ("NonLatinName", [("Name non-latin script", "NameNonLatinScript"), ("Non-latin script type", "NonLatinScriptType"), ("Non-latin script language", "NonLatinScriptLanguage")]),
        ("Address", [("Address Line 1", "AddressLine1"), ("Address Line 2", "AddressLine2"), ("Address Line 3", "AddressLine3"), ("Address Line 4", "AddressLine4"), ("Address Line 5", "AddressLine5"), ("Address Line 6", "AddressLine6"), ("Address Postal Code", "AddressPostalCode"), ("Address Country", "AddressCountry")]),
        ("Passport", [("Passport number", "PassportNumber"), ("Passport additional information", "PassportAdditionalInformation")]),
        ("NationalIdentifier", [("National Identifier number", "NationalIdentifierNumber"), ("National Identifier additional information", "NationalIdentifierAdditionalInformation")]),
        ("Location", [("Town of birth", "TownOfBirth"), ("Country of birth", "CountryOfBirth")]),
    ];

    public string Format => "fcdo-csv";

    public bool CanRead(ListProbe probe)
    {
        if (probe.IsDirectory || probe.Files.Count != 1 || TabularFile.KindOf(probe.Files[0]) != TabularKind.Delimited)
        {
            return false;
        }

        var rows = TabularFile.HeadRows(probe.Files[0], 3);
        return rows.Any(r => new HeaderMap(r).HasAll("Unique ID", "Name 6", "Name type", "Regime Name", "Designation Type"));
    }

    public LoadResult Read(ListProbe probe, CancellationToken cancellationToken = default)
    {
        var path = probe.Files[0];
        var file = Path.GetFileName(path);
        var diagnostics = new List<Diagnostic>();
        HeaderMap? h = null;
        string? published = null;
        var groups = new Dictionary<string, (XElement Element, string Location)>(StringComparer.Ordinal);
        var order = new List<string>();
        var rows = 0;
        foreach (var row in TabularFile.ReadRows(path))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (h is null)
            {
                var first = TextValue.Clean(row[0].AsText());
                if (first is not null && first.StartsWith("Report Date:", StringComparison.OrdinalIgnoreCase))
                {
                    published = DateText.Single(first["Report Date:".Length..].Trim())?.ToString();
                    continue;
                }

                h = new HeaderMap(row);
                if (!h.HasAll("Unique ID", "Name 6", "Name type"))
                {
                    throw new ListFormatException(file, row.Location, "no FCDO header row (Unique ID, Name 6, Name type)");
                }

                continue;
            }

            rows++;
            if (h.FieldCountMismatch(row, file) is { } mismatch)
            {
                diagnostics.Add(mismatch);
                continue;
            }

            var id = h.Text(row, "Unique ID");
            if (id is null)
            {
                diagnostics.Add(new Diagnostic(file, row.Location, "bad-row", "no Unique ID; skipped", DiagnosticSeverity.Error));
                continue;
            }

            if (!groups.TryGetValue(id, out var group))
            {
                group = (new XElement("Designation"), row.Location);
                groups.Add(id, group);
                order.Add(id);
            }

            AddRow(group.Element, row, h);
        }

        if (h is null)
        {
            throw new ListFormatException(file, "line 1", "empty file: no FCDO header row");
        }

        var entities = ImmutableArray.CreateBuilder<Entity>();
        foreach (var id in order)
        {
            var (element, location) = groups[id];
            if (FcdoMapper.Map(element, file, $"Unique ID {id} ({location})", diagnostics) is { } entity)
            {
                entities.Add(entity);
            }
        }

        var provenance = new Provenance(
            FcdoMapper.Source,
            FcdoMapper.Authority,
            Format,
            published,
            [SourceFiles.Describe(path)],
            ImmutableDictionary<string, int>.Empty.Add("rows", rows).Add("designations", order.Count));
        return new LoadResult(provenance, entities.ToImmutable(), [.. diagnostics]);
    }

    private static void AddRow(XElement designation, SheetRow row, HeaderMap h)
    {
        foreach (var (column, element) in Scalars)
        {
            if (designation.Element(element) is null && h.Text(row, column) is { } value)
            {
                designation.Add(new XElement(element, value));
            }
        }

        foreach (var (column, element) in Lists)
        {
            foreach (var value in Split(h.Text(row, column)))
            {
                designation.Add(new XElement(element, value));
            }
        }

        foreach (var (element, fields) in Compounds)
        {
            var children = fields.Select(f => (f.Element, Value: h.Text(row, f.Column))).Where(f => f.Value is not null).ToList();
            if (children.Count > 0)
            {
                designation.Add(new XElement(element, children.Select(c => new XElement(c.Element, c.Value))));
            }
        }
    }

    private static string[] Split(string? value) =>
        value is null ? [] : value.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
