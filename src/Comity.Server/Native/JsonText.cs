using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Comity.Server.Native;

/// <summary>Finds text in a parsed JSON body that cannot become a .NET string: invalid UTF-8 bytes or an escaped
/// lone surrogate (<c>"\ud800"</c>). The parser accepts both; reading such a string later would throw deep inside a
/// handler, so every JSON body is checked once up front and refused with the path of the field.</summary>
internal static class JsonText
{
    /// <summary>The JSON path (<c>$.subjects[0].name</c>) of the first invalid string or member name, or null when
    /// all text is valid.</summary>
    public static string? FirstInvalid(JsonElement root)
    {
        var path = new StringBuilder("$");
        return Walk(root, path) ? null : path.ToString();
    }

    /// <summary>The 400 detail for an invalid path.</summary>
    public static string Detail(string path) =>
        $"{path}: the text is not valid Unicode (invalid UTF-8 bytes, a lone surrogate escape or U+FFFE); send UTF-8 text.";

    private static bool Walk(JsonElement e, StringBuilder path)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject())
                {
                    var mark = path.Length;
                    string name;
                    try
                    {
                        name = p.Name;
                        if (name.Contains('\uFFFE', StringComparison.Ordinal))
                        {
                            path.Append(".<member name>");
                            return false;
                        }
                    }
                    catch (InvalidOperationException)
                    {
                        path.Append(".<member name>");
                        return false;
                    }

                    path.Append('.').Append(name);
                    if (!Walk(p.Value, path))
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
                    if (!Walk(item, path))
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
                    // U+FFFE decodes, but normalisation refuses it like a lone surrogate: not text either.
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
}
