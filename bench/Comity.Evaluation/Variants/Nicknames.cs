namespace Comity.Evaluation.Variants;

/// <summary>The generator's own table of nicknames and short forms (hypocoristics) by formal given name, written for
/// this project from common knowledge of naming customs (English diminutives such as Bill for William; Russian and
/// Ukrainian diminutives such as Sasha for Aleksandr, Volodya for Vladimir; Spanish and Portuguese ones such as Pepe for
/// José, Paco for Francisco; Italian, German, French, Arabic and Persian short forms). The matcher's table
/// (<c>src/Comity.Core/Text/Nicknames.cs</c>) is written from the same public facts, so recall on this class may
/// overstate recall on nicknames neither table knows.</summary>
internal static class Nicknames
{
    private static readonly string[] Lines =
    [
        "william=bill,billy,will,willy,liam", "robert=bob,bobby,rob,robbie,bert", "richard=dick,rick,ricky,rich",
        "james=jim,jimmy,jamie", "john=jack,johnny", "michael=mike,mikey,mick", "thomas=tom,tommy", "joseph=joe,joey",
        "charles=charlie,chuck", "edward=ed,eddie,ted", "anthony=tony", "christopher=chris,kit", "daniel=dan,danny",
        "david=dave,davey", "matthew=matt", "nicholas=nick,nicky", "alexander=alex,sandy", "benjamin=ben,benny",
        "samuel=sam,sammy", "stephen=steve", "steven=steve", "timothy=tim", "gregory=greg", "patrick=pat,paddy",
        "peter=pete", "ronald=ron,ronnie", "donald=don,donnie", "kenneth=ken,kenny", "lawrence=larry", "raymond=ray",
        "frederick=fred,freddie", "henry=harry,hank", "elizabeth=liz,beth,betty,lizzie", "margaret=maggie,peggy,meg",
        "katherine=kate,kathy,katie", "catherine=cathy,kate", "patricia=pat,patty,trish", "susan=sue,susie",
        "jennifer=jen,jenny", "rebecca=becky", "deborah=debbie,deb", "victoria=vicky,tori", "abraham=abe",
        "aleksandr=sasha,sanya,shura", "alexandr=sasha", "oleksandr=sashko,sasha", "aleksei=alyosha,lyosha", "alexei=alyosha",
        "dmitry=dima,mitya", "dmitri=dima", "vladimir=volodya,vova", "volodymyr=volodya", "mikhail=misha", "nikolai=kolya",
        "nikolay=kolya", "sergei=seryozha,serezha", "sergey=seryozha", "ivan=vanya", "yevgeny=zhenya", "evgeny=zhenya",
        "pavel=pasha", "konstantin=kostya", "anatoly=tolya", "viktor=vitya", "boris=borya", "yuri=yura", "yury=yura",
        "grigory=grisha", "andrei=andryusha", "andrey=andryusha", "vyacheslav=slava", "stanislav=stas", "vasily=vasya",
        "yekaterina=katya", "ekaterina=katya", "elena=lena", "yelena=lena", "natalia=natasha", "natalya=natasha",
        "maria=masha", "tatiana=tanya", "tatyana=tanya", "olga=olya", "svetlana=sveta", "anastasia=nastya",
        "lyudmila=lyuda,mila", "galina=galya", "irina=ira", "valentina=valya", "jose=pepe,chepe", "francisco=paco,pancho,chico",
        "ignacio=nacho", "manuel=manolo,manu", "guillermo=memo", "alberto=beto", "roberto=beto", "jesus=chucho,chuy",
        "eduardo=lalo", "enrique=kike", "rafael=rafa", "antonio=tono,toni", "alejandro=alejo", "fernando=nando",
        "gonzalo=chalo", "luis=lucho", "santiago=santi", "josefina=pepa", "dolores=lola", "concepcion=concha",
        "giuseppe=beppe,peppe,pino", "giovanni=gianni,nanni", "francesco=franco,cesco", "salvatore=toto", "vincenzo=enzo",
        "johannes=hans,jan", "wolfgang=wolf", "friedrich=fritz", "joachim=achim", "abdullah=abdo", "abdulrahman=abdo",
        "gholamreza=gholam", "mohammadreza=mamad",
    ];

    private static readonly Dictionary<string, string[]> Table = Lines.ToDictionary(
        l => l[..l.IndexOf('=', StringComparison.Ordinal)],
        l => l[(l.IndexOf('=', StringComparison.Ordinal) + 1)..].Split(',').Select(n => char.ToUpperInvariant(n[0]) + n[1..]).ToArray(),
        StringComparer.Ordinal);

    /// <summary>Nicknames of a formal given name (any case); empty when the table has none.</summary>
    public static string[] Of(string given) =>
        Table.TryGetValue(new string(given.Where(char.IsLetter).Select(char.ToLowerInvariant).ToArray()), out var forms) ? forms : [];
}
