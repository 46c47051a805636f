using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Comity.Server.Security;

/// <summary>A configured API key: name, role, and the plain key (only until it is hashed at start-up).</summary>
internal sealed record ConfiguredKey(string Name, AccessRole Role, string Key);

/// <summary>The API keys the server accepts, held only as SHA-256 hashes. Keys come from a JSON file
/// (<c>{"keys": [{"name", "role", "key"}]}</c>) and from <c>$COMITY_API_KEYS</c> (<c>name:role:key;...</c>).</summary>
internal sealed class ApiKeyRing
{
    private readonly FrozenDictionary<string, Caller> _byHash;

    public ApiKeyRing(IEnumerable<ConfiguredKey> keys)
    {
        var map = new Dictionary<string, Caller>(StringComparer.Ordinal);
        foreach (var k in keys)
        {
            map[Hash(k.Key)] = new Caller(k.Name, k.Role, true);
        }

        _byHash = map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>True when at least one key is configured (authentication enforced).</summary>
    public bool Enabled => _byHash.Count > 0;

    public int Count => _byHash.Count;

    /// <summary>The caller a presented key proves, or null.</summary>
    public Caller? Verify(string presented) => _byHash.GetValueOrDefault(Hash(presented));

    /// <summary>Hex SHA-256 of a key; the only form in which keys are kept in memory.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Reads the keys of the file (if any) and of the environment; throws
    /// <see cref="InvalidOperationException"/> naming the bad entry.</summary>
    public static List<ConfiguredKey> Load(string? file, string? environment)
    {
        var keys = new List<ConfiguredKey>();
        if (!string.IsNullOrWhiteSpace(file))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            if (!doc.RootElement.TryGetProperty("keys", out var arr) || arr.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidOperationException($"{file}: expected {{\"keys\": [{{\"name\", \"role\", \"key\"}}]}}");
            }

            var i = 0;
            foreach (var k in arr.EnumerateArray())
            {
                keys.Add(Entry(
                    k.TryGetProperty("name", out var n) ? n.GetString() : null,
                    k.TryGetProperty("role", out var r) ? r.GetString() : null,
                    k.TryGetProperty("key", out var v) ? v.GetString() : null,
                    $"{file}: keys[{i}]"));
                i++;
            }
        }

        if (!string.IsNullOrWhiteSpace(environment))
        {
            var i = 0;
            foreach (var item in environment.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var parts = item.Split(':', 3);
                keys.Add(Entry(parts[0], parts.Length > 1 ? parts[1] : null, parts.Length > 2 ? parts[2] : null, $"COMITY_API_KEYS entry {i}"));
                i++;
            }
        }

        return keys;
    }

    private static ConfiguredKey Entry(string? name, string? role, string? key, string where)
    {
        if (string.IsNullOrWhiteSpace(name) || string.IsNullOrEmpty(key))
        {
            throw new InvalidOperationException($"{where}: a key needs a name and a key");
        }

        if (key.Length < 16)
        {
            throw new InvalidOperationException($"{where}: key '{name}' is shorter than 16 characters");
        }

        var r = Caller.ParseRole(role) ?? throw new InvalidOperationException($"{where}: role must be screener, analyst or admin (got '{role}')");
        return new ConfiguredKey(name.Trim(), r, key);
    }
}
