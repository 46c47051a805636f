using Npgsql;

namespace Comity.Storage.Tests.Contract;

/// <summary>
/// The contract on PostgreSQL: a fresh schema per test in the database named by COMITY_TEST_POSTGRES.
/// Without that variable every test fails and says how to start a server; they are never skipped.
/// </summary>
public sealed class PostgresStoreTests : StoreContractTests
{
    public const string Variable = "COMITY_TEST_POSTGRES";

    private readonly string schema = "comity_t_" + Guid.NewGuid().ToString("N");
    private string baseConnectionString = "";

    protected override string Spec => "postgres:" + SchemaConnectionString;

    protected override int MigrationCount => 6;

    protected override string DisableAuditTriggersSql => "ALTER TABLE audit_log DISABLE TRIGGER USER";

    private string SchemaConnectionString =>
        new NpgsqlConnectionStringBuilder(baseConnectionString) { SearchPath = schema }.ToString();

    public override async ValueTask InitializeAsync()
    {
        baseConnectionString = RequireConnectionString(Environment.GetEnvironmentVariable(Variable));
        await using var connection = new NpgsqlConnection(baseConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
        await command.ExecuteNonQueryAsync(Ct);
    }

    /// <summary>The connection string, or an exception that says how to get one.</summary>
    public static string RequireConnectionString(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException(
                $"{Variable} is not set, so the PostgreSQL storage tests cannot run (they are never skipped). "
                + "Start a local server with `bash .ci/postgres.sh` and run the `export " + Variable + "=...` line it prints, "
                + "e.g. export " + Variable + "='Host=127.0.0.1;Port=55432;Username=comity;Password=comity;Database=comity_test'.");
        }

        return value;
    }

    protected override async ValueTask CleanupAsync()
    {
        if (baseConnectionString.Length == 0)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(baseConnectionString);
        await connection.OpenAsync(CancellationToken.None);
        await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", connection);
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }

    protected override async Task<int> ExecuteRawAsync(string sql)
    {
        await using var connection = await OpenRawAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync(Ct);
    }

    protected override async Task<long> ScalarRawAsync(string sql)
    {
        await using var connection = await OpenRawAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(Ct));
    }

    private async Task<NpgsqlConnection> OpenRawAsync()
    {
        var connection = new NpgsqlConnection(
            new NpgsqlConnectionStringBuilder(SchemaConnectionString) { Pooling = false }.ToString());
        await connection.OpenAsync(Ct);
        return connection;
    }
}
