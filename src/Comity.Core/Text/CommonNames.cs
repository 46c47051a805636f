using System.Collections.Frozen;

namespace Comity.Core.Text;

/// <summary>The given names and surnames most common in the populations that screen (published frequency tables:
/// the US Census 2010 surname and SSA given-name rankings, the UK ONS, China's 2020 surname ranking, Korea's 2015
/// census, Vietnam, India, Pakistan, Iran, the Arab world, Russia, Germany, Spain and Latin America, Brazil, Italy,
/// Turkey, Japan, Israel), normalised as names are. A sanctions list rarely names a Smith or a Wang, so rarity in the
/// lists alone calls them informative; in a customer file they are the most frequent names of all. Their rarity is
/// capped at <see cref="MaxRarity"/>: they weigh like the lists' own common names (Mohammed, Ali).</summary>
internal static class CommonNames
{
    /// <summary>Rarity cap of a common name.</summary>
    public const double MaxRarity = 0.35;

    public static readonly FrozenSet<string> Words = FrozenSet.Create(StringComparer.Ordinal,
        // Given names
        "john", "james", "robert", "michael", "william", "david", "richard", "joseph", "thomas", "charles", "christopher",
        "daniel", "matthew", "anthony", "mark", "paul", "steven", "andrew", "george", "edward", "peter", "mary",
        "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan", "jessica", "sarah", "karen", "lisa", "nancy",
        "emily", "anna", "maria", "jose", "juan", "carlos", "luis", "antonio", "manuel", "francisco", "jorge", "pedro",
        "miguel", "ana", "carmen", "rosa", "laura", "mohammed", "muhammad", "mohammad", "mohamed", "mohamad", "ahmed",
        "ahmad", "ali", "hassan", "hussein", "hussain", "hossein", "mahmoud", "omar", "umar", "abdul", "abdullah",
        "fatima", "aisha", "ibrahim", "yusuf", "mustafa", "mehmet", "reza", "amir", "mehdi", "wei", "jun", "ming", "hao",
        "yan", "jing", "min", "hui", "ling", "fang", "lei", "jie", "yong", "alexander", "aleksandr", "sergey", "sergei",
        "andrey", "andrei", "dmitry", "dmitriy", "ivan", "vladimir", "nikolay", "nikolai", "olga", "elena", "natalia",
        "natalya", "irina", "tatiana", "tatyana", "oleksandr", "andriy", "olena", "raj", "rahul", "amit", "priya",
        "sunil", "anil", "hans", "peter", "thomas", "marco", "giuseppe", "francesco", "joao", "lucas", "ji", "hoon",
        "seo", "yeon", "hiroshi", "yuki", "moshe", "yosef", "van", "thi", "minh", "anh",
        // Surnames
        "smith", "johnson", "williams", "brown", "jones", "garcia", "miller", "davis", "rodriguez", "martinez",
        "hernandez", "lopez", "gonzalez", "wilson", "anderson", "taylor", "moore", "jackson", "martin", "lee", "perez",
        "thompson", "white", "harris", "sanchez", "clark", "ramirez", "lewis", "robinson", "walker", "young", "allen",
        "king", "wright", "scott", "torres", "hill", "green", "evans", "roberts", "davies", "wang", "li", "zhang", "liu",
        "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun", "ma", "zhu", "hu", "guo", "he", "lin", "gao", "luo",
        "kim", "park", "choi", "jung", "jeong", "kang", "cho", "yoon", "jang", "lim", "nguyen", "tran", "pham", "hoang",
        "singh", "kumar", "sharma", "patel", "gupta", "khan", "shah", "malik", "hussain", "ivanov", "smirnov",
        "kuznetsov", "popov", "petrov", "sokolov", "ivanova", "smirnova", "kuznetsova", "popova", "petrova",
        "shevchenko", "kovalenko", "bondarenko", "muller", "mueller", "schmidt", "schneider", "fischer", "weber",
        "meyer", "rossi", "russo", "ferrari", "silva", "santos", "oliveira", "souza", "pereira", "fernandez", "gomez",
        "diaz", "yilmaz", "kaya", "demir", "sato", "suzuki", "takahashi", "tanaka", "cohen", "levi", "mohammadi",
        "hosseini", "ahmadi", "rezaei", "karimi");
}
