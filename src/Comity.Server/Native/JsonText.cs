using Comity.Core.Text;

namespace Comity.Server.Native;

/// <summary>Refuses text in a parsed JSON body that cannot become a .NET string (invalid UTF-8, an escaped lone
/// surrogate, U+FFFE): reading it later would throw deep inside a handler, so every JSON body is checked once up front
/// (<see cref="JsonTextCheck"/>) and refused with the path of the field.</summary>
internal static class JsonText
{
    /// <summary>The JSON path (<c>$.subjects[0].name</c>) of the first invalid string or member name, or null.</summary>
    public static string? FirstInvalid(System.Text.Json.JsonElement root) => JsonTextCheck.FirstInvalid(root);

    /// <summary>The 400 detail for an invalid path.</summary>
    public static string Detail(string path) =>
        $"{path}: the text is not valid Unicode (invalid UTF-8 bytes, a lone surrogate escape or U+FFFE); send UTF-8 text.";
}
