using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Comity.Server.Security;

namespace Comity.Server.Ui.Security;

/// <summary>A signed-in analyst: the API key's name and role (or, on a server without keys, the name they typed,
/// unauthenticated), with the session's times.</summary>
internal sealed record UiSession(string Name, AccessRole Role, bool Authenticated, DateTimeOffset Created)
{
    public DateTimeOffset LastSeen { get; set; } = Created;

    /// <summary>The caller the API would see for this session (the actor of screenings and reviews).</summary>
    public Caller Caller => new(Name, Role, Authenticated);
}

/// <summary>UI sessions held in memory: a random 256-bit token in an HttpOnly, SameSite=Strict cookie, kept here only
/// as its SHA-256. Idle sessions end after <see cref="IdleTimeout"/>, every session after <see cref="MaxAge"/>; a
/// restart signs everyone out.</summary>
internal sealed class UiSessions(TimeProvider clock)
{
    public const string CookieName = "comity_session";

    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);

    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(12);

    private readonly ConcurrentDictionary<string, UiSession> _byHash = new(StringComparer.Ordinal);

    public string Create(string name, AccessRole role, bool authenticated)
    {
        Sweep();
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        _byHash[Hash(token)] = new UiSession(name, role, authenticated, clock.GetUtcNow());
        return token;
    }

    /// <summary>The live session of a token (its idle clock restarts), or null.</summary>
    public UiSession? Find(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        var hash = Hash(token);
        if (!_byHash.TryGetValue(hash, out var session))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        if (now - session.LastSeen > IdleTimeout || now - session.Created > MaxAge)
        {
            _byHash.TryRemove(hash, out _);
            return null;
        }

        session.LastSeen = now;
        return session;
    }

    public void Remove(string? token)
    {
        if (!string.IsNullOrEmpty(token))
        {
            _byHash.TryRemove(Hash(token), out _);
        }
    }

    public int Count => _byHash.Count;

    private void Sweep()
    {
        var now = clock.GetUtcNow();
        foreach (var (hash, s) in _byHash)
        {
            if (now - s.LastSeen > IdleTimeout || now - s.Created > MaxAge)
            {
                _byHash.TryRemove(hash, out _);
            }
        }
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
