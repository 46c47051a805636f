using System.Text.Json;

namespace Comity.Server.Tests.Support;

internal static class Keys
{
    /// <summary>Writes a keys file (<c>{"keys": [{"name", "role", "key"}]}</c>) to a temp path.</summary>
    public static string Write(params (string Name, string Role, string Key)[] keys)
    {
        var path = Path.Combine(Repo.TempDir(), "keys.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new { keys = keys.Select(k => new { name = k.Name, role = k.Role, key = k.Key }) }));
        return path;
    }
}
