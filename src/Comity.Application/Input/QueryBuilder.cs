using System.Collections.Immutable;
using Comity.Core.Model;
using Comity.Core.Text;

namespace Comity.Application.Input;

/// <summary>Builds a <see cref="Query"/> from raw field values, cleaning them the same way for every front end
/// (CSV rows, API bodies): dates to partial dates, countries to ISO codes, identifiers typed. Values that cannot be
/// parsed for their type are dropped and reported as warnings; a query with no name is an error.</summary>
internal sealed class QueryBuilder
{
    private readonly List<string> _names = [];
    private readonly List<FuzzyDate> _dates = [];
    private readonly List<string> _countries = [];
    private readonly List<Identifier> _ids = [];
    private readonly List<string> _warnings = [];
    private string? _id;
    private string? _first;
    private string? _middle;
    private string? _last;
    private string? _father;
    private string? _pob;
    private Schema _schema = Schema.LegalEntity;
    private bool _schemaGiven;
    private Gender _gender;
    private string? _error;

    /// <summary>Warnings about values that were dropped (e.g. an unparseable date).</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>Adds one raw value of a field. Empty values are ignored.</summary>
    public QueryBuilder Add(QueryField field, string? raw)
    {
        var value = TextValue.Clean(raw);
        if (value is null)
        {
            return this;
        }

        switch (field)
        {
            case QueryField.Id:
                _id = value;
                break;
            case QueryField.Name:
            case QueryField.Alias:
                _names.Add(value);
                break;
            case QueryField.FirstName:
                _first = Join(_first, value);
                break;
            case QueryField.MiddleName:
                _middle = Join(_middle, value);
                break;
            case QueryField.LastName:
                _last = Join(_last, value);
                break;
            case QueryField.FatherName:
                _father = Join(_father, value);
                break;
            case QueryField.Schema:
                if (Schemata.TryParse(value, out var schema))
                {
                    _schema = schema;
                    _schemaGiven = true;
                }
                else
                {
                    _error = $"schema: unknown schema '{value}'";
                }

                break;
            case QueryField.Gender:
                _gender = ParseGender(value);
                if (_gender == Gender.Unknown && value.Trim() is { Length: > 0 } g && !IsUnknownGender(g))
                {
                    _warnings.Add($"gender: not a gender '{g}' (male, female, other or their German, French, Spanish, Italian or Dutch words)");
                }

                break;
            case QueryField.BirthDate:
                var dates = DateText.ParseAlternatives(value, out var failed);
                _dates.AddRange(dates);
                foreach (var f in failed)
                {
                    _warnings.Add($"dob: cannot read date '{f}'");
                }

                break;
            case QueryField.PlaceOfBirth:
                _pob = value;
                break;
            case QueryField.Country:
                foreach (var part in value.Split([';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (Countries.TryResolve(part, out var iso))
                    {
                        if (!_countries.Contains(iso))
                        {
                            _countries.Add(iso);
                        }
                    }
                    else
                    {
                        _warnings.Add($"country: not a country '{part}'");
                    }
                }

                break;
            case QueryField.Passport:
                _ids.Add(new Identifier(IdentifierType.Passport, value));
                break;
            case QueryField.NationalId:
                _ids.Add(new Identifier(IdentifierType.NationalId, value));
                break;
            case QueryField.TaxId:
                _ids.Add(new Identifier(IdentifierType.TaxId, value));
                break;
            case QueryField.Registration:
                _ids.Add(new Identifier(IdentifierType.Registration, value));
                break;
            case QueryField.Imo:
                _ids.Add(new Identifier(IdentifierType.Imo, value));
                break;
            case QueryField.Lei:
                _ids.Add(new Identifier(IdentifierType.Lei, value));
                break;
            case QueryField.SwiftBic:
                _ids.Add(new Identifier(IdentifierType.SwiftBic, value));
                break;
            case QueryField.Mmsi:
                _ids.Add(new Identifier(IdentifierType.Mmsi, value));
                break;
            case QueryField.CallSign:
                _ids.Add(new Identifier(IdentifierType.CallSign, value));
                break;
            case QueryField.AircraftSerial:
                _ids.Add(new Identifier(IdentifierType.AircraftSerial, value));
                break;
            case QueryField.Phone:
                _ids.Add(new Identifier(IdentifierType.Phone, value));
                break;
            case QueryField.Email:
                _ids.Add(new Identifier(IdentifierType.Email, value));
                break;
            case QueryField.OtherId:
                _ids.Add(new Identifier(IdentifierType.Other, value));
                break;
            default:
                break;
        }

        return this;
    }

    /// <summary>Builds the query, or returns null with <paramref name="error"/> set when it cannot be screened.</summary>
    public Query? Build(out string? error)
    {
        error = _error;
        if (error is not null)
        {
            return null;
        }

        var names = new List<string>(_names);
        NameParts? parts = null;
        if (_first is not null || _middle is not null || _last is not null || _father is not null)
        {
            parts = new NameParts(_first, _middle, _last, _father);
            var composed = string.Join(' ', new[] { _first, _middle, _father, _last }.Where(p => p is not null));
            if (!names.Contains(composed, StringComparer.Ordinal))
            {
                names.Add(composed);
            }
        }

        if (names.Count == 0)
        {
            error = "name: no name given (name, full_name or first_name/last_name)";
            return null;
        }

        // An unstated schema is inferred from the fields (a birth date means a person, an IMO number a vessel); a
        // stated one is kept as given.
        var schema = _schema;
        if (!_schemaGiven && schema == Schema.LegalEntity && (parts is not null || _gender != Gender.Unknown || _dates.Count > 0 || _pob is not null))
        {
            schema = Schema.Person;
        }

        if (!_schemaGiven && schema == Schema.LegalEntity && _ids.Any(i => i.Type == IdentifierType.Imo))
        {
            schema = Schema.Vessel;
        }

        return new Query
        {
            Id = _id,
            Names = [.. names],
            Parts = parts,
            Schema = schema,
            Gender = _gender,
            BirthDates = [.. _dates],
            Countries = [.. _countries],
            Identifiers = [.. _ids],
            PlaceOfBirth = _pob,
        };
    }

    /// <summary>Parses male/female/m/f/other and their German, French, Spanish, Italian and Dutch forms
    /// (case-insensitive); anything else is unknown.</summary>
    public static Gender ParseGender(string value) => value.Trim().ToLowerInvariant() switch
    {
        "m" or "male" or "man" or "masculin" or "mann" or "männlich" or "maennlich" or "homme" or "h" or "hombre" or "masculino"
            or "uomo" or "maschio" or "maschile" or "mannelijk" or "masculine" => Gender.Male,
        "f" or "female" or "woman" or "feminin" or "féminin" or "frau" or "w" or "weiblich" or "femme" or "mujer" or "femenino"
            or "donna" or "femmina" or "femminile" or "v" or "vrouw" or "vrouwelijk" or "feminine" => Gender.Female,
        "other" or "x" or "diverse" or "divers" or "d" or "autre" or "otro" or "altro" => Gender.Other,
        _ => Gender.Unknown,
    };

    /// <summary>Words that say the gender is not known (not a value to warn about).</summary>
    private static bool IsUnknownGender(string value) => value.ToLowerInvariant() is "unknown" or "u" or "n/a" or "na" or "-" or "?" or "unbekannt" or "inconnu" or "desconocido" or "sconosciuto" or "onbekend";

    private static string Join(string? a, string b) => a is null ? b : a + " " + b;

    /// <summary>Convenience for tests and the compare command: a query from one name and an optional schema.</summary>
    public static Query FromName(string name, Schema schema = Schema.LegalEntity) =>
        new() { Names = ImmutableArray.Create(name), Schema = schema };
}
