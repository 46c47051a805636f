using System.Data.Common;
using System.Globalization;

namespace Comity.Storage.Sql;

internal sealed partial class SqlComityStore
{
    /// <summary>
    /// Applies the provider's migrations that are not yet in schema_version, all in one write transaction under
    /// the provider's migration lock, so concurrent openers wait for each other and re-running changes nothing.
    /// </summary>
    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await dialect.PrepareAsync(connection, cancellationToken).ConfigureAwait(false);
            await dialect.CheckIntegrityAsync(connection, cancellationToken).ConfigureAwait(false);
            var transaction = await dialect.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await dialect.LockMigrationsAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
                var before = await TableNamesAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
                if (before.Count == 0 && dialect.OpensExistingDatabase)
                {
                    throw new StoreException(
                        $"The existing {dialect.Provider} database holds no tables: it is not a Comity database, or a copy taken without its -wal file (where the server's recent writes live). Refusing to open it as a new, empty store; copy the -wal file with it, or remove the file to start afresh.")
                    { IsCorruption = true };
                }

                if (before.Count > 0 && !before.Contains("schema_version"))
                {
                    throw new StoreException(
                        $"The {dialect.Provider} database holds tables ({string.Join(", ", before.Order(StringComparer.Ordinal).Take(5))}) but no schema_version table: it is not a Comity database, or its migrations table was removed. Refusing to open it.")
                    { IsCorruption = true };
                }

                await Db.ExecuteAsync(connection, transaction, dialect.SchemaVersionDdl, cancellationToken).ConfigureAwait(false);
                var applied = new HashSet<long>();
                var command = Db.Command(connection, transaction, "SELECT version FROM schema_version");
                await using (command.ConfigureAwait(false))
                {
                    var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            applied.Add(reader.GetInt64(0));
                        }
                    }
                }

                var known = dialect.Migrations.Count == 0 ? 0 : dialect.Migrations.Max(m => m.Version);
                if (applied.Count > 0 && applied.Max() > known)
                {
                    throw new StoreException(string.Create(
                        CultureInfo.InvariantCulture,
                        $"The database's schema version {applied.Max()} is newer than this Comity knows ({known}); refusing to open it (upgrade Comity)."));
                }

                if (applied.Count == 0 && before.Count > 1)
                {
                    throw new StoreException(
                        $"The {dialect.Provider} database holds Comity-like tables but its schema_version table is empty: it was altered outside Comity or is damaged. Refusing to open it.")
                    { IsCorruption = true };
                }

                if (applied.Count > 0 && before.Count > 0)
                {
                    // An existing store: every table its applied migrations created must still be there.
                    var missing = ExpectedTables(dialect.Migrations.Where(m => applied.Contains(m.Version))).Where(t => !before.Contains(t)).ToList();
                    if (missing.Count > 0)
                    {
                        throw new StoreException(
                            $"The {dialect.Provider} database lacks the table(s) {string.Join(", ", missing)} that its schema version requires: it was altered outside Comity or is damaged. Refusing to open it.")
                        { IsCorruption = true };
                    }
                }

                foreach (var migration in dialect.Migrations.OrderBy(m => m.Version))
                {
                    if (applied.Contains(migration.Version))
                    {
                        continue;
                    }

                    await Db.ExecuteAsync(connection, transaction, migration.Sql, cancellationToken).ConfigureAwait(false);
                    await Db.ExecuteAsync(
                        connection,
                        transaction,
                        "INSERT INTO schema_version (version, name, applied_at) VALUES (@version, @name, @at)",
                        cancellationToken,
                        ("@version", (long)migration.Version),
                        ("@name", migration.Name),
                        ("@at", dialect.ToDb(Now()))).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Names of the tables the migrations leave (<c>CREATE TABLE name</c>, less <c>DROP TABLE name</c>, with
    /// <c>ALTER TABLE a RENAME TO b</c> applied), in statement order, lower case.</summary>
    internal static IReadOnlyList<string> ExpectedTables(IEnumerable<Migration> migrations)
    {
        var tables = new List<string>();
        foreach (var m in migrations.OrderBy(m => m.Version))
        {
            foreach (System.Text.RegularExpressions.Match x in TableStatement().Matches(m.Sql))
            {
                if (x.Groups["create"].Success)
                {
                    var name = x.Groups["create"].Value.ToLowerInvariant();
                    if (!tables.Contains(name))
                    {
                        tables.Add(name);
                    }
                }
                else if (x.Groups["drop"].Success)
                {
                    tables.Remove(x.Groups["drop"].Value.ToLowerInvariant());
                }
                else
                {
                    var from = x.Groups["from"].Value.ToLowerInvariant();
                    var i = tables.IndexOf(from);
                    if (i >= 0)
                    {
                        tables[i] = x.Groups["to"].Value.ToLowerInvariant();
                    }
                }
            }
        }

        return tables;
    }

    private async Task<HashSet<string>> TableNamesAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var command = Db.Command(connection, transaction, dialect.TableNamesSql);
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    names.Add(reader.GetString(0).ToLowerInvariant());
                }
            }
        }

        return names;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(?<create>[A-Za-z_][A-Za-z0-9_]*)|DROP\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?<drop>[A-Za-z_][A-Za-z0-9_]*)|ALTER\s+TABLE\s+(?<from>[A-Za-z_][A-Za-z0-9_]*)\s+RENAME\s+TO\s+(?<to>[A-Za-z_][A-Za-z0-9_]*)", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex TableStatement();
}
