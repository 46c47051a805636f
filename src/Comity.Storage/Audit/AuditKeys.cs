namespace Comity.Storage.Audit;

/// <summary>Where the audit chain's secret key comes from: never from the database it protects.</summary>
/// <remarks><c>COMITY_AUDIT_KEY</c> holds the key itself; <c>COMITY_AUDIT_KEY_FILE</c> names a file holding it (first
/// line, trimmed). Use at least 32 random bytes, e.g. <c>openssl rand -base64 32</c>. Keep it where a database
/// administrator cannot read it: with it, rewritten records could be re-MACed.</remarks>
public static class AuditKeys
{
    public const string Variable = "COMITY_AUDIT_KEY";

    public const string FileVariable = "COMITY_AUDIT_KEY_FILE";

    /// <summary>Shortest accepted key, in characters.</summary>
    public const int MinLength = 16;

    /// <summary>The key from <paramref name="file"/>, else <c>COMITY_AUDIT_KEY_FILE</c>, else <c>COMITY_AUDIT_KEY</c>;
    /// null when none is set. Throws <see cref="StoreException"/> when the key file is unreadable or a key is too short.</summary>
    public static string? Resolve(string? file = null)
    {
        file ??= Environment.GetEnvironmentVariable(FileVariable);
        string? key;
        if (!string.IsNullOrEmpty(file))
        {
            try
            {
                key = File.ReadLines(file).FirstOrDefault()?.Trim();
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                throw new StoreException($"audit key file {file}: no such file", e);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new StoreException($"audit key file {file}: cannot be read ({e.Message})", e);
            }

            if (string.IsNullOrEmpty(key))
            {
                throw new StoreException($"audit key file {file}: the first line is empty; it must hold the key.");
            }
        }
        else
        {
            key = Environment.GetEnvironmentVariable(Variable);
            if (string.IsNullOrEmpty(key))
            {
                return null;
            }
        }

        return key.Length < MinLength
            ? throw new StoreException($"the audit key ({(file is null ? Variable : file)}) has {key.Length} characters; use at least {MinLength} (e.g. openssl rand -base64 32).")
            : key;
    }
}
