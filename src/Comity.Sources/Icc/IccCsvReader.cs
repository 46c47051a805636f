using System.Collections.Immutable;
using Comity.Core.Model;
using Comity.Core.Text;
using Comity.Sources.Abstractions;
using Comity.Sources.Building;
using Comity.Sources.Common;

namespace Comity.Sources.Icc;

/// <summary>Reads the curated ICC dataset (<c>data/icc/</c>): <c>warrants.csv</c> (source <c>icc-warrants</c>) and
/// <c>us-eo14203-designations.csv</c> (source <c>us-ofac-icc</c>). Accepts the folder or either file alone;
/// <c>states-parties.csv</c> is law data and is not read here.</summary>
internal sealed class IccCsvReader : IListReader
{
    public const string WarrantsSource = "icc-warrants";
    public const string DesignationsSource = "us-ofac-icc";

    private static readonly string[] WarrantColumns = ["id", "name", "aliases", "situation", "instrument", "issued", "status"];
    private static readonly string[] DesignationColumns = ["id", "name", "aliases", "entity_type", "program", "designated", "enforcement_status"];

    public string Format => "icc-csv";

    /// <summary>A file in either layout; a folder only when it holds one of them and nothing else but the ICC law
    /// table (<c>states-parties.csv</c>) and documentation — a folder that also holds another list is not claimed, so
    /// that list is not silently left out.</summary>
    public bool CanRead(ListProbe probe) =>
        probe.Files.Any(f => KindOf(f) != FileKind.None)
        && (!probe.IsDirectory || probe.Files.All(f => KindOf(f) != FileKind.None || IsStatesParties(f) || Documentation.Is(f)));

    public LoadResult Read(ListProbe probe, CancellationToken cancellationToken = default)
    {
        var entities = ImmutableArray.CreateBuilder<Entity>();
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        var files = ImmutableArray.CreateBuilder<SourceFile>();
        var counts = new List<(string, int)>();
        var kinds = new HashSet<FileKind>();
        foreach (var file in probe.Files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var kind = KindOf(file);
            if (kind == FileKind.None)
            {
                continue;
            }

            kinds.Add(kind);
            files.Add(SourceFiles.Describe(file));
            var rows = 0;
            foreach (var (line, row) in Rows(file, diagnostics))
            {
                rows++;
                var entity = kind == FileKind.Warrants ? Warrant(row) : Designation(row);
                if (entity is null)
                {
                    diagnostics.Add(new Diagnostic(Path.GetFileName(file), $"line {line}", "bad-row", "row has no id or no name: skipped", DiagnosticSeverity.Error));
                    continue;
                }

                entities.Add(entity);
            }

            counts.Add((Path.GetFileName(file), rows));
        }

        if (kinds.Count == 0)
        {
            throw new ListFormatException(probe.Path, "line 1", "no ICC warrants or designations CSV found");
        }

        var source = kinds.Count == 2 ? "icc-dataset" : kinds.Contains(FileKind.Warrants) ? WarrantsSource : DesignationsSource;
        var provenance = new Provenance(
            source,
            "International Criminal Court; US Treasury OFAC (curated)",
            Format,
            null,
            files.ToImmutable(),
            ReadSupport.Counts([.. counts]));
        return new LoadResult(provenance, entities.ToImmutable(), diagnostics.ToImmutable());
    }

    private static Entity? Warrant(IReadOnlyDictionary<string, string> row)
    {
        var id = Get(row, "id");
        var name = Get(row, "name");
        if (id is null || name is null)
        {
            return null;
        }

        var d = new EntityDraft(WarrantsSource, id, Schema.Person);
        d.AddName(name, NameKind.Primary);
        foreach (var alias in ReadSupport.Split(Get(row, "aliases"), "|"))
        {
            d.AddName(alias, NameKind.Alias);
        }

        d.Gender = GenderOf(Get(row, "gender"));
        foreach (var n in ReadSupport.Split(Get(row, "nationality"), "|"))
        {
            d.TryAddNationality(n);
        }

        var sources = Get(row, "sources");
        if (Get(row, "date_of_birth") is { } dob && PartialDateOf(dob) is { } birth)
        {
            // A year derived from a reported age is approximate (±1 year); the sources column says so.
            var approximate = sources is not null && sources.Contains("approximate", StringComparison.OrdinalIgnoreCase);
            d.AddBirthDate(new FuzzyDate(birth, null, approximate, CalendarKind.Gregorian, dob));
        }

        var status = Get(row, "status");
        var instrument = Get(row, "instrument");
        var charges = Get(row, "charges_summary");
        d.AddProgram("ICC");
        // Only an outstanding warrant of arrest makes the person sought; a summons never obliges an arrest.
        if (status == "at_large" && instrument == "warrant")
        {
            d.AddTopic("wanted");
        }

        d.AddTopic(charges is not null && charges.Contains("war crime", StringComparison.OrdinalIgnoreCase) ? "crime.war" : "crime");
        d.SetListedOn(PartialDateOf(Get(row, "issued")));
        d.AddRemark(charges);
        d.AddProperty("situation", Get(row, "situation"));
        d.AddProperty("case", Get(row, "case_name"));
        d.AddProperty("instrument", instrument);
        d.AddProperty("issued", Get(row, "issued"));
        d.AddProperty("status", status);
        d.AddProperty("status_date", Get(row, "status_date"));
        d.AddProperty("status_note", Get(row, "status_note"));
        Verification(d, row, Get(row, "status_note"));
        return d.BuildNamed();
    }

    private static Entity? Designation(IReadOnlyDictionary<string, string> row)
    {
        var id = Get(row, "id");
        var name = Get(row, "name");
        if (id is null || name is null)
        {
            return null;
        }

        var schema = Schemata.TryParse(Get(row, "entity_type") ?? string.Empty, out var s) ? s : Schema.LegalEntity;
        var d = new EntityDraft(DesignationsSource, id, schema);
        d.AddName(name, NameKind.Primary);
        foreach (var alias in ReadSupport.Split(Get(row, "aliases"), "|"))
        {
            d.AddName(alias, NameKind.Alias);
        }

        foreach (var n in ReadSupport.Split(Get(row, "nationality"), "|"))
        {
            if (schema == Schema.Person)
            {
                d.TryAddNationality(n);
            }
            else if (Countries.Resolve(n) is { } c)
            {
                d.AddAddress(new Address(Core.Text.Countries.NameOf(c), Country: c));
            }
        }

        d.AddProgram(Get(row, "program"));
        var delisted = Get(row, "delisted");
        if (delisted is null)
        {
            d.AddTopic("sanction");
        }

        d.SetListedOn(PartialDateOf(Get(row, "designated")));
        d.AddTitle(Get(row, "role"));
        d.AddProperty("curated", "true");
        d.AddProperty("designated", Get(row, "designated"));
        d.AddProperty("delisted", delisted);
        d.AddProperty("enforcement_status", Get(row, "enforcement_status"));
        d.AddProperty("enforcement_note", Get(row, "enforcement_note"));
        Verification(d, row, Get(row, "enforcement_note"));
        return d.BuildNamed();
    }

    private static void Verification(EntityDraft d, IReadOnlyDictionary<string, string> row, string? note)
    {
        var verification = Get(row, "verification") ?? "unconfirmed";
        d.AddProperty("verification", verification);
        d.AddProperty("sources", Get(row, "sources"));
        if (verification != "confirmed")
        {
            d.AddProperty("unconfirmed_reason", UnconfirmedReason(note, Get(row, "sources")));
        }
    }

    /// <summary>Why a row is unconfirmed: the note or source items that say so, else the sources themselves.</summary>
    private static string UnconfirmedReason(string? note, string? sources)
    {
        var parts = new List<string>();
        foreach (var text in new[] { note, sources })
        {
            foreach (var item in ReadSupport.Split(text, ";"))
            {
                if (item.Contains("unconfirmed", StringComparison.OrdinalIgnoreCase)
                    || item.Contains("not verified", StringComparison.OrdinalIgnoreCase)
                    || item.Contains("to verify", StringComparison.OrdinalIgnoreCase)
                    || item.Contains("secondary", StringComparison.OrdinalIgnoreCase)
                    || item.Contains("single source", StringComparison.OrdinalIgnoreCase)
                    || item.Contains("reported", StringComparison.OrdinalIgnoreCase))
                {
                    parts.Add(item);
                }
            }
        }

        return parts.Count > 0
            ? string.Join("; ", parts)
            : "rests on secondary reporting only: " + (sources ?? "no source given");
    }

    private static IEnumerable<(int Line, IReadOnlyDictionary<string, string> Row)> Rows(string file, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        using var reader = Utf8File.OpenText(file);
        string[]? header = null;
        foreach (var rec in CsvTable.Read(reader))
        {
            if (header is null)
            {
                header = rec.Cells.Select(c => c.Trim()).ToArray();
                continue;
            }

            if (rec.Unterminated || rec.Cells.Count != header.Length)
            {
                diagnostics.Add(new Diagnostic(Path.GetFileName(file), $"line {rec.Line}", "bad-row",
                    rec.Unterminated ? "unterminated quoted cell: skipped" : $"{rec.Cells.Count} cells, header has {header.Length}: skipped",
                    DiagnosticSeverity.Error));
                continue;
            }

            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
            {
                row[header[i]] = rec.Cells[i];
            }

            yield return (rec.Line, row);
        }
    }

    private static FileKind KindOf(string file)
    {
        if (Directory.Exists(file))
        {
            return FileKind.None;
        }

        var header = CsvTable.HeaderNames(ListProbe.HeadText(file));
        if (WarrantColumns.All(c => header.Contains(c, StringComparer.Ordinal)))
        {
            return FileKind.Warrants;
        }

        return DesignationColumns.All(c => header.Contains(c, StringComparer.Ordinal)) ? FileKind.Designations : FileKind.None;
    }

    /// <summary>The ICC states-parties table kept beside the warrants: law data, read by Comity.Law, not a list.</summary>
    private static bool IsStatesParties(string file)
    {
        var header = CsvTable.HeaderNames(ListProbe.HeadText(file));
        return header.Contains("iso2", StringComparer.Ordinal) && header.Contains("ratified_or_acceded", StringComparer.Ordinal);
    }

    private static string? Get(IReadOnlyDictionary<string, string> row, string column) =>
        row.TryGetValue(column, out var v) ? TextValue.Clean(v) : null;

    private static PartialDate? PartialDateOf(string? text) =>
        text is not null && PartialDate.TryParseIso(text, out var d) ? d : null;

    private static Gender GenderOf(string? text) => text switch
    {
        "male" => Gender.Male,
        "female" => Gender.Female,
        "other" => Gender.Other,
        _ => Gender.Unknown,
    };

    private enum FileKind
    {
        None,
        Warrants,
        Designations,
    }
}
