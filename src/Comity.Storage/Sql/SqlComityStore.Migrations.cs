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
            var transaction = await dialect.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await dialect.LockMigrationsAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
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
}
