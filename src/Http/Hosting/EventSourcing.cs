using Energy.Application;
using Energy.Application.Alarms.Notifications;
using Energy.Application.Common;
using Energy.Domain;
using Energy.Application.EventStore;
using Energy.Projections;
using Wolverine.Marten;

namespace Energy.Http.Hosting;

/// <summary>Wires the store, the daemon, the domain's events, the projections and the handlers.</summary>
public static class EventSourcing
{
    public static IServiceCollection AddEnergyEventSourcing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddEventStore(
            configuration.GetSection("Energy:Daemon"),
            events => events.RegisterAll(typeof(IEvent).Assembly, t => typeof(IEvent).IsAssignableFrom(t)),
            marten => marten
                .IntegrateWithWolverine(wolverine => wolverine.MessageStorageSchemaName = "wolverine")
                .PublishEventsToWolverine(NotificationRelay.Name, NotificationRelay.Configure));

        // One instance per projection class, seen both as a processor and as a schema contributor.
        services.Scan(scan => scan.FromAssemblies(typeof(ProjectionsAssembly).Assembly, typeof(ApplicationAssembly).Assembly)
            .AddClasses(c => c.AssignableToAny(typeof(IEventProcessor), typeof(IInlineProjection), typeof(ISchemaContributor)))
            .AsSelfWithInterfaces()
            .WithSingletonLifetime());

        // Read ports the application declares (IConsumptionReader …), implemented beside their tables.
        services.Scan(scan => scan.FromAssemblies(typeof(ProjectionsAssembly).Assembly)
            .AddClasses(c => c.Where(t => t.Name.EndsWith("Reader", StringComparison.Ordinal)))
            .AsImplementedInterfaces()
            .WithSingletonLifetime());

        // Command handlers and query services: found by name, so a feature adds one without touching wiring.
        services.Scan(scan => scan.FromAssemblies(typeof(ApplicationAssembly).Assembly)
            .AddClasses(c => c.Where(t => t.Name.EndsWith("Handler", StringComparison.Ordinal) || t.Name.EndsWith("Queries", StringComparison.Ordinal)))
            .AsSelf()
            .WithScopedLifetime());

        services.AddAlarmNotifications(configuration);
        services.AddEnergyMessaging(configuration);
        services.AddHostedService<MoveOutboxIntoWolverine>();
        services.AddSingleton<Ids>();
        services.AddSingleton<StreamCommands>();
        services.AddSingleton<IReadinessCheck, DatabaseReadiness>();
        return services;
    }
}
