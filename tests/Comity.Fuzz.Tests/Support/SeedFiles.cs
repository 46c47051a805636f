using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Comity.Fuzz.Tests.Support;

/// <summary>A real list as a fuzz seed: the file or folder, the file inside it that is mutated, and its bytes (a large
/// file reduced while keeping its real structure: the first records of an XML document, the first lines of a CSV).</summary>
public sealed record SeedList(string Name, string Path, string Target, byte[] Bytes, int Cases)
{
    public override string ToString() => Name;

    /// <summary>Writes the list with <paramref name="target"/> bytes into a fresh folder; returns the path to load.</summary>
    public string Write(byte[] target)
    {
        var dir = Directory.CreateTempSubdirectory("comity-fuzz").FullName;
        if (Directory.Exists(Path))
        {
            var folder = System.IO.Path.Combine(dir, System.IO.Path.GetFileName(Path));
            Directory.CreateDirectory(folder);
            foreach (var f in Directory.GetFiles(Path))
            {
                File.Copy(f, System.IO.Path.Combine(folder, System.IO.Path.GetFileName(f)));
            }

            File.WriteAllBytes(System.IO.Path.Combine(folder, Target), target);
            return folder;
        }

        var file = System.IO.Path.Combine(dir, System.IO.Path.GetFileName(Path));
        File.WriteAllBytes(file, target);
        return file;
    }
}

/// <summary>The seeds: one per list reader, from data/lists (real official files), data/icc and data/constructed
/// (the formats no official sample is bundled for).</summary>
public static class SeedFiles
{
    private static readonly Lazy<IReadOnlyList<SeedList>> Lazy = new(Build);

    public static IReadOnlyList<SeedList> All => Lazy.Value;

    public static string Root { get; } = FindRoot();

    public static string Data(params string[] parts) => Path.Combine([Root, "data", .. parts]);

    private static List<SeedList> Build() =>
    [
        Folder("ofac-csv", Data("lists", "ofac", "cons-csv"), "cons_prim.csv", Head(Data("lists", "ofac", "cons-csv", "cons_prim.csv"), 80)),
        Folder("ofac-csv-alt", Data("lists", "ofac", "cons-csv"), "cons_alt.csv", Head(Data("lists", "ofac", "cons-csv", "cons_alt.csv"), 80)),
        File("ofac-xml", Data("lists", "ofac", "xml", "consolidated.xml"), ReduceXml),
        File("ofac-advanced-fragment", Data("lists", "ofac", "advanced-xml", "fragments-2024-03-06", "minified_DistinctParties.xml"), System.IO.File.ReadAllBytes),
        File("ofac-advanced", Data("constructed", "ofac-advanced", "sdn_advanced_constructed.xml"), ReduceXml),
        File("ofac-enhanced", Data("lists", "ofac", "enhanced-xml", "CONS_ENHANCED.XML"), ReduceXml),
        File("un", Data("lists", "un", "UN_consolidated.xml"), ReduceXml),
        File("eu-fsf-xml", Data("lists", "eu", "sample_eu_fsf.xml"), ReduceXml),
        File("eu-fsf-csv", Data("constructed", "eu", "fsf-csv-1_1-from-sample.csv"), p => Head(p, 80)),
        File("eu-programmes-xlsx", Data("lists", "eu", "Abbreviation FSD extract program (1).xlsx"), System.IO.File.ReadAllBytes, cases: 8),
        File("uk-ofsi-csv-2022", Data("constructed", "uk", "ConList-2022-format-excerpt.csv"), p => Head(p, 60)),
        File("uk-ofsi-csv-2018", Data("lists", "uk", "ofsi-conlist-csv-2018", "sanctionsconlist.csv"), p => Head(p, 60)),
        File("uk-fcdo-xml", Data("constructed", "uk", "UK-Sanctions-List-constructed.xml"), ReduceXml),
        File("uk-fcdo-csv", Data("constructed", "uk", "UK-Sanctions-List-constructed.csv"), System.IO.File.ReadAllBytes),
        File("uk-fcdo-ods", Data("lists", "uk", "fcdo", "FCDO_SL_Mon_Aug 11 2025.ods"), System.IO.File.ReadAllBytes, cases: 8),
        File("ch-seco", Data("lists", "ch", "seco.xml"), ReduceXml),
        File("ca-sema", Data("lists", "ca", "sema-consolidated.xml"), ReduceXml),
        File("au-dfat-xlsx", Data("lists", "au", "regulation8_consolidated.xlsx"), System.IO.File.ReadAllBytes, cases: 8),
        File("us-csl", Data("lists", "us", "csl", "consolidated.csv"), p => Head(p, 60)),
        File("us-dpl", Data("lists", "us", "bis-dpl", "dpl.txt"), p => Head(p, 60)),
        Folder("icc-warrants", Data("icc"), "warrants.csv", System.IO.File.ReadAllBytes(Data("icc", "warrants.csv"))),
        File("ftm-lines", Data("constructed", "ftm", "entities.ftm.json"), System.IO.File.ReadAllBytes),
        File("ftm-array", Data("constructed", "ftm", "entities-array.json"), System.IO.File.ReadAllBytes),
        File("custom-csv", Data("constructed", "custom", "watchlist.csv"), System.IO.File.ReadAllBytes),
    ];

    private static SeedList File(string name, string path, Func<string, byte[]> bytes, int cases = 24) =>
        new(name, path, System.IO.Path.GetFileName(path), bytes(path), cases);

    private static SeedList Folder(string name, string path, string target, byte[] bytes) => new(name, path, target, bytes, 24);

    /// <summary>The first <paramref name="lines"/> lines of a text file.</summary>
    private static byte[] Head(string path, int lines)
    {
        var bytes = System.IO.File.ReadAllBytes(path);
        var at = 0;
        for (var i = 0; i < lines && at < bytes.Length; i++)
        {
            var next = bytes.AsSpan(at).IndexOf((byte)'\n');
            if (next < 0)
            {
                return bytes;
            }

            at += next + 1;
        }

        return bytes[..at];
    }

    /// <summary>The document with every run of more than 6 same-named siblings cut to its first 6: the structure of
    /// the real file (every record shape near the start), a fraction of its size.</summary>
    private static byte[] ReduceXml(string path)
    {
        var doc = XDocument.Load(path, LoadOptions.PreserveWhitespace);
        foreach (var parent in doc.Descendants().ToList())
        {
            foreach (var group in parent.Elements().GroupBy(e => e.Name).Where(g => g.Count() > 6).ToList())
            {
                foreach (var extra in group.Skip(6).ToList())
                {
                    extra.Remove();
                }
            }
        }

        using var ms = new MemoryStream();
        using (var w = XmlWriter.Create(ms, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false }))
        {
            doc.Save(w);
        }

        return ms.ToArray();
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "Comity.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Comity.slnx not found above " + AppContext.BaseDirectory);
    }
}
