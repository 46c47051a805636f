using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Comity.Server;

/// <summary>A started server: its address, and how to stop it.</summary>
public sealed class RunningServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    internal RunningServer(WebApplication app)
    {
        _app = app;
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        BaseAddresses = [.. addresses.Select(a => new Uri(a.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)))];
        BaseAddress = BaseAddresses.Count > 0 ? BaseAddresses[0] : new Uri("http://127.0.0.1/");
    }

    /// <summary>The first address the server listens on (e.g. <c>http://127.0.0.1:41234/</c>).</summary>
    public Uri BaseAddress { get; }

    public IReadOnlyList<Uri> BaseAddresses { get; }

    internal IServiceProvider Services => _app.Services;

    /// <summary>Waits until the first corpus is in force (or its load failed).</summary>
    public Task WaitUntilReadyAsync(CancellationToken cancellationToken = default) =>
        _app.Services.GetRequiredService<CorpusHost>().WaitForFirstLoadAsync(cancellationToken);

    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
