using System.Text;

namespace Comity.Fuzz.Tests.Support;

/// <summary>Real request bodies as fuzz seeds: yente <c>/match</c> example entities and <c>/v1/screen</c> bodies, as the
/// README and the API tests send them.</summary>
public static class JsonSeeds
{
    public static IReadOnlyList<byte[]> Match { get; } =
    [
        Utf8("""{"queries": {"q1": {"schema": "Person", "properties": {"name": ["Ibrahim Hassan Tali al-Asiri"], "birthDate": ["1982-04-19"], "nationality": ["sa"]}}}}"""),
        Utf8("""{"queries": {"a": {"schema": "Company", "properties": {"name": ["Banco Nacional de Cuba"], "jurisdiction": ["cu"], "registrationNumber": ["123"]}}, "b": {"schema": "Vessel", "properties": {"name": ["Lady Ghazal"], "imoNumber": ["IMO 9054224"]}}}}"""),
        Utf8("""{"weights": {"name_literal_match": 0.5}, "queries": {"x": {"schema": "LegalEntity", "properties": {"name": ["Кузнецов Виктор"], "alias": ["V. Kuznetsov"], "country": ["ru"], "email": ["a@b.example"]}}}}"""),
    ];

    public static IReadOnlyList<byte[]> Screen { get; } =
    [
        Utf8("""{"subject": {"name": "Ibrahim Hassan Tali al-Asiri", "dob": "1982-04-19", "nationality": "SA"}, "profile": {"jurisdiction": "DE", "role": "financial", "as_of": "2026-06-01"}}"""),
        Utf8("""{"subjects": [{"id": "r1", "name": "Ann Smith"}, {"id": "r2", "name": "Banco Nacional de Cuba", "schema": "Organization", "country": "Cuba"}, {"id": "r3", "first_name": "Nicolas", "last_name": "Maduro", "passport": ["X1"]}], "threshold": 0.8, "min_score": 0.5, "limit": 3}"""),
        Utf8("""{"subject": {"name": "Lady Ghazal", "schema": "Vessel", "imo": "9054224"}, "profile": {"jurisdiction": "US", "us_person": true, "assume": ["eu-blocking:ICC-EO14203"]}}"""),
    ];

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);
}
