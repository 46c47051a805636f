using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;

namespace Comity.Ui.Tests.Support;

/// <summary>Customer files for batch tests: CSV and a minimal XLSX (inline strings), built from fixed-seed data.</summary>
internal static class Files
{
    private static readonly string[] Given = ["Anna", "Lukas", "Marta", "Jonas", "Sofia", "Piet", "Ingrid", "Tomasz", "Elif", "Kwame", "Aiko", "Rafael"];
    private static readonly string[] Family = ["Brandstetter", "Oyelaran", "Kowalczyk", "Haverkamp", "Lindqvist", "Moravec", "Castellano", "Nakashima", "Derksen", "Abernathy"];

    /// <summary>Rows of (id, name, dob, nationality): every <paramref name="every"/>th row is a listed name from
    /// <paramref name="listed"/> with no date or nationality (a random one would rightly count against the match), the
    /// rest generated names unlikely to be listed. Fixed seed.</summary>
    public static List<string[]> Rows(int count, IReadOnlyList<string> listed, int every, int seed = 20261207)
    {
        var random = new Random(seed);
        var rows = new List<string[]>(count);
        for (var i = 1; i <= count; i++)
        {
            var planted = listed.Count > 0 && i % every == 0;
            var name = planted
                ? listed[(i / every) % listed.Count]
                : $"{Given[random.Next(Given.Length)]} {Family[random.Next(Family.Length)]}-{Family[random.Next(Family.Length)]}";
            var dob = new DateOnly(1940, 1, 1).AddDays(random.Next(0, 365 * 60)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var country = random.Next(3) == 0 ? "DE" : "FR";
            rows.Add(planted ? [$"c-{i:D5}", name, string.Empty, string.Empty] : [$"c-{i:D5}", name, dob, country]);
        }

        return rows;
    }

    public static string Csv(string path, IReadOnlyList<string> header, IEnumerable<string[]> rows)
    {
        var sb = new StringBuilder();
        sb.AppendJoin(',', header.Select(Quote)).Append('\n');
        foreach (var r in rows)
        {
            sb.AppendJoin(',', r.Select(Quote)).Append('\n');
        }

        File.WriteAllText(path, sb.ToString(), new UTF8Encoding(false));
        return path;
    }

    private static string Quote(string s) => s.Contains(',', StringComparison.Ordinal) || s.Contains('"', StringComparison.Ordinal) ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;

    /// <summary>A one-sheet workbook with inline-string cells (what spreadsheet programs read and write).</summary>
    public static string Xlsx(string path, IReadOnlyList<string> header, IEnumerable<string[]> rows)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        void Entry(string name, string text)
        {
            using var w = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
            w.Write(text);
        }

        Entry("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
        Entry("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        Entry("xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Customers" sheetId="1" r:id="rId1"/></sheets></workbook>""");
        Entry("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
        var sheet = new StringBuilder("""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
        var n = 1;
        foreach (var r in new[] { header.ToArray() }.Concat(rows))
        {
            sheet.Append(CultureInfo.InvariantCulture, $"<row r=\"{n}\">");
            for (var c = 0; c < r.Length; c++)
            {
                sheet.Append(CultureInfo.InvariantCulture, $"<c r=\"{(char)('A' + c)}{n}\" t=\"inlineStr\"><is><t>{SecurityElement.Escape(r[c])}</t></is></c>");
            }

            sheet.Append("</row>");
            n++;
        }

        sheet.Append("</sheetData></worksheet>");
        Entry("xl/worksheets/sheet1.xml", sheet.ToString());
        return path;
    }
}
