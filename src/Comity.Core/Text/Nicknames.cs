using System.Collections.Frozen;

namespace Comity.Core.Text;

/// <summary>Given names and their nicknames or short forms, in groups (a name may sit in several: Alex is Alexander and
/// Aleksei). Written for this project from common knowledge of naming customs: English diminutives (Bill, Will for
/// William; Bob for Robert; Peggy for Margaret), Russian, Ukrainian and Belarusian ones (Sasha for Aleksandr, Volodya
/// and Vova for Vladimir, Misha for Mikhail), Spanish and Portuguese hypocoristics (Pepe for José, Paco and Pancho for
/// Francisco, Nacho for Ignacio), Italian, German, French and Arabic short forms. A nickname is evidence that two given
/// names are one, a little weaker than a mined spelling variant.</summary>
internal static class Nicknames
{
    private static readonly string[] Groups =
    [
        "william bill billy will willy liam wilhelm", "robert bob bobby rob robbie bert", "richard dick rick ricky rich",
        "james jim jimmy jamie", "john jack johnny jon", "michael mike mikey mick", "thomas tom tommy", "joseph joe joey",
        "charles charlie chuck", "edward ed eddie ted teddy", "theodore ted teddy theo", "anthony tony", "christopher chris kit",
        "daniel dan danny", "david dave davey", "matthew matt", "nicholas nick nicky", "alexander alex sandy sasha", "benjamin ben benny",
        "samuel sam sammy", "stephen steve stevie", "steven steve", "timothy tim timmy", "gregory greg", "patrick pat paddy",
        "peter pete", "ronald ron ronnie", "donald don donnie", "kenneth ken kenny", "lawrence larry", "raymond ray",
        "frederick fred freddie", "henry harry hank", "elizabeth liz beth betty lizzie eliza", "margaret maggie peggy meg",
        "katherine kate kathy katie", "catherine cathy kate", "patricia pat patty trish", "susan sue susie", "jennifer jen jenny",
        "rebecca becky", "deborah debbie deb", "victoria vicky tori", "abraham abe", "andrew andy drew", "albert al bert",
        "leonard leo len lenny", "vincent vince vinny", "jacob jake", "joshua josh", "nathaniel nate nat", "zachary zach",
        "aleksandr sasha sanya shura alex", "alexandr sasha shura", "oleksandr sashko sasha oles", "aliaksandr sasha",
        "aleksei alyosha lyosha alex", "alexei alyosha lyosha", "alexey alyosha lyosha", "aleksey alyosha lyosha",
        "dmitry dima mitya", "dmitri dima mitya", "dmitriy dima", "vladimir volodya vova volodia", "volodymyr volodya vova",
        "mikhail misha", "nikolai kolya", "nikolay kolya", "mykola kolya", "sergei seryozha serezha", "sergey seryozha serezha",
        "serhiy seryozha", "ivan vanya", "yevgeny zhenya", "evgeny zhenya", "yevgeniy zhenya", "evgeniy zhenya", "pavel pasha",
        "konstantin kostya", "anatoly tolya", "anatoliy tolya", "viktor vitya", "boris borya", "yuri yura", "yury yura",
        "yuriy yura", "grigory grisha", "grigoriy grisha", "andrei andryusha", "andrey andryusha", "vyacheslav slava",
        "stanislav stas", "vasily vasya", "vasiliy vasya", "yaroslav slava", "rostislav slava", "vsevolod seva",
        "yekaterina katya", "ekaterina katya", "elena lena", "yelena lena", "natalia natasha", "natalya natasha", "maria masha",
        "mariya masha", "tatiana tanya", "tatyana tanya", "olga olya", "svetlana sveta", "anastasia nastya", "lyudmila lyuda mila",
        "galina galya", "irina ira", "valentina valya", "aleksandra sasha", "alexandra sasha alex", "yulia yulya", "yuliya yulya",
        "jose pepe chepe", "francisco paco pancho chico", "ignacio nacho", "manuel manolo manu", "guillermo memo",
        "alberto beto", "roberto beto", "jesus chucho chuy", "eduardo lalo", "enrique kike", "rafael rafa", "antonio tono toni",
        "alejandro alejo", "fernando nando", "gonzalo chalo", "luis lucho", "santiago santi", "josefina pepa", "dolores lola",
        "concepcion concha", "francisca paca", "joao jao", "giuseppe beppe peppe pino", "giovanni gianni nanni",
        "francesco franco cesco", "salvatore toto", "vincenzo enzo", "johannes hans jan", "wolfgang wolf", "friedrich fritz",
        "joachim achim", "abdullah abdo", "abdulrahman abdo", "abdelrahman abdo", "gholamreza gholam", "mohammadreza mamad",
    ];

    private static readonly FrozenDictionary<string, int[]> GroupsOf = Build();

    /// <summary>The groups a name belongs to (null when none): compare two names with <see cref="Share"/>.</summary>
    public static int[]? Of(string name) => GroupsOf.TryGetValue(name, out var groups) ? groups : null;

    /// <summary>The other names of every group <paramref name="name"/> belongs to.</summary>
    public static IEnumerable<string> Partners(string name)
    {
        if (!GroupsOf.TryGetValue(name, out var groups))
        {
            yield break;
        }

        foreach (var g in groups)
        {
            foreach (var other in Groups[g].Split(' '))
            {
                if (!string.Equals(other, name, StringComparison.Ordinal))
                {
                    yield return other;
                }
            }
        }
    }

    /// <summary>True when two group lists share a group.</summary>
    public static bool Share(int[] a, int[] b)
    {
        foreach (var x in a)
        {
            if (Array.IndexOf(b, x) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static FrozenDictionary<string, int[]> Build()
    {
        var map = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var g = 0; g < Groups.Length; g++)
        {
            foreach (var n in Groups[g].Split(' '))
            {
                if (!map.TryGetValue(n, out var list))
                {
                    map[n] = list = [];
                }

                if (!list.Contains(g))
                {
                    list.Add(g);
                }
            }
        }

        return map.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
    }
}
