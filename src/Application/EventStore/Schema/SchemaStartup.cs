using Microsoft.Extensions.Hosting;

namespace Energy.Application.EventStore;

/// <summary>Migrates the schema before anything else starts (it is registered ahead of the daemon).</summary>
internal sealed class SchemaStartup(SchemaMigrator migrator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
