using System.Globalization;
using System.Text.Json;
using Comity.Core.Text;

namespace Comity.Sources.Ftm;

/// <summary>Finds a JSON string or member name that cannot be read as a .NET string (an escaped lone surrogate such as
/// <c>"\ud800x"</c>, or invalid UTF-8): the parser accepts it and <see cref="JsonElement.GetString"/> throws later;
/// or text holding U+FFFE, which normalisation refuses.</summary>
internal static class JsonStrings
{
    /// <summary>The path (<c>$.properties.name[0]</c>) of the first invalid text, or null when all of it is valid.</summary>
    public static string? FirstInvalid(JsonElement root) => JsonTextCheck.FirstInvalid(root);

    /// <summary>The 1-based line of the first unpaired <c>\uD800</c>–<c>\uDFFF</c> escape in a JSON file, or null: a
    /// parsed array element carries no position, so a failure found in it is located by this scan.</summary>
    public static int? LineOfLoneSurrogate(string path)
    {
        using var reader = new StreamReader(path);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (HasLoneSurrogate(line))
            {
                return number;
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="line"/> holds a high surrogate escape not followed by a low one, or a low
    /// one not preceded by a high one.</summary>
    public static bool HasLoneSurrogate(ReadOnlySpan<char> line)
    {
        var previousHigh = false;
        var at = 0;
        while (at < line.Length)
        {
            var i = line[at..].IndexOf("\\u", StringComparison.Ordinal);
            if (i < 0)
            {
                return previousHigh;
            }

            i += at;
            var escaped = i > 0 && line[i - 1] == '\\';
            if (!escaped && i + 6 <= line.Length && ushort.TryParse(line.Slice(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var unit))
            {
                var adjacent = previousHigh && i == at;
                if (previousHigh && !(adjacent && char.IsLowSurrogate((char)unit)))
                {
                    return true;
                }

                if (char.IsLowSurrogate((char)unit) && !adjacent)
                {
                    return true;
                }

                previousHigh = char.IsHighSurrogate((char)unit);
                at = i + 6;
                continue;
            }

            if (previousHigh)
            {
                return true;
            }

            at = i + 2;
        }

        return previousHigh;
    }
}
