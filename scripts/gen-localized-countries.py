#!/usr/bin/env python3
"""Regenerates src/Comity.Core/Text/countries.localized.tsv: country names in German, French, Spanish, Italian and
Dutch. Source: the translations of ISO 3166-1 shipped by Debian's iso-codes package (LGPL-2.1-or-later; install it
with `apt-get install iso-codes gettext`), plus the common short forms below that the official translations lack
(e.g. "Russland" beside "Russische Föderation"). Names whose folded key would mean two countries are left out."""
import json, subprocess, sys, unicodedata

LANGS = ["de", "fr", "es", "it", "nl"]
COMMON = {
    "de": {"ru": "Russland", "us": "Vereinigte Staaten|USA", "gb": "Vereinigtes Königreich|Großbritannien", "ir": "Iran",
           "sy": "Syrien", "kp": "Nordkorea", "kr": "Südkorea", "bo": "Bolivien", "tz": "Tansania", "md": "Moldau|Moldawien",
           "vn": "Vietnam", "la": "Laos", "by": "Weißrussland|Belarus", "mk": "Mazedonien|Nordmazedonien", "ps": "Palästina",
           "tw": "Taiwan", "va": "Vatikan|Vatikanstadt", "ci": "Elfenbeinküste", "cz": "Tschechien|Tschechische Republik",
           "mm": "Myanmar|Birma", "tr": "Türkei", "ve": "Venezuela", "xk": "Kosovo"},
    "fr": {"ru": "Russie", "us": "États-Unis|Etats-Unis", "gb": "Royaume-Uni|Grande-Bretagne", "ir": "Iran", "sy": "Syrie",
           "kp": "Corée du Nord", "kr": "Corée du Sud", "bo": "Bolivie", "tz": "Tanzanie", "md": "Moldavie", "vn": "Viêt Nam|Vietnam",
           "la": "Laos", "by": "Biélorussie", "mk": "Macédoine|Macédoine du Nord", "ps": "Palestine", "tw": "Taïwan", "va": "Vatican",
           "ci": "Côte d'Ivoire", "cz": "Tchéquie|République tchèque", "mm": "Birmanie", "ve": "Venezuela", "xk": "Kosovo"},
    "es": {"ru": "Rusia", "us": "Estados Unidos|EE. UU.|EEUU", "gb": "Reino Unido|Gran Bretaña", "ir": "Irán", "sy": "Siria",
           "kp": "Corea del Norte", "kr": "Corea del Sur", "bo": "Bolivia", "tz": "Tanzania", "md": "Moldavia", "vn": "Vietnam",
           "la": "Laos", "by": "Bielorrusia", "mk": "Macedonia|Macedonia del Norte", "ps": "Palestina", "tw": "Taiwán", "va": "Vaticano",
           "ci": "Costa de Marfil", "cz": "Chequia|República Checa", "mm": "Birmania", "ve": "Venezuela", "xk": "Kosovo"},
    "it": {"ru": "Russia", "us": "Stati Uniti|Stati Uniti d'America", "gb": "Regno Unito|Gran Bretagna", "ir": "Iran", "sy": "Siria",
           "kp": "Corea del Nord", "kr": "Corea del Sud", "bo": "Bolivia", "tz": "Tanzania", "md": "Moldavia", "vn": "Vietnam",
           "la": "Laos", "by": "Bielorussia", "mk": "Macedonia|Macedonia del Nord", "ps": "Palestina", "tw": "Taiwan", "va": "Vaticano",
           "ci": "Costa d'Avorio", "cz": "Cechia|Repubblica Ceca", "mm": "Birmania", "ve": "Venezuela", "xk": "Kosovo"},
    "nl": {"ru": "Rusland", "us": "Verenigde Staten", "gb": "Verenigd Koninkrijk|Groot-Brittannië", "ir": "Iran", "sy": "Syrië",
           "kp": "Noord-Korea", "kr": "Zuid-Korea", "bo": "Bolivia", "tz": "Tanzania", "md": "Moldavië", "vn": "Vietnam", "la": "Laos",
           "by": "Wit-Rusland", "mk": "Macedonië|Noord-Macedonië", "ps": "Palestina", "tw": "Taiwan", "va": "Vaticaanstad",
           "ci": "Ivoorkust", "cz": "Tsjechië", "mm": "Birma", "ve": "Venezuela", "xk": "Kosovo"},
}


def key(text):
    folded = unicodedata.normalize("NFD", text)
    return "".join(c.lower() for c in folded if c.isalnum() and unicodedata.category(c) != "Mn")


def po(lang):
    text = subprocess.run(["msgunfmt", f"/usr/share/locale/{lang}/LC_MESSAGES/iso_3166-1.mo"], check=True,
                          capture_output=True, text=True).stdout
    result, msgid = {}, None
    for line in text.splitlines():
        if line.startswith("msgid "):
            msgid = json.loads(line[6:])
        elif line.startswith("msgstr ") and msgid:
            value = json.loads(line[7:])
            if value:
                result[msgid] = value
    return result


def main(out):
    countries = json.load(open("/usr/share/iso-codes/json/iso_3166-1.json"))["3166-1"]
    rows, owners = [], {}
    for lang in LANGS:
        tr = po(lang)
        for c in countries:
            iso2 = c["alpha_2"].lower()
            names = []
            for field in ("common_name", "name", "official_name"):
                if field in c and c[field] in tr:
                    names.append(tr[c[field]])
            names += COMMON[lang].get(iso2, "").split("|")
            names = [n for i, n in enumerate(names) if n and n not in names[:i]]
            for n in names:
                owners.setdefault(key(n), set()).add(iso2)
            if names:
                rows.append((iso2, lang, names))
        for iso2 in COMMON[lang]:
            if not any(r[0] == iso2 and r[1] == lang for r in rows):
                names = COMMON[lang][iso2].split("|")
                for n in names:
                    owners.setdefault(key(n), set()).add(iso2)
                rows.append((iso2, lang, names))
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("# iso2\tlanguage\tnames (| separated). Generated by scripts/gen-localized-countries.py from Debian iso-codes\n")
        f.write("# (ISO 3166-1 translations, LGPL-2.1-or-later) plus common short forms; names meaning two countries are left out.\n")
        for iso2, lang, names in sorted(rows):
            names = [n for n in names if len(owners[key(n)]) == 1]
            if names:
                f.write(f"{iso2}\t{lang}\t{'|'.join(names)}\n")


main(sys.argv[1] if len(sys.argv) > 1 else "src/Comity.Core/Text/countries.localized.tsv")
