namespace Comity.Application.Input;

/// <summary>The fields a screening query can carry, whatever the input (CSV column, API property).</summary>
internal enum QueryField
{
    Id,
    Name,
    Alias,
    FirstName,
    MiddleName,
    LastName,
    Schema,
    Gender,
    BirthDate,
    PlaceOfBirth,
    Country,
    Passport,
    NationalId,
    TaxId,
    Registration,
    Imo,
    FatherName,
    Lei,
    SwiftBic,
    Mmsi,
    CallSign,
    AircraftSerial,
    Phone,
    Email,
    OtherId,
}

/// <summary>Column names recognised in input CSV files: English, and the common German, French, Spanish, Italian and
/// Dutch headers (<c>Geburtsdatum</c>, <c>date de naissance</c>, <c>fecha de nacimiento</c>, <c>data di nascita</c>,
/// <c>geboortedatum</c>, <c>Staatsangehörigkeit</c>, ...). Compared after folding case and diacritics, with spaces,
/// dashes, dots and apostrophes read as underscores.</summary>
internal static class QueryFields
{
    private static readonly Dictionary<string, QueryField> Known = Build(
        (QueryField.Id, "id|customer_id|client_id|kundennummer|kunden_nr|kundennr|numero_client|id_client|numero_de_cliente|id_cliente|codice_cliente|klantnummer|klant_id"),
        (QueryField.Name, "name|full_name|fullname|nom|nom_complet|nombre|nombre_completo|nome|nome_completo|naam|volledige_naam|vollstandiger_name|vollstaendiger_name|firmenname|firma|raison_sociale|razon_social|ragione_sociale|bedrijfsnaam"),
        (QueryField.Alias, "alias|aliases|aka|alias_name|pseudonym|pseudonyme|seudonimo|alias_namen"),
        (QueryField.FirstName, "first_name|given_name|firstname|forename|vorname|vornamen|prenom|prenoms|nombre_de_pila|nome_di_battesimo|voornaam|voornamen"),
        (QueryField.MiddleName, "middle_name|middlename|zweiter_vorname|deuxieme_prenom|segundo_nombre|secondo_nome|tussenvoegsel"),
        (QueryField.LastName, "last_name|lastname|family_name|surname|nachname|familienname|zuname|nom_de_famille|apellido|apellidos|primer_apellido|cognome|achternaam|familienaam"),
        (QueryField.Schema, "schema|type|entity_type|typ|tipo|soort"),
        (QueryField.Gender, "gender|sex|geschlecht|sexe|genre|sexo|genero|sesso|genere|geslacht"),
        (QueryField.BirthDate, "dob|date_of_birth|birth_date|birthdate|birthday|geburtsdatum|geburtstag|geb_datum|date_de_naissance|date_naissance|fecha_de_nacimiento|fecha_nacimiento|data_di_nascita|data_nascita|geboortedatum"),
        (QueryField.PlaceOfBirth, "place_of_birth|pob|birth_place|birthplace|geburtsort|lieu_de_naissance|lugar_de_nacimiento|luogo_di_nascita|geboorteplaats"),
        (QueryField.Country, "nationality|nationalities|country|citizenship|jurisdiction|staatsangehorigkeit|staatsangehoerigkeit|nationalitat|nationalitaet|staatsburgerschaft|land|nationalite|pays|citoyennete|nacionalidad|pais|ciudadania|nazionalita|cittadinanza|paese|nationaliteit|staatsburgerschap"),
        (QueryField.Passport, "passport|passport_number|passport_no|reisepass|reisepassnummer|passnummer|pass_nr|passeport|numero_de_passeport|numero_passeport|no_passeport|pasaporte|numero_de_pasaporte|passaporto|numero_passaporto|paspoort|paspoortnummer"),
        (QueryField.NationalId, "national_id|id_number|personalausweis|ausweisnummer|personalausweisnummer|carte_d_identite|numero_d_identite|dni|documento_de_identidad|carta_d_identita|identiteitskaart|bsn"),
        (QueryField.TaxId, "tax_id|tax_number|steuernummer|steuer_id|steuerid|numero_fiscal|nif|cif|codice_fiscale|partita_iva|btw_nummer|fiscaal_nummer"),
        (QueryField.Registration, "registration_number|company_number|handelsregisternummer|registernummer|siren|siret|numero_d_enregistrement|numero_de_registro|numero_rea|kvk|kvk_nummer"),
        (QueryField.Imo, "imo|imo_number|imo_nummer|numero_imo"),
        (QueryField.FatherName, "father_name|patronymic|vatersname|patronyme|patronimico"),
        (QueryField.Lei, "lei|lei_code"),
        (QueryField.SwiftBic, "swift|bic|swift_bic|swift_code"),
        (QueryField.Mmsi, "mmsi"),
        (QueryField.CallSign, "call_sign|callsign|rufzeichen"),
        (QueryField.AircraftSerial, "serial_number|aircraft_serial|msn"),
        (QueryField.Phone, "phone|telephone|telefon|telefono|telefoon"),
        (QueryField.Email, "email|e_mail|mail|correo|courriel"));

    /// <summary>Every recognised column name (folded form), for help texts.</summary>
    public static IEnumerable<string> KnownColumns => Known.Keys;

    /// <summary>Resolves a column or field name; false when unknown.</summary>
    public static bool TryParse(string name, out QueryField field)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = Fold(name);
        return Known.TryGetValue(key, out field)
            || (key.Length > 0 && !char.IsAsciiDigit(key[0]) && Enum.TryParse(key.Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true, out field));
    }

    /// <summary>True when <paramref name="name"/> is a plain "name" header in one of the recognised languages
    /// (<c>Name</c>, <c>Nom</c>, <c>Nombre</c>, <c>Nome</c>, <c>Naam</c>): beside a first-name column it holds the
    /// surname.</summary>
    public static bool IsPlainName(string name) => Fold(name) is "name" or "nom" or "nombre" or "nome" or "naam";

    /// <summary>The folded form of a header: lower case, no diacritics, <c>ß</c> as <c>ss</c>, runs of spaces,
    /// dashes, dots, slashes and apostrophes as one underscore.</summary>
    public static string Fold(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var decomposed = name.Trim().Normalize(System.Text.NormalizationForm.FormD);
        var sb = new System.Text.StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (c == '\u00DF')
            {
                sb.Append("ss");
            }
            else if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (sb.Length > 0 && sb[^1] != '_')
            {
                sb.Append('_');
            }
        }

        return sb.ToString().TrimEnd('_');
    }

    private static Dictionary<string, QueryField> Build(params (QueryField Field, string Names)[] groups)
    {
        var result = new Dictionary<string, QueryField>(StringComparer.Ordinal);
        foreach (var (field, names) in groups)
        {
            foreach (var n in names.Split('|'))
            {
                result.Add(n, field);
            }
        }

        return result;
    }

    /// <summary>The canonical snake_case name of a field, as echoed in output.</summary>
    public static string WireName(this QueryField field) => field switch
    {
        QueryField.FirstName => "first_name",
        QueryField.MiddleName => "middle_name",
        QueryField.LastName => "last_name",
        QueryField.BirthDate => "dob",
        QueryField.PlaceOfBirth => "place_of_birth",
        QueryField.NationalId => "national_id",
        QueryField.TaxId => "tax_id",
        QueryField.FatherName => "father_name",
        QueryField.SwiftBic => "swift_bic",
        QueryField.CallSign => "call_sign",
        QueryField.AircraftSerial => "serial_number",
        QueryField.OtherId => "other_id",
        _ => field.ToString().ToLowerInvariant(),
    };
}
