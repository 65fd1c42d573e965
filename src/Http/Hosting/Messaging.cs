using Energy.Application.Alarms.Notifications;
using JasperFx.CodeGeneration;
using Wolverine;

namespace Energy.Http.Hosting;

/// <summary>
/// Wolverine: durable local queues, scheduled retries and its inbox/outbox, all in the service's PostgreSQL (schema
/// <c>wolverine</c>, through Marten's integration). Handlers are named, not discovered by convention, and their
/// adapters are generated ahead of time (<c>dotnet run --project src/Http -- codegen write</c>, into
/// <c>Internal/Generated</c>) and loaded statically: the service needs no Roslyn at run time and handles its
/// first message without compiling.
/// </summary>
public static class Messaging
{
    public static IServiceCollection AddEnergyMessaging(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddWolverine(ExtensionDiscovery.ManualOnly, wolverine =>
        {
            wolverine.ServiceName = "Energy";
            wolverine.ApplicationAssembly = typeof(Messaging).Assembly;
            wolverine.CodeGeneration.TypeLoadMode = TypeLoadMode.Static;
            wolverine.Discovery.DisableConventionalDiscovery();
            wolverine.Durability.Mode = DurabilityMode.Balanced;
            // How soon a scheduled retry whose time has come is picked up from the message store.
            wolverine.Durability.ScheduledJobPollingTime = configuration.GetValue("Energy:Messaging:ScheduledPollInterval", TimeSpan.FromSeconds(1));
            NotificationMessaging.Configure(wolverine, NotificationOptions.From(configuration));
        });
        return services;
    }
}
