using Energy.EventStore.Embedded;

namespace Energy.Http.Hosting;

/// <summary>
/// Stops the embedded cluster when the host stops. Registered before the app's other hosted
/// services, so it is stopped after them (hosts stop services in reverse order) and the projection
/// daemon can still write its last checkpoint.
/// </summary>
internal sealed class EmbeddedPostgresLifetime(EmbeddedPostgres postgres, ILoggerFactory loggerFactory)
    : IHostedService, IAsyncDisposable
{
    // Already started by AddEnergyDatabase, before the host was built.
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => postgres.StopAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await postgres.DisposeAsync();
        loggerFactory.Dispose();
    }
}
