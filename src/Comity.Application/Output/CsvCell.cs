namespace Comity.Application.Output;

/// <summary>CSV cell quoting that also neutralises spreadsheet formulas (a cell starting with <c>=</c>, <c>+</c>,
/// <c>-</c>, <c>@</c>, tab or carriage return is prefixed with an apostrophe), so exported names cannot execute in
/// Excel or LibreOffice.</summary>
internal static class CsvCell
{
    public static string Escape(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }
}
