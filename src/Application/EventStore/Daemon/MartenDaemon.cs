using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Energy.Application.EventStore;

/// <summary>
/// Every registered processor as an asynchronous projection of Marten's daemon, and the daemon's settings.
/// </summary>
internal static class MartenDaemon
{
    public static void Configure(StoreOptions marten, IServiceProvider services, EventTypeRegistry registry)
    {
        var options = services.GetRequiredService<IOptions<DaemonOptions>>().Value;

        // HotCold: one host at a time runs every shard, the others wait on the daemon's advisory lock.
        marten.Projections.AsyncMode = options.Enabled ? DaemonMode.HotCold : DaemonMode.Disabled;
        marten.Projections.LeadershipPollingTime = (int)options.LeaderRetry.TotalMilliseconds;

        // High water: woken by local appends, else polled; a gap no open transaction can fill is passed at once
        // (transaction evidence), one still unexplained after GapThreshold is passed too.
        marten.Projections.Wakeup = new AppendSignalWakeup(services.GetRequiredService<AppendSignal>());
        marten.Projections.FastPollingTime = options.PollInterval;
        marten.Projections.SlowPollingTime = options.PollInterval;
        marten.Projections.StaleSequenceThreshold = options.GapThreshold;
        marten.Projections.ExtendedProgressionHeartbeatInterval = TimeSpan.FromSeconds(5);

        var store = new Lazy<IEventStore>(services.GetRequiredService<IEventStore>);
        var deadLetters = services.GetRequiredService<DeadLetters>();
        foreach (var processor in services.GetRequiredService<ProcessorCatalog>().All)
        {
            var projection = new ProjectionWrapper<IDocumentOperations, IQuerySession>(
                new MartenProcessor(processor, () => store.Value, deadLetters), ProjectionLifecycle.Async) { Name = processor.Name };
            foreach (var type in processor.EventTypes ?? [])
            {
                projection.IncludeType(registry.TypeOf(type) ?? throw new InvalidOperationException($"{processor.Name} wants {type}, which no event type is registered as."));
            }

            marten.Projections.Add(projection, ProjectionLifecycle.Async, o => o.BatchSize = options.BatchSize);
        }
    }
}
