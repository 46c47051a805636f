using System.Xml.Linq;
using Comity.Core.Model;
using Comity.Sources.Common;

namespace Comity.Sources.OfacAdvanced;

/// <summary>An <c>IDRegDocument</c> resolved through the value sets, kept until its identity's party is read.</summary>
internal sealed record AdvancedDocument(string IdentityId, string Type, string Number, string? Country, string? Note)
{
    public static AdvancedDocument? From(XElement doc, AdvancedValueSets values)
    {
        var identity = doc.Attr("IdentityID");
        var number = doc.Text("IDRegistrationNo");
        if (identity is null || number is null)
        {
            return null;
        }

        var type = values.Label("IDRegDocType", doc.Attr("IDRegDocTypeID")) ?? "ID";
        var notes = new List<string> { type };
        if (doc.Text("IssuingAuthority") is { } authority)
        {
            notes.Add("issued by " + authority);
        }

        foreach (var date in doc.Els("DocumentDate"))
        {
            var label = values.Label("IDRegDocDateType", date.Attr("IDRegDocDateTypeID")) ?? "date";
            if (AdvancedDates.Period(date.El("DatePeriod")) is { } d)
            {
                notes.Add(label + " " + d);
            }
        }

        if (values.Label("Validity", doc.Attr("ValidityID")) is { } validity && !validity.Equals("Valid", StringComparison.OrdinalIgnoreCase))
        {
            notes.Add(validity);
        }

        if (doc.Text("Comment") is { } comment)
        {
            notes.Add(comment);
        }

        return new AdvancedDocument(identity, type, number, values.CountryIso(doc.Attr("IssuedBy-CountryID")), string.Join("; ", notes));
    }

    public IdentifierType IdentifierType => IdentifierLabels.FromLabel(Type) ?? IdentifierType.Other;
}
