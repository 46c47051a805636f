using System.Text.Json;
using Comity.Application.Law;
using Comity.Law;

namespace Comity.Server.Native;

/// <summary>Decisions on the wire: the shared <see cref="LawJson"/> shape (<c>action</c>, <c>conflict</c>,
/// <c>unconfirmed</c>, <c>profile</c>, <c>listings</c>, <c>notes</c>).</summary>
internal static class DecisionJson
{
    public static void Write(Utf8JsonWriter w, Decision d) => LawJson.ToJson(d).WriteTo(w);

    public static string ToJson(Decision? d) => d is null ? "{}" : LawJson.Serialize(d, indented: false);
}
