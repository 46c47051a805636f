namespace Comity.Sources.Common;

/// <summary>The writing system of a name, from its letters (for lists that mark a name as "original script" without
/// saying which).</summary>
internal static class ScriptCodes
{
    /// <summary>The ISO 15924 code of the first non-Latin letter's script, or null.</summary>
    public static string? Of(string name)
    {
        foreach (var c in name)
        {
            string? script = c switch
            {
                >= '\u0400' and <= '\u04FF' => "Cyrl",
                >= '\u0370' and <= '\u03FF' => "Grek",
                >= '\u0530' and <= '\u058F' => "Armn",
                >= '\u0590' and <= '\u05FF' => "Hebr",
                >= '\u0600' and <= '\u06FF' => "Arab",
                >= '\u0E00' and <= '\u0E7F' => "Thai",
                >= '\u1000' and <= '\u109F' => "Mymr",
                >= '\u10A0' and <= '\u10FF' => "Geor",
                >= '\uAC00' and <= '\uD7AF' => "Hang",
                >= '\u4E00' and <= '\u9FFF' => "Hani",
                _ => null,
            };
            if (script is not null)
            {
                return script;
            }
        }

        return null;
    }
}
