namespace Comity.Application.Input;

/// <summary>The fields a screening query can carry, whatever the input (CSV column, API property).</summary>
public enum QueryField
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

/// <summary>Column names recognised in input CSV files (case-insensitive; spaces and dashes read as underscores).</summary>
public static class QueryFields
{
    private static readonly Dictionary<string, QueryField> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["id"] = QueryField.Id,
        ["customer_id"] = QueryField.Id,
        ["name"] = QueryField.Name,
        ["full_name"] = QueryField.Name,
        ["fullname"] = QueryField.Name,
        ["alias"] = QueryField.Alias,
        ["aliases"] = QueryField.Alias,
        ["first_name"] = QueryField.FirstName,
        ["given_name"] = QueryField.FirstName,
        ["firstname"] = QueryField.FirstName,
        ["middle_name"] = QueryField.MiddleName,
        ["middlename"] = QueryField.MiddleName,
        ["last_name"] = QueryField.LastName,
        ["lastname"] = QueryField.LastName,
        ["family_name"] = QueryField.LastName,
        ["surname"] = QueryField.LastName,
        ["schema"] = QueryField.Schema,
        ["type"] = QueryField.Schema,
        ["gender"] = QueryField.Gender,
        ["sex"] = QueryField.Gender,
        ["dob"] = QueryField.BirthDate,
        ["date_of_birth"] = QueryField.BirthDate,
        ["birth_date"] = QueryField.BirthDate,
        ["birthdate"] = QueryField.BirthDate,
        ["place_of_birth"] = QueryField.PlaceOfBirth,
        ["pob"] = QueryField.PlaceOfBirth,
        ["birth_place"] = QueryField.PlaceOfBirth,
        ["nationality"] = QueryField.Country,
        ["country"] = QueryField.Country,
        ["citizenship"] = QueryField.Country,
        ["jurisdiction"] = QueryField.Country,
        ["passport"] = QueryField.Passport,
        ["passport_number"] = QueryField.Passport,
        ["national_id"] = QueryField.NationalId,
        ["id_number"] = QueryField.NationalId,
        ["tax_id"] = QueryField.TaxId,
        ["tax_number"] = QueryField.TaxId,
        ["registration_number"] = QueryField.Registration,
        ["imo"] = QueryField.Imo,
        ["imo_number"] = QueryField.Imo,
        ["father_name"] = QueryField.FatherName,
        ["patronymic"] = QueryField.FatherName,
        ["lei"] = QueryField.Lei,
        ["swift"] = QueryField.SwiftBic,
        ["bic"] = QueryField.SwiftBic,
        ["swift_bic"] = QueryField.SwiftBic,
        ["mmsi"] = QueryField.Mmsi,
        ["call_sign"] = QueryField.CallSign,
        ["serial_number"] = QueryField.AircraftSerial,
        ["phone"] = QueryField.Phone,
        ["email"] = QueryField.Email,
    };

    /// <summary>Resolves a column or field name; false when unknown.</summary>
    public static bool TryParse(string name, out QueryField field) =>
        Known.TryGetValue(name.Trim().Replace(' ', '_').Replace('-', '_'), out field)
        || Enum.TryParse(name.Trim().Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true, out field);

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
