using System.Collections.Frozen;
using System.Text;

namespace Comity.Server.Yente;

/// <summary>Phone numbers: normalised to <c>+digits</c> (E.164 shape) and, where the international prefix names one
/// country, that country as a hint.</summary>
internal static class PhoneCountries
{
    // ITU-T E.164 country calling codes that belong to a single country (shared codes such as +1 and +7 are left out).
    private const string Table =
        "20=eg 27=za 30=gr 31=nl 32=be 33=fr 34=es 36=hu 39=it 40=ro 41=ch 43=at "
        + "44=gb 45=dk 46=se 47=no 48=pl 49=de 51=pe 52=mx 53=cu 54=ar 55=br 56=cl "
        + "57=co 58=ve 60=my 61=au 62=id 63=ph 64=nz 65=sg 66=th 81=jp 82=kr 84=vn "
        + "86=cn 90=tr 91=in 92=pk 93=af 94=lk 95=mm 98=ir 212=ma 213=dz 216=tn 218=ly "
        + "220=gm 221=sn 223=ml 227=ne 234=ng 249=sd 251=et 252=so 254=ke 255=tz 256=ug 260=zm "
        + "263=zw 351=pt 352=lu 353=ie 354=is 355=al 356=mt 357=cy 358=fi 359=bg 370=lt 371=lv "
        + "372=ee 373=md 374=am 375=by 380=ua 381=rs 385=hr 386=si 387=ba 389=mk 420=cz 421=sk "
        + "850=kp 852=hk 853=mo 855=kh 856=la 880=bd 886=tw 960=mv 961=lb 962=jo 963=sy 964=iq "
        + "965=kw 966=sa 967=ye 968=om 970=ps 971=ae 972=il 973=bh 974=qa 975=bt 976=mn 977=np "
        + "992=tj 993=tm 994=az 995=ge 996=kg 998=uz ";

    private static readonly FrozenDictionary<string, string> Codes = Table
        .Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .Select(pair => pair.Split('='))
        .ToFrozenDictionary(p => p[0], p => p[1], StringComparer.Ordinal);

    /// <summary><c>+</c> and digits, or null when fewer than 6 digits remain.</summary>
    public static string? Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        var t = text.Trim();
        if (t.StartsWith("00", StringComparison.Ordinal))
        {
            t = "+" + t[2..];
        }

        foreach (var c in t)
        {
            if (char.IsAsciiDigit(c) || (c == '+' && sb.Length == 0))
            {
                sb.Append(c);
            }
        }

        var digits = sb.Length - (sb.Length > 0 && sb[0] == '+' ? 1 : 0);
        return digits >= 6 ? sb.ToString() : null;
    }

    public static bool TryCountry(string normalized, out string iso2)
    {
        iso2 = string.Empty;
        if (!normalized.StartsWith('+'))
        {
            return false;
        }

        for (var len = 1; len <= 3 && len < normalized.Length; len++)
        {
            if (Codes.TryGetValue(normalized.Substring(1, len), out var c))
            {
                iso2 = c;
                return true;
            }
        }

        return false;
    }
}
