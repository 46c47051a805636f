using System.Globalization;
using Comity.Core.Model;

namespace Comity.Law.Data;

/// <summary>One record of a law data file, with typed accessors that fail with file and line.</summary>
internal sealed class CsvRecord(string file, int line, IReadOnlyDictionary<string, string> values)
{
    public string File { get; } = file;

    public int Line { get; } = line;

    /// <summary>The trimmed cell; empty when blank.</summary>
    public string Text(string column) => values[column];

    public string? Optional(string column)
    {
        var v = values[column];
        return v.Length == 0 ? null : v;
    }

    public string Required(string column)
    {
        var v = values[column];
        return v.Length == 0 ? throw Error($"column '{column}' is empty") : v;
    }

    public DateOnly Date(string column) =>
        OptionalDate(column) ?? throw Error($"column '{column}' is empty");

    public DateOnly? OptionalDate(string column)
    {
        var v = values[column];
        if (v.Length == 0)
        {
            return null;
        }

        return DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw Error($"column '{column}': '{v}' is not a date (yyyy-MM-dd)");
    }

    public PartialDate? OptionalPartialDate(string column)
    {
        var v = values[column];
        if (v.Length == 0)
        {
            return null;
        }

        return PartialDate.TryParseIso(v, out var d) && IsValid(d)
            ? d
            : throw Error($"column '{column}': '{v}' is not a date (yyyy, yyyy-MM or yyyy-MM-dd)");
    }

    public int? OptionalInt(string column)
    {
        var v = values[column];
        if (v.Length == 0)
        {
            return null;
        }

        return int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw Error($"column '{column}': '{v}' is not a whole number");
    }

    /// <summary><c>confirmed</c> → false, <c>unconfirmed</c> → true; anything else fails.</summary>
    public bool Unconfirmed(string column = "verification") => values[column] switch
    {
        "confirmed" => false,
        "unconfirmed" => true,
        var v => throw Error($"column '{column}': '{v}' is neither 'confirmed' nor 'unconfirmed'"),
    };

    public T OneOf<T>(string column, IReadOnlyDictionary<string, T> allowed) =>
        allowed.TryGetValue(values[column], out var v)
            ? v
            : throw Error($"column '{column}': '{values[column]}' is not one of {string.Join(", ", allowed.Keys)}");

    public LawDataException Error(string message) => new(File, Line, message);

    private static bool IsValid(PartialDate d)
    {
        if (d.Year is < 1 or > 9999 || d.Month is < 0 or > 12)
        {
            return false;
        }

        return !d.HasMonth || d.Day == 0 || d.Day <= DateTime.DaysInMonth(d.Year, d.Month);
    }
}
