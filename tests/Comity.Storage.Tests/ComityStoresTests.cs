using Comity.Storage.Tests.Contract;

namespace Comity.Storage.Tests;

public sealed class ComityStoresTests
{
    [Theory]
    [InlineData("sqlite:/var/lib/comity/comity.db", "sqlite", "/var/lib/comity/comity.db")]
    [InlineData("sqlite:Data Source=x.db;Cache=Shared", "sqlite", "Data Source=x.db;Cache=Shared")]
    [InlineData("postgres:Host=db;Username=u;Password=p:w", "postgres", "Host=db;Username=u;Password=p:w")]
    [InlineData("postgresql:Host=db", "postgres", "Host=db")]
    public void Spec_names_scheme_and_target(string spec, string scheme, string target) =>
        Assert.Equal((scheme, target), ComityStores.ParseSpec(spec));

    [Theory]
    [InlineData("")]
    [InlineData("comity.db")]
    [InlineData("sqlite:")]
    [InlineData(":memory:")]
    [InlineData("mysql:Server=x")]
    public void Malformed_specs_are_refused_with_the_accepted_forms(string spec)
    {
        var error = Assert.Throws<StoreException>(() => ComityStores.ParseSpec(spec));
        Assert.Contains("sqlite:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_loads_the_provider_by_scheme_and_creates_the_directory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "comity-storage-tests", Guid.NewGuid().ToString("N"));
        var path = Path.Combine(directory, "new", "comity.db");
        try
        {
            await using (var store = await ComityStores.OpenAsync("sqlite:" + path, cancellationToken: TestContext.Current.CancellationToken))
            {
                Assert.Equal("sqlite", store.Provider);
                Assert.True(File.Exists(path));
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Missing_postgres_variable_fails_with_instructions()
    {
        var error = Assert.Throws<InvalidOperationException>(() => PostgresStoreTests.RequireConnectionString(null));
        Assert.Contains("bash .ci/postgres.sh", error.Message, StringComparison.Ordinal);
        Assert.Contains("COMITY_TEST_POSTGRES", error.Message, StringComparison.Ordinal);
        Assert.Equal("Host=h", PostgresStoreTests.RequireConnectionString("Host=h"));
    }
}
