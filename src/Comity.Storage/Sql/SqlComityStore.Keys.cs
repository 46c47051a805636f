using System.Data.Common;
using System.Text.Json.Nodes;
using Comity.Storage.Audit;
using Comity.Storage.Keys;

namespace Comity.Storage.Sql;

internal sealed partial class SqlComityStore
{
    private const string KeyColumns = "id, name, role, created_at, revoked_at, salt, hash";

    public Task<IssuedApiKey> IssueApiKeyAsync(string name, ApiRole role, string actor, CancellationToken cancellationToken = default)
    {
        Require(name, nameof(name));
        Require(actor, nameof(actor));
        return WriteAsync(
            async (connection, transaction) =>
            {
                var at = Now();
                var id = ApiKeyHasher.NewId();
                var key = ApiKeyHasher.NewIssuedKey(id);
                await InsertKeyAsync(connection, transaction, id, name, role, "issued", key, at, cancellationToken).ConfigureAwait(false);
                await AuditKeyAsync(connection, transaction, actor, "api_key.issued", id, name, role, cancellationToken).ConfigureAwait(false);
                return (new IssuedApiKey(new ApiKeyInfo(id, name, role, at, null), key), true);
            },
            cancellationToken);
    }

    public Task<ApiKeyInfo> ImportApiKeyAsync(string name, string key, ApiRole role, string actor, CancellationToken cancellationToken = default)
    {
        Require(name, nameof(name));
        Require(key, nameof(key));
        Require(actor, nameof(actor));
        return WriteAsync(
            async (connection, transaction) =>
            {
                // Holding the chain head first serialises concurrent imports of one name (two servers starting at once).
                await ReadHeadAsync(connection, transaction, lockRow: true, cancellationToken).ConfigureAwait(false);
                var existing = await ReadKeysAsync(connection, transaction, " WHERE name = @name", cancellationToken, ("@name", name))
                    .ConfigureAwait(false);
                if (existing.Count == 1)
                {
                    var (info, salt, hash) = existing[0];
                    if (info.Role == role && info.RevokedAt is null && ApiKeyHasher.Matches(salt, hash, key))
                    {
                        return (info, false);
                    }

                    await Db.ExecuteAsync(
                        connection, transaction, "DELETE FROM api_keys WHERE id = @id", cancellationToken, ("@id", info.Id)).ConfigureAwait(false);
                }

                var at = Now();
                var id = ApiKeyHasher.NewId();
                await InsertKeyAsync(connection, transaction, id, name, role, "imported", key, at, cancellationToken).ConfigureAwait(false);
                await AuditKeyAsync(connection, transaction, actor, "api_key.imported", id, name, role, cancellationToken).ConfigureAwait(false);
                return (new ApiKeyInfo(id, name, role, at, null), true);
            },
            cancellationToken);
    }

    public Task<ApiKeyInfo?> VerifyApiKeyAsync(string presentedKey, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(presentedKey))
        {
            return Task.FromResult<ApiKeyInfo?>(null);
        }

        return ReadAsync(
            async connection =>
            {
                var issuedId = ApiKeyHasher.IssuedId(presentedKey);
                var candidates = issuedId is null
                    ? await ReadKeysAsync(
                        connection, null, " WHERE kind = 'imported' AND revoked_at IS NULL", cancellationToken).ConfigureAwait(false)
                    : await ReadKeysAsync(
                        connection, null, " WHERE id = @id AND kind = 'issued' AND revoked_at IS NULL", cancellationToken, ("@id", issuedId))
                        .ConfigureAwait(false);
                foreach (var (info, salt, hash) in candidates)
                {
                    if (ApiKeyHasher.Matches(salt, hash, presentedKey))
                    {
                        return info;
                    }
                }

                return null;
            },
            cancellationToken);
    }

    public Task<bool> RevokeApiKeyAsync(string keyId, string actor, CancellationToken cancellationToken = default)
    {
        Require(keyId, nameof(keyId));
        Require(actor, nameof(actor));
        return WriteAsync(
            async (connection, transaction) =>
            {
                var found = await ReadKeysAsync(
                    connection, transaction, " WHERE id = @id AND revoked_at IS NULL", cancellationToken, ("@id", keyId)).ConfigureAwait(false);
                if (found.Count == 0)
                {
                    return (false, false);
                }

                await Db.ExecuteAsync(
                    connection,
                    transaction,
                    "UPDATE api_keys SET revoked_at = @at WHERE id = @id",
                    cancellationToken,
                    ("@at", dialect.ToDb(Now())),
                    ("@id", keyId)).ConfigureAwait(false);
                var info = found[0].Info;
                await AuditKeyAsync(connection, transaction, actor, "api_key.revoked", keyId, info.Name, info.Role, cancellationToken)
                    .ConfigureAwait(false);
                return (true, true);
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<ApiKeyInfo>> ListApiKeysAsync(CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<ApiKeyInfo>>(
            async connection =>
            {
                var keys = await ReadKeysAsync(connection, null, " ORDER BY created_at, name", cancellationToken).ConfigureAwait(false);
                return [.. keys.Select(k => k.Info)];
            },
            cancellationToken);

    private async Task InsertKeyAsync(
        DbConnection connection,
        DbTransaction transaction,
        string id,
        string name,
        ApiRole role,
        string kind,
        string key,
        DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        var salt = ApiKeyHasher.NewSalt();
        await Db.ExecuteAsync(
            connection,
            transaction,
            "INSERT INTO api_keys (id, name, role, kind, salt, hash, created_at, revoked_at) "
            + "VALUES (@id, @name, @role, @kind, @salt, @hash, @at, NULL)",
            cancellationToken,
            ("@id", id),
            ("@name", name),
            ("@role", StorageCodes.Code(role)),
            ("@kind", kind),
            ("@salt", salt),
            ("@hash", ApiKeyHasher.Hash(salt, key)),
            ("@at", dialect.ToDb(at))).ConfigureAwait(false);
    }

    private Task<AuditRecord> AuditKeyAsync(
        DbConnection connection, DbTransaction transaction, string actor, string action, string id, string name, ApiRole role, CancellationToken cancellationToken)
    {
        var payload = new JsonObject { ["name"] = name, ["role"] = StorageCodes.Code(role) };
        return AppendCoreAsync(connection, transaction, new AuditEntry(actor, action, id, payload.ToJsonString()), cancellationToken);
    }

    private async Task<List<(ApiKeyInfo Info, string Salt, string Hash)>> ReadKeysAsync(
        DbConnection connection, DbTransaction? transaction, string tail, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        var keys = new List<(ApiKeyInfo, string, string)>();
        var command = Db.Command(connection, transaction, "SELECT " + KeyColumns + " FROM api_keys" + tail, parameters);
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    keys.Add(DamagedRowGuard.Read(reader, "api_keys", reader => (new ApiKeyInfo(
                        reader.GetString(0),
                        reader.GetString(1),
                        StorageCodes.ParseRole(reader.GetString(2)),
                        dialect.ReadTime(reader, 3),
                        reader.IsDBNull(4) ? null : dialect.ReadTime(reader, 4)), reader.GetString(5), reader.GetString(6))));
                }
            }
        }

        return keys;
    }
}
