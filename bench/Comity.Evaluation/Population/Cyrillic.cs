using System.Text;

namespace Comity.Evaluation.Population;

/// <summary>Russian and Ukrainian name helpers: romanisation (our own tables, close to the passport systems),
/// feminine surnames and patronymics.</summary>
internal static class Cyrillic
{
    private static readonly Dictionary<char, string> Russian = Table(
        "а a|б b|в v|г g|д d|е e|ё e|ж zh|з z|и i|й y|к k|л l|м m|н n|о o|п p|р r|с s|т t|у u|ф f|х kh|ц ts|ч ch|ш sh|щ shch|ъ |ы y|ь |э e|ю yu|я ya|« \"|» \"");

    private static readonly Dictionary<char, string> Ukrainian = Table(
        "а a|б b|в v|г h|ґ g|д d|е e|є ie|ж zh|з z|и y|і i|ї i|й i|к k|л l|м m|н n|о o|п p|р r|с s|т t|у u|ф f|х kh|ц ts|ч ch|ш sh|щ shch|ь |ю iu|я ia|' |« \"|» \"");

    public static string ToLatinRussian(string text) => Romanise(text, Russian);

    public static string ToLatinUkrainian(string text) => Romanise(text, Ukrainian);

    /// <summary>Смирнов → Смирнова, Белоусов → Белоусова, Достоевский → Достоевская.</summary>
    public static string FemaleRussianFamily(string family) =>
        family.EndsWith("ский", StringComparison.Ordinal) || family.EndsWith("цкий", StringComparison.Ordinal)
            ? family[..^2] + "ая"
            : family.EndsWith("ов", StringComparison.Ordinal) || family.EndsWith("ев", StringComparison.Ordinal)
              || family.EndsWith("ёв", StringComparison.Ordinal) || family.EndsWith("ин", StringComparison.Ordinal)
                ? family + "а"
                : family;

    /// <summary>Иван → Иванович / Ивановна; Сергей → Сергеевич / Сергеевна; Игорь → Игоревич / Игоревна.</summary>
    public static string? RussianPatronymic(string father, bool female)
    {
        var last = father[^1];
        if (last is 'й' or 'ь')
        {
            return father[..^1] + (female ? "евна" : "евич");
        }

        return "аеёиоуыэюя".Contains(last, StringComparison.Ordinal) ? null : father + (female ? "овна" : "ович");
    }

    /// <summary>Тарас → Тарасович / Тарасівна; Юрій → Юрійович / Юріївна; Дмитро → Дмитрович / Дмитрівна.</summary>
    public static string? UkrainianPatronymic(string father, bool female)
    {
        var last = father[^1];
        if (last == 'й')
        {
            return female ? father[..^1] + "ївна" : father + "ович";
        }

        if (last == 'о')
        {
            return father[..^1] + (female ? "івна" : "ович");
        }

        return "аеєиіїоуюяь".Contains(last, StringComparison.Ordinal) ? null : father + (female ? "івна" : "ович");
    }

    private static string Romanise(string text, Dictionary<char, string> table)
    {
        var sb = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var lower = char.ToLowerInvariant(c);
            if (!table.TryGetValue(lower, out var latin))
            {
                sb.Append(c);
                continue;
            }

            if (latin.Length > 0 && char.IsUpper(c))
            {
                var nextUpper = i + 1 < text.Length && char.IsUpper(text[i + 1]);
                latin = nextUpper ? latin.ToUpperInvariant() : char.ToUpperInvariant(latin[0]) + latin[1..];
            }

            sb.Append(latin);
        }

        return sb.ToString();
    }

    private static Dictionary<char, string> Table(string spec)
    {
        var table = new Dictionary<char, string>();
        foreach (var entry in spec.Split('|'))
        {
            table[entry[0]] = entry[2..];
        }

        return table;
    }
}
