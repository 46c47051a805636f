using Comity.Core.Model;
using nietras.SeparatedValues;

namespace Comity.Application.Input;

/// <summary>How one input column is read.</summary>
/// <param name="Mapped">Bound by an explicit <c>column=field</c> mapping rather than by its name.</param>
internal sealed record ColumnBinding(int Index, string Column, QueryField Field, bool Mapped);

/// <summary>An opened screening input: its header, how each column is bound, which columns are not used, and its rows
/// (read lazily, once). Front ends report <see cref="Unrecognised"/> before screening, so a column that would have
/// cleared a hit (a date of birth under a header Comity does not know) is never dropped silently.</summary>
internal sealed class QueryCsv : IDisposable
{
    private readonly TextReader _text;
    private readonly bool _ownsText;
    private readonly LineGuard _guard;
    private readonly SepReader _reader;
    private bool _read;

    internal QueryCsv(TextReader text, IReadOnlyDictionary<string, string>? mappings, string source, bool ownsText)
    {
        _text = text;
        _ownsText = ownsText;
        Source = source;
        _guard = new LineGuard(text);
        try
        {
            _reader = Sep.Reader(o => o with { HasHeader = true, Unescape = true, DisableColCountCheck = true, Trim = SepTrim.All }).From(_guard);
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or FormatException)
        {
            throw new InvalidDataException($"{source}: line 1: cannot read the header: {e.Message}", e);
        }

        if (_guard.Malformed.ContainsKey(1))
        {
            _reader.Dispose();
            throw new InvalidDataException($"{source}: line 1: unterminated quote in the header");
        }

        Columns = [.. _reader.Header.ColNames];
        var (bindings, notes) = Bind(Columns, mappings, source);
        Bindings = bindings;
        Notes = notes;
        Unrecognised = [.. Columns.Where((c, i) => c.Length > 0 && !bindings.Exists(b => b.Index == i))];
    }

    /// <summary>The file name, or <c>standard input</c>, as used in messages.</summary>
    public string Source { get; }

    /// <summary>The header, as written.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The columns that are read, and as which field.</summary>
    public IReadOnlyList<ColumnBinding> Bindings { get; }

    /// <summary>Header columns that no field and no mapping binds: their values are not screened.</summary>
    public IReadOnlyList<string> Unrecognised { get; }

    /// <summary>How ambiguous headers were read (e.g. <c>Nom</c> beside <c>Prénom</c> read as the last name).</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>The one line to print about <see cref="Unrecognised"/>, or null when every column is used.</summary>
    public string? UnrecognisedMessage => Unrecognised.Count == 0
        ? null
        : $"{Source}: {Unrecognised.Count} column{(Unrecognised.Count == 1 ? string.Empty : "s")} not recognised and not screened: "
          + string.Join(", ", Unrecognised) + $"; bind one with --map '{Unrecognised[0]}=FIELD' (fields: {string.Join(", ", Enum.GetValues<QueryField>().Select(f => f.WireName()))})";

    /// <summary>The data rows, in order; malformed rows come back with <see cref="InputRow.Error"/> set and reading goes on.
    /// Enumerable once.</summary>
    public IEnumerable<InputRow> Rows()
    {
        if (_read)
        {
            throw new InvalidOperationException($"{Source}: rows already read");
        }

        _read = true;
        return Enumerate();
    }

    private IEnumerable<InputRow> Enumerate()
    {
        var count = Columns.Count;
        var n = 0;
        foreach (var row in _reader)
        {
            n++;
            var line = row.LineNumberFrom;
            if (_guard.Malformed.TryGetValue(line, out var problem))
            {
                yield return new InputRow(n, line, null, $"line {line}: {problem}; reading goes on at line {line + 1}", []);
                continue;
            }

            if (row.ColCount != count)
            {
                yield return new InputRow(n, line, null, $"line {line}: {row.ColCount} columns, header has {count}", []);
                continue;
            }

            var cells = new string[count];
            foreach (var b in Bindings)
            {
                cells[b.Index] = row[b.Index].ToString();
            }

            yield return BuildRow(n, line, "line", Columns, Bindings, i => cells[i]);
        }
    }

    /// <summary>Builds the query of one data row from its cells (<paramref name="cell"/> by column index); an error
    /// names the row as "<paramref name="unit"/> <paramref name="line"/>" (<c>line 12</c> in a CSV, <c>row 12</c> in a
    /// sheet).</summary>
    internal static InputRow BuildRow(int n, int line, string unit, IReadOnlyList<string> columns, IReadOnlyList<ColumnBinding> bindings, Func<int, string> cell)
    {
        var builder = new QueryBuilder();
        string? undecodable = null;
        foreach (var b in bindings)
        {
            var value = cell(b.Index);
            if (undecodable is null && value.Contains('\uFFFD', StringComparison.Ordinal))
            {
                undecodable = columns[b.Index];
            }

            builder.Add(b.Field, value);
        }

        if (undecodable is not null)
        {
            // The reader turned bytes that are not UTF-8 into U+FFFD: screening the altered name would look like a
            // clean result for a name nobody wrote. The row is an error and the run goes on.
            return new InputRow(n, line, null, $"{unit} {line}: column '{undecodable}' holds bytes that are not UTF-8 (save the file as UTF-8)", []);
        }

        var query = builder.Build(out var error);
        if (query is not null && QueryLimits.Check(query) is { } violation)
        {
            // A name beyond the documented limits is this row's error, not the run's.
            (query, error) = (null, violation.Message);
        }

        return new InputRow(n, line, query, error is null ? null : $"{unit} {line}: {error}", builder.Warnings);
    }

    public void Dispose()
    {
        _reader.Dispose();
        if (_ownsText)
        {
            _text.Dispose();
        }
    }

    /// <summary>The mapping value that leaves a column out (<c>--map 'Notes=ignore'</c>), even one whose header names a field.</summary>
    public const string Ignore = "ignore";

    /// <summary>Binds header columns to fields: by name, with <paramref name="mappings"/> (column → field name, or
    /// <see cref="Ignore"/>) taking precedence; throws <see cref="ArgumentException"/> naming <paramref name="source"/>
    /// for an unknown field or column, or when no column gives a name.</summary>
    internal static (List<ColumnBinding> Bindings, List<string> Notes) Bind(IReadOnlyList<string> header, IReadOnlyDictionary<string, string>? mappings, string source)
    {
        var result = new List<ColumnBinding>();
        var notes = new List<string>();
        var mapped = new Dictionary<string, QueryField>(StringComparer.OrdinalIgnoreCase);
        var ignored = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (mappings is not null)
        {
            foreach (var (column, fieldName) in mappings)
            {
                if (string.Equals(fieldName.Trim(), Ignore, StringComparison.OrdinalIgnoreCase))
                {
                    if (!header.Contains(column, StringComparer.OrdinalIgnoreCase))
                    {
                        throw new ArgumentException($"--map {column}={fieldName}: {source} has no column '{column}' (header: {string.Join(", ", header)})");
                    }

                    ignored.Add(column);
                    continue;
                }

                if (!QueryFields.TryParse(fieldName, out var f))
                {
                    throw new ArgumentException($"--map {column}={fieldName}: unknown field '{fieldName}' (fields: {string.Join(", ", Enum.GetValues<QueryField>().Select(x => x.WireName()))}, or {Ignore})");
                }

                if (!header.Contains(column, StringComparer.OrdinalIgnoreCase))
                {
                    throw new ArgumentException($"--map {column}={fieldName}: {source} has no column '{column}' (header: {string.Join(", ", header)})");
                }

                mapped[column] = f;
            }
        }

        for (var i = 0; i < header.Count; i++)
        {
            if (ignored.Contains(header[i]))
            {
                continue;
            }

            if (mapped.TryGetValue(header[i], out var f))
            {
                result.Add(new ColumnBinding(i, header[i], f, true));
            }
            else if (QueryFields.TryParse(header[i], out f))
            {
                result.Add(new ColumnBinding(i, header[i], f, false));
            }
        }

        // German, French and Dutch forms put the surname under a plain "name" header beside a first-name column
        // (Name/Vorname, Nom/Prénom, Naam/Voornaam).
        if (result.Exists(b => b.Field == QueryField.FirstName) && !result.Exists(b => b.Field == QueryField.LastName))
        {
            for (var k = 0; k < result.Count; k++)
            {
                var b = result[k];
                if (!b.Mapped && b.Field == QueryField.Name && QueryFields.IsPlainName(b.Column))
                {
                    result[k] = b with { Field = QueryField.LastName };
                    notes.Add($"{source}: column '{b.Column}' read as last_name (beside a first-name column); --map '{b.Column}=name' reads it as the full name");
                }
            }
        }

        // Spanish and Italian forms: "Nombre"/"Nome" beside "Apellido(s)"/"Cognome" is the given name.
        if (result.Exists(b => b.Field == QueryField.LastName) && !result.Exists(b => b.Field == QueryField.FirstName))
        {
            for (var k = 0; k < result.Count; k++)
            {
                var b = result[k];
                if (!b.Mapped && b.Field == QueryField.Name && QueryFields.Fold(b.Column) is "nombre" or "nome")
                {
                    result[k] = b with { Field = QueryField.FirstName };
                    notes.Add($"{source}: column '{b.Column}' read as first_name (beside a last-name column); --map '{b.Column}=name' reads it as the full name");
                }
            }
        }

        if (!result.Exists(b => b.Field is QueryField.Name or QueryField.FirstName or QueryField.LastName))
        {
            throw new ArgumentException($"{source}: line 1: the header has no name column (name, full_name, first_name, last_name, or a German, French, Spanish, Italian or Dutch equivalent; or --map COLUMN=name): {string.Join(", ", header)}");
        }

        return (result, notes);
    }
}
