namespace Comity.Server.Tests.Support;

/// <summary>One <see cref="TestServer"/> shared by the tests of a class (<c>IClassFixture&lt;T&gt;</c>): started
/// before its first test, disposed after its last. For tests that need no fresh server of their own; each test still
/// creates the records it checks (its own alerts, runs, keys), so the tests of a class pass in any order.
/// Subclasses override <see cref="Configure"/> for a server with other options (API keys).</summary>
public class ServerFixture : IAsyncLifetime
{
    internal TestServer Server { get; private set; } = null!;

    internal virtual ServeOptions Configure(ServeOptions options) => options;

    public async ValueTask InitializeAsync() => Server = await TestServer.StartAsync(Configure);

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The default server (UN and OFAC consolidated lists, no keys) shared by the whole assembly
/// (<c>[assembly: AssemblyFixture]</c>), for the classes that only read from it: <c>/match</c>, <c>/search</c>,
/// <c>/entities</c>, <c>/catalog</c>, <c>/algorithms</c>, health and the OpenAPI document. A class that writes
/// (alerts, reviews, reloads) or counts (metrics) uses a fixture or a server of its own.</summary>
public sealed class SharedServer : ServerFixture;
