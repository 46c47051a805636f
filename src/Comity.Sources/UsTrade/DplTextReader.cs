using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Comity.Core.Model;
using Comity.Core.Text;
using Comity.Sources.Abstractions;
using Comity.Sources.Building;
using Comity.Sources.Common;

namespace Comity.Sources.UsTrade;

/// <summary>Reads the BIS Denied Persons List (<c>dpl.txt</c>: tab-separated, quoted, one row per name and address),
/// source <c>us-bis-dpl</c>; LIST-FORMATS §2.2. Rows are grouped by the cleaned name.</summary>
internal sealed partial class DplTextReader : IListReader
{
    public const string Source = "us-bis-dpl";

    private static readonly string[] Columns =
        ["Name", "Street_Address", "City", "State", "Country", "Postal_Code", "Effective_Date", "Expiration_Date", "Standard_Order", "Last_Update", "Action", "FR_Citation"];

    public string Format => "bis-dpl";

    public bool CanRead(ListProbe probe)
    {
        if (probe.IsDirectory || probe.Files.Count != 1)
        {
            return false;
        }

        var header = CsvTable.HeaderNames(ListProbe.HeadText(probe.Files[0]), '\t');
        return header.Contains("Name", StringComparer.Ordinal) && header.Contains("Effective_Date", StringComparer.Ordinal)
            && header.Contains("Expiration_Date", StringComparer.Ordinal) && header.Contains("FR_Citation", StringComparer.Ordinal);
    }

    public LoadResult Read(ListProbe probe, CancellationToken cancellationToken = default)
    {
        var file = probe.Files[0];
        var name = Path.GetFileName(file);
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        var rows = new List<(int Line, Dictionary<string, string?> Cells)>();
        using (var reader = Utf8File.OpenText(file))
        {
            string[]? header = null;
            foreach (var rec in CsvTable.Read(reader, '\t'))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (header is null)
                {
                    header = rec.Cells.Select(c => c.Trim()).ToArray();
                    var missing = Columns.Where(c => !header.Contains(c, StringComparer.Ordinal)).ToList();
                    if (missing.Count > 0)
                    {
                        throw new ListFormatException(name, "line 1", "missing Denied Persons List columns: " + string.Join(", ", missing));
                    }

                    continue;
                }

                if (rec.Unterminated || rec.Cells.Count != header.Length)
                {
                    diagnostics.Add(new Diagnostic(name, $"line {rec.Line}", "bad-row",
                        rec.Unterminated ? "unterminated quoted cell: skipped" : $"{rec.Cells.Count} cells, header has {header.Length}: skipped",
                        DiagnosticSeverity.Error));
                    continue;
                }

                var cells = new Dictionary<string, string?>(StringComparer.Ordinal);
                for (var i = 0; i < header.Length; i++)
                {
                    cells[header[i]] = TextValue.Clean(rec.Cells[i]);
                }

                if (cells["Name"] is null)
                {
                    diagnostics.Add(new Diagnostic(name, $"line {rec.Line}", "bad-row", "row has no name: skipped", DiagnosticSeverity.Error));
                    continue;
                }

                rows.Add((rec.Line, cells));
            }
        }

        // The file's own date: the newest Effective_Date. Last_Update values more than a year after it are typos.
        var newestEffective = rows.Select(r => UsDate(r.Cells["Effective_Date"])).OfType<PartialDate>().DefaultIfEmpty().Max();
        PartialDate? newest = newestEffective.Year == 0 ? null : newestEffective;
        var lastUpdates = new Dictionary<int, PartialDate>();
        foreach (var (line, cells) in rows)
        {
            if (cells["Last_Update"] is not { } raw)
            {
                continue;
            }

            if (!PartialDate.TryParseIso(raw, out var lu) || lu.Year < 1980 || (newest is { } n && lu.Year > n.Year + 1))
            {
                diagnostics.Add(new Diagnostic(name, $"line {line}", "bad-date", $"Last_Update '{raw}' is not a plausible date (typo year?); ignored"));
                continue;
            }

            lastUpdates[line] = lu;
            if (newest is null || lu > newest.Value)
            {
                newest = lu;
            }
        }

        var drafts = new Dictionary<string, (EntityDraft Draft, PartialDate? End)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var (line, cells) in rows)
        {
            var listed = cells["Name"]!;
            if (!drafts.TryGetValue(listed, out var entry))
            {
                entry = (Start(listed), null);
                order.Add(listed);
            }

            var d = entry.Draft;
            AddAddress(d, cells);
            if (cells["Effective_Date"] is { } eff)
            {
                if (UsDate(eff) is { } e)
                {
                    d.SetListedOn(e);
                }
                else
                {
                    diagnostics.Add(new Diagnostic(name, $"line {line}", "bad-date", $"Effective_Date '{eff}' not understood"));
                }
            }

            var end = entry.End;
            if (cells["Expiration_Date"] is { } exp)
            {
                if (UsDate(exp) is { } x)
                {
                    end = end is null || x > end.Value ? x : end;
                }
                else
                {
                    diagnostics.Add(new Diagnostic(name, $"line {line}", "bad-date", $"Expiration_Date '{exp}' not understood"));
                }
            }

            if (lastUpdates.TryGetValue(line, out var lu))
            {
                d.AddProperty("lastUpdate", lu.ToString());
            }

            d.AddProperty("standardOrder", cells["Standard_Order"]?.ToUpperInvariant());
            d.AddProperty("action", cells["Action"]);
            d.AddProperty("frCitation", cells["FR_Citation"]);
            drafts[listed] = (d, end);
        }

        var entities = ImmutableArray.CreateBuilder<Entity>(order.Count);
        foreach (var key in order)
        {
            var (d, end) = drafts[key];
            if (end is { } e)
            {
                d.AddProperty("endDate", e.ToString());
                if (newest is { } n && e < n)
                {
                    d.AddProperty("status", "expired");
                }
            }

            if (d.BuildNamed() is { } entity)
            {
                entities.Add(entity);
            }
        }

        var provenance = new Provenance(Source, "US Department of Commerce, Bureau of Industry and Security", Format, newest?.ToString(),
            [SourceFiles.Describe(file)], ReadSupport.Counts((name, rows.Count)));
        return new LoadResult(provenance, entities.ToImmutable(), diagnostics.ToImmutable());
    }

    private static EntityDraft Start(string listed)
    {
        var d = new EntityDraft(Source, SourceId(listed), Schema.LegalEntity);
        var nick = Nickname().Match(listed);
        if (nick.Success)
        {
            var without = TextValue.Clean(listed.Remove(nick.Index, nick.Length).Insert(nick.Index, " "));
            d.AddName(without, NameKind.Primary);
            d.AddName(listed.Replace("\"", string.Empty, StringComparison.Ordinal), NameKind.Alias);
            d.AddName(nick.Groups[1].Value, NameKind.WeakAlias);
        }
        else
        {
            d.AddName(listed, NameKind.Primary);
        }

        d.AddTopic("export.control");
        d.AddProgram("DPL");
        return d;
    }

    private static void AddAddress(EntityDraft d, Dictionary<string, string?> cells)
    {
        var street = cells["Street_Address"];
        var city = cells["City"];
        var state = cells["State"];
        var postal = cells["Postal_Code"];
        var countryCode = cells["Country"];
        var country = countryCode is null ? null : Countries.Resolve(countryCode);
        var full = string.Join(", ", new[] { street, city, state, postal, countryCode }.OfType<string>());
        if (full.Length > 0)
        {
            d.AddAddress(new Address(full, street, city, state, postal, country));
        }
    }

    /// <summary>A slug of the name plus 8 hex digits of its SHA-256 (names that differ only in punctuation stay apart).</summary>
    internal static string SourceId(string listed)
    {
        var sb = new StringBuilder(listed.Length);
        foreach (var c in listed)
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

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(listed)))[..8];
        return sb.ToString().Trim('-') + "-" + hash;
    }

    private static PartialDate? UsDate(string? text) =>
        DateText.Parse(text, DateOrder.MonthFirst) is { IsRange: false } d && d.From.HasDay ? d.From : null;

    [GeneratedRegex("\"([^\"]+)\"", RegexOptions.CultureInvariant)]
    private static partial Regex Nickname();
}
