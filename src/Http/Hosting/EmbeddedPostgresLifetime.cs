using Energy.Http.Hosting.Embedded;

namespace Energy.Http.Hosting;

/// <summary>
/// Stops the embedded cluster when the host stops. Registered before the app's other hosted
/// services, so it is stopped after them (hosts stop services in reverse order) and the projection
/// daemon can still write its last checkpoint. With <paramref name="stop"/> false (a cluster the CLI found
/// running) it leaves the server alone.
/// </summary>
internal sealed class EmbeddedPostgresLifetime(EmbeddedPostgres postgres, ILoggerFactory loggerFactory, bool stop)
    : IHostedService, IAsyncDisposable
{
    // Already started by AddEnergyDatabase, before the host was built.
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => stop ? postgres.StopAsync(cancellationToken) : Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (stop)
        {
            await postgres.DisposeAsync();
        }

        loggerFactory.Dispose();
    }
}
