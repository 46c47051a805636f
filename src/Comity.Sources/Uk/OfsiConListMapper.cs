using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Comity.Core.Model;
using Comity.Core.Text;
using Comity.Sources.Abstractions;
using Comity.Sources.Building;
using Comity.Sources.Common;
using Comity.Sources.Spreadsheets;

namespace Comity.Sources.Uk;

/// <summary>Maps the rows of an OFSI Consolidated List (2022 layout, LIST-FORMATS §5.4, or the pre-2022 layout,
/// §5.5) to one entity per Group ID. Columns are bound by header name; rows whose shape disagrees with the header are
/// skipped with a diagnostic.</summary>
internal static partial class OfsiConListMapper
{
    public const string Source = "gb-hmt-ofsi";
    public const string Authority = "HM Treasury, Office of Financial Sanctions Implementation (OFSI)";

    private static readonly string[] GivenColumns = ["Name 1", "Name 2", "Name 3", "Name 4", "Name 5"];
    private static readonly string[] AddressColumns = ["Address 1", "Address 2", "Address 3", "Address 4", "Address 5", "Address 6"];

    /// <summary>Finds the header row (the first row naming <c>Group ID</c> and <c>Name 6</c>) among the first rows.</summary>
    public static int FindHeader(IReadOnlyList<SheetRow> rows)
    {
        for (var i = 0; i < Math.Min(rows.Count, 5); i++)
        {
            var names = TabularFile.Names(rows[i]);
            if (names.Contains("Group ID") && names.Contains("Name 6") && names.Contains("Alias Type"))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Reads every row of the file and builds the load result.</summary>
    public static LoadResult Read(string path, string format, CancellationToken cancellationToken)
    {
        var file = Path.GetFileName(path);
        var diagnostics = new List<Diagnostic>();
        string? published = null;
        HeaderMap? header = null;
        var groups = new Dictionary<string, Group>(StringComparer.Ordinal);
        var order = new List<Group>();
        var rows = 0;
        foreach (var row in TabularFile.ReadRows(path))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (header is null)
            {
                var first = TextValue.Clean(row[0].AsText());
                if (string.Equals(first, "Last Updated", StringComparison.OrdinalIgnoreCase))
                {
                    published = DateText.Single(TextValue.Clean(row[1].AsText()) ?? string.Empty)?.ToString();
                    continue;
                }

                if (FindHeader([row]) == 0)
                {
                    header = new HeaderMap(row);
                    continue;
                }

                throw new ListFormatException(file, row.Location, "no OFSI header row (Name 6 … Group ID) before the data");
            }

            rows++;
            if (Check(row, header, file, diagnostics) is not { } groupId)
            {
                continue;
            }

            if (!groups.TryGetValue(groupId, out var group))
            {
                group = new Group(new EntityDraft(Source, groupId, UkText.SchemaOf(header.Text(row, "Group Type"))!.Value));
                group.Draft.AddTopic("sanction");
                group.Draft.AddCrossReference("OFSI", groupId);
                groups.Add(groupId, group);
                order.Add(group);
            }

            AddRow(group, row, header, file, diagnostics);
        }

        if (header is null)
        {
            throw new ListFormatException(file, "line 1", "empty file: no OFSI header row");
        }

        foreach (var g in order.Where(g => g.Draft.EnsurePrimary()))
        {
            diagnostics.Add(new Diagnostic(file, $"Group ID {g.Draft.SourceId}", "no-primary-name", "no 'Primary name' row; the first name variation is used as primary"));
        }

        var entities = order.Select(g => g.Build()).ToImmutableArray();
        var provenance = new Provenance(
            Source,
            Authority,
            format,
            published,
            [SourceFiles.Describe(path)],
            ImmutableDictionary<string, int>.Empty.Add("rows", rows).Add("groups", entities.Length));
        return new LoadResult(provenance, entities, [.. diagnostics]);
    }

    /// <summary>The row's Group ID when the row agrees with the header; otherwise null and a diagnostic.</summary>
    private static string? Check(SheetRow row, HeaderMap header, string file, List<Diagnostic> diagnostics)
    {
        // Delimited text must have exactly the header's field count; a sheet row must not fill cells past the header.
        var delimited = row.Unit == "line";
        if (delimited ? row.Cells.Length != header.Row.Cells.Length : row.LastFilled >= header.Width)
        {
            diagnostics.Add(header.FieldCountError(row, file));
            return null;
        }

        var groupId = header.Text(row, "Group ID");
        if (groupId is null || !groupId.All(char.IsAsciiDigit))
        {
            diagnostics.Add(new Diagnostic(file, row.Location, "bad-row", $"Group ID '{groupId}' is not a number; skipped", DiagnosticSeverity.Error));
            return null;
        }

        if (UkText.SchemaOf(header.Text(row, "Group Type")) is null)
        {
            diagnostics.Add(new Diagnostic(file, row.Location, "bad-row",
                $"Group Type '{header.Text(row, "Group Type")}' is not Individual, Entity or Ship; skipped", DiagnosticSeverity.Error));
            return null;
        }

        return groupId;
    }

    private static void AddRow(Group group, SheetRow row, HeaderMap h, string file, List<Diagnostic> diagnostics)
    {
        var draft = group.Draft;
        var person = draft.Schema == Schema.Person;
        var title = h.Text(row, "Title");
        var kind = NameKindOf(h.Text(row, "Alias Type"), h.Text(row, "Alias Quality"));
        var given = GivenColumns.Select(c => h.Text(row, c)).ToList();
        var family = h.Text(row, "Name 6");
        var name = UkText.Name(person ? given : [], family, kind, person ? title : null);
        if (!person && name is not null)
        {
            name = name with { Parts = null };
        }

        draft.AddName(name);
        if (h.Text(row, "Name Non-Latin Script") is { } script)
        {
            var language = UkText.ScriptLanguage(h.Text(row, "Non-Latin Script Language"), h.Text(row, "Non-Latin Script Type"), script);
            draft.AddName(new EntityName(script, kind == NameKind.Primary ? NameKind.Alias : kind, null, language));
        }

        draft.AddTitle(title);
        foreach (var position in UkText.Enumerated(h.Text(row, "Position")))
        {
            draft.AddTitle(position);
        }

        if (h.Text(row, "DOB") is { } dob)
        {
            if (DateText.Parse(dob) is { } date)
            {
                draft.AddBirthDate(date);
            }
            else if (group.Reported.Add(dob))
            {
                diagnostics.Add(new Diagnostic(file, row.Location, "bad-date", $"DOB '{dob}' not understood; kept as property"));
                draft.AddProperty("birthDate", dob);
            }
        }

        AddBirthPlaces(draft, h.Text(row, "Town of Birth"), h.Text(row, "Country of Birth"));
        foreach (var nationality in UkText.Enumerated(h.Text(row, "Nationality")))
        {
            if (UkText.Country(nationality) is { } iso)
            {
                draft.AddNationality(iso);
            }
            else
            {
                draft.AddProperty("nationality", nationality);
            }
        }

        AddDocuments(draft, IdentifierType.Passport, h.Text(row, "Passport Number"), h.Text(row, "Passport Details"));
        AddDocuments(draft, IdentifierType.NationalId, h.Text(row, "National Identification Number"), h.Text(row, "National Identification Details"));
        AddDocuments(draft, IdentifierType.NationalId, null, h.Text(row, "NI Number"));
        AddAddress(draft, row, h);
        AddOtherInformation(group, h.Text(row, "Other Information"), row, file, diagnostics);
        draft.AddProgram(h.Text(row, "Regime"));
        if (draft.ListedOn is null && DateText.Single(h.Text(row, "Listed On") ?? string.Empty) is { } listed)
        {
            draft.ListedOn = listed;
        }

        if (DateText.Single(h.Text(row, "UK Sanctions List Date Designated") ?? string.Empty) is { } designated)
        {
            draft.AddProperty("designatedOn", designated.ToString());
        }

        if (DateText.Single(h.Text(row, "Last Updated") ?? string.Empty) is { } updated && (group.LastUpdated is null || updated > group.LastUpdated))
        {
            group.LastUpdated = updated;
        }
    }

    private static NameKind NameKindOf(string? aliasType, string? quality)
    {
        var kind = aliasType?.ToUpperInvariant() switch
        {
            "PRIMARY NAME" or "PRIME ALIAS" => NameKind.Primary,
            "FKA" => NameKind.Former,
            _ => NameKind.Alias,
        };
        return kind == NameKind.Alias && quality is not null && quality.StartsWith("Low", StringComparison.OrdinalIgnoreCase)
            ? NameKind.WeakAlias
            : kind;
    }

    private static void AddBirthPlaces(EntityDraft draft, string? town, string? country)
    {
        var countries = UkText.Enumerated(country);
        if (town is not null)
        {
            var iso = countries.Count == 1 ? UkText.Country(countries[0]) : null;
            draft.AddBirthPlace(new Place(countries.Count == 1 ? $"{town}, {countries[0]}" : town, iso));
            return;
        }

        foreach (var c in countries)
        {
            draft.AddBirthPlace(new Place(c, UkText.Country(c)));
        }
    }

    /// <summary>Documents from a number column (enumerated, 2022 layout) with its details column, or, when there is no
    /// number column (2018 layout), numbers found in the free-text details.</summary>
    private static void AddDocuments(EntityDraft draft, IdentifierType type, string? numbers, string? details)
    {
        var notes = UkText.Enumerated(details);
        if (numbers is not null)
        {
            var values = UkText.Enumerated(numbers);
            for (var i = 0; i < values.Count; i++)
            {
                var note = values.Count == notes.Count ? notes[i] : details;
                draft.AddIdentifier(new Identifier(type, values[i], null, note));
            }

            return;
        }

        foreach (var note in notes)
        {
            foreach (Match m in DocumentNumber().Matches(note))
            {
                draft.AddIdentifier(new Identifier(type, m.Groups[1].Value, null, note));
            }
        }
    }

    private static void AddAddress(EntityDraft draft, SheetRow row, HeaderMap h)
    {
        var lines = AddressColumns.Select(c => h.Text(row, c)).OfType<string>().ToList();
        var postal = h.Text(row, "Post/Zip Code");
        var countryText = h.Text(row, "Country");
        var parts = lines.Concat(new[] { postal, countryText }.OfType<string>()).ToList();
        if (parts.Count == 0)
        {
            return;
        }

        draft.AddAddress(new Address(string.Join(", ", parts), lines.Count > 0 ? lines[0] : null, null, null, postal, UkText.Country(countryText)));
    }

    private static void AddOtherInformation(Group group, string? text, SheetRow row, string file, List<Diagnostic> diagnostics)
    {
        var draft = group.Draft;
        if (text is null)
        {
            return;
        }

        draft.AddRemark(text);
        var fields = OtherInformation.Fields(text);
        if (fields.Count == 0)
        {
            // 2018 layout: "UN Ref QDe.004" in free text. The 2022 layout labels its own reference "(UN Ref):", and
            // free-text mentions there name related parties (a ship's owner), so they are not taken.
            foreach (var un in OtherInformation.UnReferences(text))
            {
                draft.AddCrossReference("UN", un);
            }
        }

        foreach (var (label, value) in fields)
        {
            switch (label.ToUpperInvariant())
            {
                case "UN REF":
                    draft.AddCrossReference("UN", OtherInformation.FirstToken(value));
                    break;
                case "UK SANCTIONS LIST REF":
                    var reference = OtherInformation.FirstToken(value);
                    if (OtherInformation.IsUkslReference(reference))
                    {
                        draft.AddCrossReference("UKSL", reference);
                    }
                    else if (group.Reported.Add("UKSL " + reference))
                    {
                        // Two 2025 groups carry their UN reference (SDi.005) in this slot.
                        var un = UnReferenceIds.IsMatch(reference);
                        if (un)
                        {
                            draft.AddCrossReference("UN", reference);
                        }

                        diagnostics.Add(new Diagnostic(file, row.Location, "odd-reference",
                            $"UK Sanctions List Ref '{reference}' is not a UK id{(un ? "; read as a UN reference" : string.Empty)}"));
                    }

                    break;
                case "GENDER":
                    if (draft.Gender == Gender.Unknown)
                    {
                        draft.Gender = UkText.Gender(value);
                    }

                    break;
                case "IMO NUMBER":
                    var imo = OtherInformation.FirstToken(value);
                    draft.AddCrossReference("IMO", imo);
                    draft.AddIdentifier(new Identifier(IdentifierType.Imo, imo));
                    break;
                case "PHONE NUMBER" or "TEL":
                    AddEach(draft, IdentifierType.Phone, value, null);
                    break;
                case "FAX":
                    AddEach(draft, IdentifierType.Phone, value, "fax");
                    break;
                case "EMAIL ADDRESS":
                    AddEach(draft, IdentifierType.Email, value, null);
                    break;
                case "WEBSITE":
                    AddEach(draft, IdentifierType.Website, value, null);
                    break;
                case "BUSINESS REG NO":
                    AddEach(draft, IdentifierType.Registration, value, null);
                    break;
                case "TYPE OF ENTITY":
                    draft.AddProperty("legalForm", value);
                    break;
                case "PARENT COMPANY":
                    draft.AddProperty("parent", value);
                    break;
                case "SUBSIDIARIES":
                    draft.AddProperty("subsidiaries", value);
                    break;
                case "FLAG OF SHIP":
                    draft.AddProperty("flag", value);
                    break;
                case "PREVIOUS FLAGS":
                    draft.AddProperty("pastFlags", value);
                    break;
                case "TYPE OF SHIP":
                    draft.AddProperty("type", value);
                    break;
                case "TONNAGE OF SHIP":
                    draft.AddProperty("tonnage", value);
                    break;
                case "LENGTH OF SHIP":
                    draft.AddProperty("length", value);
                    break;
                case "YEAR BUILT":
                    draft.AddProperty("buildDate", value);
                    break;
                case "CURRENT OWNERS":
                    draft.AddProperty("owner", value);
                    break;
                default:
                    break;
            }
        }
    }

    private static void AddEach(EntityDraft draft, IdentifierType type, string value, string? note)
    {
        foreach (var v in UkText.Enumerated(value).SelectMany(v => v.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        {
            draft.AddIdentifier(new Identifier(type, v, null, note));
        }
    }

    [GeneratedRegex(@"\b([A-Z]{0,3}\d{5,}[A-Z0-9\-]*)\b", RegexOptions.CultureInvariant)]
    private static partial Regex DocumentNumber();

    /// <summary>One Group ID being assembled.</summary>
    private sealed class Group(EntityDraft draft)
    {
        public EntityDraft Draft { get; } = draft;

        /// <summary>Values already reported for this group (rows repeat them).</summary>
        public HashSet<string> Reported { get; } = new(StringComparer.Ordinal);

        public PartialDate? LastUpdated { get; set; }

        public Entity Build()
        {
            if (LastUpdated is { } updated)
            {
                Draft.AddProperty("lastUpdated", updated.ToString());
            }

            return Draft.Build();
        }
    }
}
