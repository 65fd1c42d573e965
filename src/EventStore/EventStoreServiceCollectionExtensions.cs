using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Energy.EventStore;

public static class EventStoreServiceCollectionExtensions
{
    /// <summary>
    /// The store (on Marten), its schema, the high-water agent and the daemon. An <c>NpgsqlDataSource</c> must be
    /// registered separately; processors are registered as <see cref="IEventProcessor"/>.
    /// </summary>
    public static IServiceCollection AddEventStore(this IServiceCollection services, IConfiguration daemonSection, Action<EventTypeRegistry> registerEvents)
    {
        var registry = new EventTypeRegistry();
        registerEvents(registry);
        services.AddSingleton(registry);
        services.AddSingleton<EventSerializer>();
        services.AddMetrics();
        services.AddSingleton<EventStoreMetrics>();
        services.AddSingleton<AppendSignal>();
        services.AddMarten(sp => MartenStoreOptions.For(sp.GetRequiredService<Npgsql.NpgsqlDataSource>(), registry));
        services.AddSingleton<IEventStore, MartenEventStore>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ISchemaContributor, EventStoreSchema>();
        services.AddSingleton<ISchemaContributor, MoveEventsIntoMarten>();
        services.AddSingleton<ISchemaContributor, ProjectionSchema>();
        services.AddSingleton<SchemaMigrator>();
        services.AddHostedService<SchemaStartup>();
        services.Configure<DaemonOptions>(daemonSection);
        services.AddSingleton<HighWaterAgent>();
        services.AddSingleton<ProjectionOperations>();
        services.AddSingleton<InlineProjectionRebuild>();
        services.AddSingleton<ProjectionDaemon>();
        services.AddHostedService(sp => sp.GetRequiredService<ProjectionDaemon>());
        return services;
    }
}
