using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Energy.Application.EventStore;

public static class EventStoreServiceCollectionExtensions
{
    /// <summary>
    /// The store (on Marten), its schema, Marten's async daemon running every processor, and the operators'
    /// controls (pause, blue/green rebuild). An <c>NpgsqlDataSource</c> must be registered separately; processors
    /// are registered as <see cref="IEventProcessor"/>. <paramref name="integrate"/> adds to Marten's configuration
    /// (the host's messaging: Wolverine's outbox in the same database, event subscriptions relayed to it).
    /// </summary>
    public static IServiceCollection AddEventStore(
        this IServiceCollection services, IConfiguration daemonSection, Action<EventTypeRegistry> registerEvents,
        Action<MartenServiceCollectionExtensions.MartenConfigurationExpression>? integrate = null)
    {
        var registry = new EventTypeRegistry();
        registerEvents(registry);
        services.AddSingleton(registry);
        services.AddSingleton<EventSerializer>();
        services.AddMetrics();
        services.AddSingleton<EventStoreMetrics>();
        services.AddSingleton<AppendSignal>();
        services.Configure<DaemonOptions>(daemonSection);
        services.AddSingleton<ProcessorCatalog>();
        services.AddSingleton<DeadLetters>();
        var marten = services.AddMarten(sp =>
        {
            var options = MartenStoreOptions.For(sp.GetRequiredService<Npgsql.NpgsqlDataSource>(), registry);
            MartenDaemon.Configure(options, sp, registry);
            return options;
        });
        services.AddSingleton<IEventStore, MartenEventStore>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ISchemaContributor, EventStoreSchema>();
        services.AddSingleton<ISchemaContributor, MoveEventsIntoMarten>();
        services.AddSingleton<ISchemaContributor, MoveProgressionIntoMarten>();
        services.AddSingleton<ISchemaContributor, ProjectionSchema>();
        services.AddSingleton<SchemaMigrator>();
        services.AddHostedService<SchemaStartup>();
        services.AddSingleton<ProjectionOperations>();
        services.AddSingleton<InlineProjectionRebuild>();

        // After SchemaStartup, so the daemon starts on a migrated schema; with Energy:Daemon:Enabled false the
        // store's AsyncMode is Disabled and these do nothing.
        marten.AddAsyncDaemon(JasperFx.Events.Daemon.DaemonMode.HotCold);
        integrate?.Invoke(marten);
        services.AddHostedService<ProjectionControlAgent>();
        services.AddHostedService<BlueGreenRebuild>();
        services.AddHostedService<DaemonMetrics>();
        services.AddHostedService<AppendAnnouncer>();
        services.AddHostedService<PeerAppendListener>();
        return services;
    }
}
