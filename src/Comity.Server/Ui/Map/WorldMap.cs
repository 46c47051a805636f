using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Comity.Server.Ui.Map;

/// <summary>One country of the map: ISO 3166-1 alpha-2 code (null when the geometry has none), its name in the
/// geometry file, and its outline as SVG path data in the map's coordinates.</summary>
internal sealed record MapShape(string? Iso2, string Name, string Path);

/// <summary>The world as SVG paths: Natural Earth 1:110m countries (world-atlas 2.0.2, vendored with its provenance
/// in <c>Ui/Assets/map</c>), decoded from TopoJSON and projected once, server-side, with the Equal Earth projection
/// (Šavrič, Patterson, Jenny 2018). No script and no network are needed to draw it.</summary>
internal static class WorldMap
{
    public const double Width = 960;

    private const double A1 = 1.340264, A2 = -0.081106, A3 = 0.000893, A4 = 0.003796;
    private static readonly double M = Math.Sqrt(3) / 2;
    private static readonly double Scale = Width / (2 * Math.PI / (M * A1));
    private static readonly Lazy<(IReadOnlyList<MapShape> Shapes, double Height)> Map = new(Build);

    /// <summary>Every country outline (Antarctica excluded: no state, and it would take a fifth of the height).</summary>
    public static IReadOnlyList<MapShape> Shapes => Map.Value.Shapes;

    public static double Height => Map.Value.Height;

    /// <summary>Equal Earth: longitude and latitude in degrees to map coordinates (y down).</summary>
    internal static (double X, double Y) Project(double lon, double lat)
    {
        var lambda = lon * Math.PI / 180;
        var phi = lat * Math.PI / 180;
        var l = Math.Asin(M * Math.Sin(phi));
        var l2 = l * l;
        var l6 = l2 * l2 * l2;
        var x = lambda * Math.Cos(l) / (M * (A1 + (3 * A2 * l2) + (l6 * ((7 * A3) + (9 * A4 * l2)))));
        var y = l * (A1 + (A2 * l2) + (l6 * (A3 + (A4 * l2))));
        return ((Width / 2) + (x * Scale), Top - (y * Scale));
    }

    /// <summary>The projected y of the map's top edge: 84° N (no state lies further north).</summary>
    private static readonly double Top = TopOf();

    private static double TopOf()
    {
        var phi = 84 * Math.PI / 180;
        var l = Math.Asin(M * Math.Sin(phi));
        var l2 = l * l;
        var l6 = l2 * l2 * l2;
        return l * (A1 + (A2 * l2) + (l6 * (A3 + (A4 * l2)))) * Scale;
    }

    private static (IReadOnlyList<MapShape>, double) Build()
    {
        var numeric = NumericCodes();
        using var stream = UiAssets.Open("map/world-atlas-countries-110m.json")
            ?? throw new InvalidOperationException("the map geometry is not embedded");
        using var doc = JsonDocument.Parse(stream);
        var root = doc.RootElement;
        var transform = root.GetProperty("transform");
        var scale = transform.GetProperty("scale");
        var translate = transform.GetProperty("translate");
        var (sx, sy) = (scale[0].GetDouble(), scale[1].GetDouble());
        var (tx, ty) = (translate[0].GetDouble(), translate[1].GetDouble());

        // Arcs are delta-encoded quantised positions: decode and project once.
        var arcs = new List<(double X, double Y)[]>();
        foreach (var arc in root.GetProperty("arcs").EnumerateArray())
        {
            var points = new (double, double)[arc.GetArrayLength()];
            long qx = 0, qy = 0;
            var i = 0;
            foreach (var p in arc.EnumerateArray())
            {
                qx += p[0].GetInt64();
                qy += p[1].GetInt64();
                points[i++] = Project((qx * sx) + tx, (qy * sy) + ty);
            }

            arcs.Add(points);
        }

        var shapes = new List<MapShape>();
        var bottom = 0.0;
        foreach (var g in root.GetProperty("objects").GetProperty("countries").GetProperty("geometries").EnumerateArray())
        {
            var name = g.GetProperty("properties").GetProperty("name").GetString() ?? string.Empty;
            var id = g.TryGetProperty("id", out var idValue) && idValue.ValueKind == JsonValueKind.String ? idValue.GetString() : null;
            if (id == "010")
            {
                continue;
            }

            var iso2 = id is not null && numeric.TryGetValue(id, out var a2) ? a2 : name == "Kosovo" ? "XK" : null;
            var path = new StringBuilder();
            var type = g.GetProperty("type").GetString();
            if (type == "Polygon")
            {
                Polygon(path, g.GetProperty("arcs"), arcs, ref bottom);
            }
            else if (type == "MultiPolygon")
            {
                foreach (var polygon in g.GetProperty("arcs").EnumerateArray())
                {
                    Polygon(path, polygon, arcs, ref bottom);
                }
            }

            if (path.Length > 0)
            {
                shapes.Add(new MapShape(iso2, name, path.ToString()));
            }
        }

        return (shapes, Math.Ceiling(bottom + 2));
    }

    private static void Polygon(StringBuilder path, JsonElement rings, List<(double X, double Y)[]> arcs, ref double bottom)
    {
        foreach (var ring in rings.EnumerateArray())
        {
            var text = new StringBuilder();
            var first = true;
            var wraps = false;
            var low = bottom;
            (double X, double Y) last = (double.NaN, double.NaN);
            foreach (var index in ring.EnumerateArray())
            {
                var i = index.GetInt32();
                var arc = arcs[i < 0 ? ~i : i];
                for (var k = 0; k < arc.Length; k++)
                {
                    var p = arc[i < 0 ? arc.Length - 1 - k : k];
                    if (!first && Math.Abs(p.X - last.X) > Width / 2)
                    {
                        // A ring that crosses the antimeridian (a few Fijian and Chukotkan islets) would draw a line
                        // across the world: it is left out at this scale.
                        wraps = true;
                    }

                    if (!first && Math.Abs(p.X - last.X) < 0.4 && Math.Abs(p.Y - last.Y) < 0.4)
                    {
                        continue;
                    }

                    text.Append(first ? 'M' : 'L')
                        .Append(p.X.ToString("0.#", CultureInfo.InvariantCulture)).Append(',')
                        .Append(p.Y.ToString("0.#", CultureInfo.InvariantCulture));
                    low = Math.Max(low, p.Y);
                    last = p;
                    first = false;
                }
            }

            if (!first && !wraps)
            {
                path.Append(text).Append('Z');
                bottom = low;
            }
        }
    }

    private static Dictionary<string, string> NumericCodes()
    {
        using var stream = UiAssets.Open("map/iso3166-numeric.tsv") ?? throw new InvalidOperationException("iso3166-numeric.tsv is not embedded");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            map[line[..tab]] = line[(tab + 1)..];
        }

        return map;
    }
}
