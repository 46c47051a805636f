using System.Globalization;
using Comity.Server.Ui.Map;

namespace Comity.Ui.Tests;

/// <summary>The vendored Natural Earth geometry decodes and projects into sane SVG paths (no browser needed).</summary>
public sealed class WorldMapTests
{
    [Fact]
    public void Every_country_is_a_closed_path_inside_the_map_with_its_iso_code()
    {
        var shapes = WorldMap.Shapes;
        Assert.InRange(shapes.Count, 170, 177);
        var codes = shapes.Where(s => s.Iso2 is not null).Select(s => s.Iso2!).ToList();
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.Subset(codes.ToHashSet(), new HashSet<string>(["DE", "HU", "BF", "US", "IL", "XK", "RU", "FJ", "BR"]));
        Assert.DoesNotContain(shapes, s => s.Name == "Antarctica");
        Assert.InRange(WorldMap.Height, 300, WorldMap.Width);
        foreach (var shape in shapes)
        {
            Assert.StartsWith("M", shape.Path, StringComparison.Ordinal);
            Assert.EndsWith("Z", shape.Path, StringComparison.Ordinal);
            foreach (var ring in shape.Path.Split('Z', StringSplitOptions.RemoveEmptyEntries))
            {
                var points = ring.Split(['M', 'L'], StringSplitOptions.RemoveEmptyEntries)
                    .Select(p => p.Split(',')).Select(p => (X: double.Parse(p[0], CultureInfo.InvariantCulture), Y: double.Parse(p[1], CultureInfo.InvariantCulture))).ToList();
                Assert.All(points, p => Assert.True(p.X is >= 0 and <= WorldMap.Width && p.Y >= 0 && p.Y <= WorldMap.Height, $"{shape.Name} at {p}"));
                Assert.All(points.Zip(points.Skip(1)), s => Assert.True(Math.Abs(s.First.X - s.Second.X) < WorldMap.Width / 2, $"{shape.Name} jumps across the map"));
            }
        }

        // Equal Earth: the central meridian is the middle; Berlin lies east of it and north of Lagos.
        var berlin = WorldMap.Project(13.4, 52.5);
        var lagos = WorldMap.Project(3.4, 6.5);
        Assert.Equal(WorldMap.Width / 2, WorldMap.Project(0, 10).X, 6);
        Assert.True(berlin.X > WorldMap.Width / 2 && berlin.Y < lagos.Y);
    }
}
