using System.Collections.Immutable;
using System.Xml.Linq;
using Comity.Core.Model;
using Comity.Core.Text;
using Comity.Sources.Abstractions;
using Comity.Sources.Common;
using Comity.Sources.Spreadsheets;

namespace Comity.Sources.Eu;

/// <summary>Reads the EU Financial Sanctions Files CSV 1.1 (semicolon-separated, UTF-8 with BOM, one row per
/// sub-object, entity columns repeated; LIST-FORMATS §4.2). Rows are grouped by <c>Entity_LogicalId</c>,
/// sub-objects de-duplicated by their <c>*_LogicalId</c>, and each group rebuilt as a <c>sanctionEntity</c> element
/// that is mapped exactly as the XML 1.1 is.</summary>
internal sealed class EuFsfCsvReader : IListReader
{
    private const char Delimiter = ';';

    private static readonly (string Column, string Attribute)[] NameColumns =
    [
        ("NameAlias_FirstName", "firstName"), ("NameAlias_MiddleName", "middleName"), ("NameAlias_LastName", "lastName"),
        ("NameAlias_WholeName", "wholeName"), ("NameAlias_Function", "function"), ("NameAlias_Gender", "gender"),
        ("NameAlias_Title", "title"), ("NameAlias_NameLanguage", "nameLanguage"), ("NameAlias_LogicalId", "logicalId"),
    ];

    private static readonly (string Column, string Attribute)[] AddressColumns =
    [
        ("Address_City", "city"), ("Address_Street", "street"), ("Address_PoBox", "poBox"), ("Address_ZipCode", "zipCode"),
        ("Address_Region", "region"), ("Address_Place", "place"), ("Address_AsAtListingTime", "asAtListingTime"),
        ("Address_CountryIso2Code", "countryIso2Code"), ("Address_CountryDescription", "countryDescription"),
        ("Address_LogicalId", "logicalId"),
    ];

    private static readonly (string Column, string Attribute)[] BirthColumns =
    [
        ("BirthDate_BirthDate", "birthdate"), ("BirthDate_Day", "dayOfMonth"), ("BirthDate_Month", "monthOfYear"),
        ("BirthDate_Year", "year"), ("BirthDate_YearRangeFrom", "yearRangeFrom"), ("BirthDate_YearRangeTo", "yearRangeTo"),
        ("BirthDate_Circa", "circa"), ("BirthDate_CalendarType", "calendarType"), ("BirthDate_ZipCode", "zipCode"),
        ("BirthDate_Region", "region"), ("BirthDate_Place", "place"), ("BirthDate_City", "city"),
        ("BirthDate_CountryIso2Code", "countryIso2Code"), ("BirthDate_CountryDescription", "countryDescription"),
        ("BirthDate_LogicalId", "logicalId"),
    ];

    private static readonly (string Column, string Attribute)[] IdentificationColumns =
    [
        ("Identification_Number", "number"), ("Identification_Diplomatic", "diplomatic"),
        ("Identification_KnownExpired", "knownExpired"), ("Identification_KnownFalse", "knownFalse"),
        ("Identification_ReportedLost", "reportedLost"), ("Identification_RevokedByIssuer", "revokedByIssuer"),
        ("Identification_IssuedBy", "issuedBy"), ("Identification_IssuedDate", "issueDate"),
        ("Identification_ValidFrom", "validFrom"), ("Identification_ValidTo", "validTo"),
        ("Identification_LatinNumber", "latinNumber"), ("Identification_NameOnDocument", "nameOnDocument"),
        ("Identification_TypeCode", "identificationTypeCode"), ("Identification_TypeDescription", "identificationTypeDescription"),
        ("Identification_Region", "region"), ("Identification_CountryIso2Code", "countryIso2Code"),
        ("Identification_CountryDescription", "countryDescription"), ("Identification_LogicalId", "logicalId"),
    ];

    private static readonly (string Column, string Attribute)[] CitizenshipColumns =
    [
        ("Citizenship_Region", "region"), ("Citizenship_CountryIso2Code", "countryIso2Code"),
        ("Citizenship_CountryDescription", "countryDescription"), ("Citizenship_LogicalId", "logicalId"),
    ];

    private static readonly HashSet<string> DateAttributes = new(StringComparer.Ordinal)
    {
        "designationDate", "birthdate", "issueDate", "validFrom", "validTo",
    };

    public string Format => "eu-fsf-csv";

    public bool CanRead(ListProbe probe)
    {
        if (probe.IsDirectory || probe.Files.Count != 1 || TabularFile.KindOf(probe.Files[0]) != TabularKind.Delimited)
        {
            return false;
        }

        var rows = TabularFile.HeadRows(probe.Files[0], 1, Delimiter);
        return rows.Count == 1 && new HeaderMap(rows[0]).HasAll("Entity_LogicalId", "NameAlias_WholeName");
    }

    public LoadResult Read(ListProbe probe, CancellationToken cancellationToken = default)
    {
        var path = probe.Files[0];
        var file = Path.GetFileName(path);
        var diagnostics = new List<Diagnostic>();
        var groups = new Dictionary<string, Group>(StringComparer.Ordinal);
        var order = new List<Group>();
        HeaderMap? h = null;
        string? published = null;
        var rows = 0;
        foreach (var row in TabularFile.ReadRows(path, Delimiter))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (h is null)
            {
                h = new HeaderMap(row);
                if (!h.HasAll("Entity_LogicalId", "NameAlias_WholeName"))
                {
                    throw new ListFormatException(file, row.Location, "no EU FSF CSV header (Entity_LogicalId, NameAlias_WholeName)");
                }

                continue;
            }

            rows++;
            if (h.FieldCountMismatch(row, file) is { } mismatch)
            {
                diagnostics.Add(mismatch);
                continue;
            }

            var id = h.Text(row, "Entity_LogicalId");
            if (id is null || !id.All(char.IsAsciiDigit))
            {
                diagnostics.Add(new Diagnostic(file, row.Location, "bad-row", $"Entity_LogicalId '{id}' is not a number; skipped", DiagnosticSeverity.Error));
                continue;
            }

            published ??= DateText.Single(h.Text(row, "fileGenerationDate") ?? string.Empty)?.ToString();
            if (!groups.TryGetValue(id, out var group))
            {
                group = new Group(EntityElement(row, h), row.Location);
                groups.Add(id, group);
                order.Add(group);
            }

            group.Add(row, h);
        }

        if (h is null)
        {
            throw new ListFormatException(file, "line 1", "empty file: no EU FSF CSV header");
        }

        var entities = ImmutableArray.CreateBuilder<Entity>();
        foreach (var g in order)
        {
            var location = $"Entity_LogicalId {(string?)g.Element.Attribute("logicalId")} ({g.Location})";
            if (FsfEntityMapper.Map(g.Element, file, location, diagnostics) is { } entity)
            {
                entities.Add(entity);
            }
        }

        var provenance = new Provenance(
            FsfEntityMapper.Source,
            FsfEntityMapper.Authority,
            Format,
            published,
            [SourceFiles.Describe(path)],
            ImmutableDictionary<string, int>.Empty.Add("rows", rows).Add("sanctionEntity", order.Count));
        return new LoadResult(provenance, entities.ToImmutable(), [.. diagnostics]);
    }

    private static XElement EntityElement(SheetRow row, HeaderMap h)
    {
        var e = new XElement("sanctionEntity");
        Set(e, "logicalId", h.Text(row, "Entity_LogicalId"));
        Set(e, "euReferenceNumber", h.Text(row, "Entity_EU_ReferenceNumber"));
        Set(e, "unitedNationId", h.Text(row, "Entity_UnitedNationId"));
        Set(e, "designationDate", h.Text(row, "Entity_DesignationDate"));
        Set(e, "designationDetails", h.Text(row, "Entity_DesignationDetails"));
        AddRemark(e, Raw(row, h, "Entity_Remark"));

        var regulation = new XElement("regulation");
        Set(regulation, "regulationType", h.Text(row, "Entity_Regulation_Type"));
        Set(regulation, "organisationType", h.Text(row, "Entity_Regulation_OrganisationType"));
        Set(regulation, "publicationDate", h.Text(row, "Entity_Regulation_PublicationDate"));
        Set(regulation, "entryIntoForceDate", h.Text(row, "Entity_Regulation_EntryIntoForceDate"));
        Set(regulation, "numberTitle", h.Text(row, "Entity_Regulation_NumberTitle"));
        Set(regulation, "programme", h.Text(row, "Entity_Regulation_Programme"));
        e.Add(regulation);

        // The real CSV swaps the two subject-type columns relative to the XML; accept either order.
        var a = h.Text(row, "Entity_SubjectType");
        var b = h.Text(row, "Entity_SubjectType_ClassificationCode");
        var (code, classification) = a is { Length: 1 } ? (b, a) : (a, b);
        var subject = new XElement("subjectType");
        Set(subject, "code", code);
        Set(subject, "classificationCode", classification);
        e.Add(subject);
        return e;
    }

    private static XElement? SubObject(string name, SheetRow row, HeaderMap h, (string Column, string Attribute)[] columns, string remarkColumn)
    {
        var element = new XElement(name);
        foreach (var (column, attribute) in columns)
        {
            Set(element, attribute, h.Text(row, column));
        }

        if (!element.HasAttributes || (element.Attributes().Count() == 1 && element.Attribute("logicalId") is not null))
        {
            return null;
        }

        AddRemark(element, Raw(row, h, remarkColumn));
        return element;
    }

    private static void Set(XElement element, string attribute, string? value)
    {
        if (value is null)
        {
            return;
        }

        if (DateAttributes.Contains(attribute) && DateText.Single(value) is { HasDay: true } date)
        {
            value = date.ToString();
        }

        element.SetAttributeValue(attribute, value);
    }

    private static void AddRemark(XElement element, string? remark)
    {
        if (!string.IsNullOrWhiteSpace(remark))
        {
            element.Add(new XElement("remark", remark));
        }
    }

    private static string? Raw(SheetRow row, HeaderMap h, string column) => h.Cell(row, column).AsText();

    /// <summary>One entity's rows, with sub-objects de-duplicated by logical id (or by content without one).</summary>
    private sealed class Group(XElement element, string location)
    {
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

        public XElement Element { get; } = element;

        public string Location { get; } = location;

        public void Add(SheetRow row, HeaderMap h)
        {
            Append(SubObject("nameAlias", row, h, NameColumns, "NameAlias_Remark"));
            var address = SubObject("address", row, h, AddressColumns, "Address_Remark");
            if (address is not null)
            {
                foreach (var (key, value) in ContactInfo.Parse(h.Text(row, "Address_ContactInfo")))
                {
                    address.Add(new XElement("contactInfo", new XAttribute("key", key), new XAttribute("value", value)));
                }
            }

            Append(address);
            Append(SubObject("citizenship", row, h, CitizenshipColumns, "Citizenship_Remark"));
            Append(SubObject("birthdate", row, h, BirthColumns, "BirthDate_Remark"));
            Append(SubObject("identification", row, h, IdentificationColumns, "Identification_Remark"));
        }

        private void Append(XElement? child)
        {
            if (child is null)
            {
                return;
            }

            var key = child.Name.LocalName + ":" + ((string?)child.Attribute("logicalId") ?? child.ToString(SaveOptions.DisableFormatting));
            if (_seen.Add(key))
            {
                Element.Add(child);
            }
        }
    }
}
