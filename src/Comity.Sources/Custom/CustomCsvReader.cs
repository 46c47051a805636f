using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Comity.Core.Model;
using Comity.Core.Text;
using Comity.Sources.Abstractions;
using Comity.Sources.Building;
using Comity.Sources.Common;

namespace Comity.Sources.Custom;

/// <summary>Reads a user's own watchlist: a CSV (comma, semicolon or tab) with a header and at least a name column.
/// Column names follow <see cref="CustomColumnMapping"/>. Source <c>custom-&lt;file stem&gt;</c> unless named.</summary>
internal sealed class CustomCsvReader(CustomColumnMapping? mapping = null) : IListReader
{
    /// <summary>Columns that mark an official layout another reader owns (CSL, DPL, OFSI, ICC files).</summary>
    private static readonly string[] OfficialMarkers =
        ["_id", "source_list_url", "fr_citation", "effective_date", "group id", "name 6", "situation", "instrument", "enforcement_status", "ratified_or_acceded", "entity_number"];

    private readonly CustomColumnMapping _mapping = mapping ?? CustomColumnMapping.Default;

    public string Format => "custom-csv";

    public bool CanRead(ListProbe probe)
    {
        if (probe.IsDirectory || probe.Files.Count != 1)
        {
            return false;
        }

        var head = ListProbe.HeadText(probe.Files[0]);
        if (head.Length == 0 || head.Contains('\0', StringComparison.Ordinal) || head.TrimStart().StartsWith('<') || head.TrimStart().StartsWith('{') || head.TrimStart().StartsWith('['))
        {
            return false;
        }

        var header = CsvTable.HeaderNames(head, Separator(head));
        if (header.Any(h => OfficialMarkers.Contains(h.ToLowerInvariant(), StringComparer.Ordinal)))
        {
            return false;
        }

        return Index(header, "name") >= 0;
    }

    public LoadResult Read(ListProbe probe, CancellationToken cancellationToken = default)
    {
        var file = probe.Files[0];
        var name = Path.GetFileName(file);
        var source = string.IsNullOrWhiteSpace(_mapping.SourceName) ? "custom-" + Slug(Path.GetFileNameWithoutExtension(file)) : _mapping.SourceName.Trim();
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        var entities = ImmutableArray.CreateBuilder<Entity>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var rows = 0;
        var separator = Separator(ListProbe.HeadText(file));
        using (var reader = Utf8File.OpenText(file))
        {
            string[]? header = null;
            var columns = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var rec in CsvTable.Read(reader, separator))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (header is null)
                {
                    header = rec.Cells.Select(c => c.Trim()).ToArray();
                    foreach (var field in CustomColumnMapping.Fields)
                    {
                        columns[field] = Index(header, field);
                    }

                    if (columns["name"] < 0)
                    {
                        throw new ListFormatException(name, "line 1", "no name column in the header");
                    }

                    continue;
                }

                rows++;
                var location = $"line {rec.Line}";
                if (rec.Unterminated || rec.Cells.Count != header.Length)
                {
                    diagnostics.Add(new Diagnostic(name, location, "bad-row",
                        rec.Unterminated ? "unterminated quoted cell: skipped" : $"{rec.Cells.Count} cells, header has {header.Length}: skipped",
                        DiagnosticSeverity.Error));
                    continue;
                }

                var entity = Row(rec.Cells, columns, source, name, location, diagnostics);
                if (entity is null)
                {
                    continue;
                }

                if (!ids.Add(entity.SourceId))
                {
                    diagnostics.Add(new Diagnostic(name, location, "duplicate-id", $"id '{entity.SourceId}' used before: skipped", DiagnosticSeverity.Error));
                    continue;
                }

                entities.Add(entity);
            }

            if (header is null)
            {
                throw new ListFormatException(name, "line 1", "empty file: no header");
            }
        }

        var provenance = new Provenance(source, "user watchlist", Format, null, [SourceFiles.Describe(file)], ReadSupport.Counts((name, rows)));
        return new LoadResult(provenance, entities.ToImmutable(), diagnostics.ToImmutable());
    }

    private static Entity? Row(IReadOnlyList<string> cells, Dictionary<string, int> columns, string source, string file, string location,
        ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        string? Get(string field) => columns[field] is var i and >= 0 ? TextValue.Clean(cells[i]) : null;

        var primary = Get("name");
        if (primary is null)
        {
            diagnostics.Add(new Diagnostic(file, location, "bad-row", "row has no name: skipped", DiagnosticSeverity.Error));
            return null;
        }

        var imo = Get("imo");
        var schema = imo is null ? Schema.LegalEntity : Schema.Vessel;
        if (Get("schema") is { } schemaText)
        {
            if (Schemata.TryParse(schemaText, out var s))
            {
                schema = s;
            }
            else
            {
                diagnostics.Add(new Diagnostic(file, location, "bad-schema", $"schema '{schemaText}' unknown; LegalEntity used"));
            }
        }

        var dob = Get("dob");
        var id = Get("id") ?? DerivedId(primary, dob);
        var d = new EntityDraft(source, id, schema);
        d.AddName(primary, NameKind.Primary);
        foreach (var alias in SplitMulti(Get("aliases")))
        {
            d.AddName(alias, NameKind.Alias);
        }

        if (dob is not null)
        {
            var dates = DateText.ParseAlternatives(dob, out var failed);
            foreach (var date in dates)
            {
                d.AddBirthDate(date);
            }

            foreach (var bad in failed)
            {
                diagnostics.Add(new Diagnostic(file, location, "bad-date", $"date of birth '{bad}' not understood; ignored"));
            }
        }

        foreach (var n in SplitMulti(Get("nationality")))
        {
            if (!d.TryAddNationality(n))
            {
                diagnostics.Add(new Diagnostic(file, location, "bad-country", $"nationality '{n}' is not a known country; ignored"));
            }
        }

        foreach (var c in SplitMulti(Get("country")))
        {
            if (Countries.Resolve(c) is { } iso)
            {
                d.AddAddress(new Address(c, Country: iso));
            }
            else
            {
                diagnostics.Add(new Diagnostic(file, location, "bad-country", $"country '{c}' is not a known country; ignored"));
            }
        }

        foreach (var p in SplitMulti(Get("passport")))
        {
            d.AddIdentifier(IdentifierType.Passport, p);
        }

        if (imo is not null)
        {
            d.AddIdentifier(IdentifierType.Imo, imo);
            d.AddCrossReference("IMO", Identifier.NormalizeValue(imo));
        }

        foreach (var p in SplitMulti(Get("program")))
        {
            d.AddProgram(p);
        }

        if (Get("listed_on") is { } listed)
        {
            if (DateText.Parse(listed) is { IsRange: false } l)
            {
                d.SetListedOn(l.From);
            }
            else
            {
                diagnostics.Add(new Diagnostic(file, location, "bad-date", $"listed_on '{listed}' not understood; ignored"));
            }
        }

        return d.BuildNamed();
    }

    private int Index(string[] header, string field)
    {
        var wanted = new List<string>();
        if (_mapping.FieldToColumn.TryGetValue(field, out var mapped))
        {
            wanted.Add(mapped.Trim());
        }

        wanted.Add(field);
        if (field == "schema")
        {
            wanted.Add("type");
        }

        foreach (var w in wanted)
        {
            for (var i = 0; i < header.Length; i++)
            {
                if (string.Equals(header[i], w, StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }
            }
        }

        return -1;
    }

    private static string[] SplitMulti(string? value) =>
        value is null ? [] : value.Split([';', '|'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The separator that occurs most often in the header line: comma, semicolon or tab.</summary>
    private static char Separator(string head)
    {
        var line = CsvTable.FirstLine(head);
        var best = ',';
        var bestCount = line.Count(c => c == ',');
        foreach (var sep in new[] { ';', '\t' })
        {
            var n = line.Count(c => c == sep);
            if (n > bestCount)
            {
                best = sep;
                bestCount = n;
            }
        }

        return best;
    }

    /// <summary>A stable id for rows without one: a slug of the name plus 8 hex digits of SHA-256(name|dob).</summary>
    private static string DerivedId(string primary, string? dob)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(primary + "|" + dob)))[..8];
        var slug = Slug(primary);
        return (slug.Length > 40 ? slug[..40] : slug) + "-" + hash;
    }

    private static string Slug(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }

        var s = sb.ToString().Trim('-');
        return s.Length == 0 ? "list" : s;
    }
}
