using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Comity.Core.Text;

/// <summary>Finds text in parsed JSON that cannot become a .NET string: invalid UTF-8 bytes or an escaped lone
/// surrogate (<c>"\ud800x"</c>) — the parser accepts both and <see cref="JsonElement.GetString"/> throws later — or
/// text holding U+FFFE, which normalisation refuses. One walker for request bodies and FtM list files.</summary>
public static class JsonTextCheck
{
    /// <summary>The JSON path (<c>$.subjects[0].name</c>) of the first invalid string or member name, or null when
    /// all text is valid.</summary>
    public static string? FirstInvalid(JsonElement root)
    {
        var path = new StringBuilder("$");
        return Valid(root, path) ? null : path.ToString();
    }

    private static bool Valid(JsonElement e, StringBuilder path)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject())
                {
                    var mark = path.Length;
                    if (!TryName(p, out var name))
                    {
                        path.Append(".<member name>");
                        return false;
                    }

                    path.Append('.').Append(name);
                    if (!Valid(p.Value, path))
                    {
                        return false;
                    }

                    path.Length = mark;
                }

                return true;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in e.EnumerateArray())
                {
                    var mark = path.Length;
                    path.Append('[').Append(i.ToString(CultureInfo.InvariantCulture)).Append(']');
                    if (!Valid(item, path))
                    {
                        return false;
                    }

                    path.Length = mark;
                    i++;
                }

                return true;
            case JsonValueKind.String:
                try
                {
                    return e.GetString() is not { } text || !text.Contains('\uFFFE', StringComparison.Ordinal);
                }
                catch (InvalidOperationException)
                {
                    return false;
                }

            default:
                return true;
        }
    }

    private static bool TryName(JsonProperty p, out string name)
    {
        try
        {
            name = p.Name;
            return !name.Contains('\uFFFE', StringComparison.Ordinal);
        }
        catch (InvalidOperationException)
        {
            name = string.Empty;
            return false;
        }
    }
}
