using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Energy.EventStore;

/// <summary>
/// Supervises the high-water agent and one runner per registered processor: starts them, and restarts any
/// loop that died or whose heartbeat went silent.
/// </summary>
public sealed partial class ProjectionDaemon(
    IEnumerable<IEventProcessor> processors,
    NpgsqlDataSource dataSource,
    IEventStore store,
    HighWaterAgent highWater,
    EventStoreMetrics metrics,
    IOptions<DaemonOptions> options,
    TimeProvider clock,
    ILoggerFactory loggers) : BackgroundService
{
    private static readonly TimeSpan SupervisionInterval = TimeSpan.FromSeconds(2);
    private readonly ILogger logger = loggers.CreateLogger<ProjectionDaemon>();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Supervised> loops = new();
    private readonly EventFeed feed = new(store, options.Value.FeedCapacity <= 0 ? 0 : Math.Max(options.Value.FeedCapacity, options.Value.BatchSize));

    public IReadOnlyList<IEventProcessor> Processors { get; } = processors.ToArray();

    /// <summary>Is this host currently applying events for the processor.</summary>
    public bool IsLeading(string name) => loops.TryGetValue(name, out var loop) && loop.Runner?.IsLeader == true;

    /// <summary>Heartbeat of this host's loop for the processor.</summary>
    public DateTimeOffset? HeartbeatOf(string name) => loops.TryGetValue(name, out var loop) ? loop.Runner?.Heartbeat : null;

    /// <summary>The runners applying events on this host right now, for the gauges.</summary>
    internal IEnumerable<ProjectionRunner> LeadingRunners() =>
        loops.Values.Select(l => l.Runner).OfType<ProjectionRunner>().Where(r => r.IsLeader);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        DaemonMetrics.Observe(metrics, this, highWater);
        loops["$high_water"] = Start(null, stoppingToken);
        foreach (var processor in Processors)
        {
            loops[processor.Name] = Start(processor, stoppingToken);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(SupervisionInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            foreach (var (name, loop) in loops.ToArray())
            {
                var beat = loop.Runner?.Heartbeat ?? highWater.Heartbeat;
                var silent = clock.GetUtcNow() - beat > options.Value.StallTimeout;
                if (loop.Task.IsCompleted || silent)
                {
                    LogRestart(logger, name, loop.Task.Exception?.GetBaseException().Message ?? (silent ? "heartbeat silent" : "loop ended"));
                    await loop.Cancellation.CancelAsync();
                    loop.Cancellation.Dispose();
                    loops[name] = Start(loop.Runner?.Processor, stoppingToken);
                }
            }
        }

        await Task.WhenAll(loops.Values.Select(l => l.Task.ContinueWith(_ => { }, TaskScheduler.Default)));
    }

    public override void Dispose()
    {
        feed.Dispose();
        base.Dispose();
    }

    private Supervised Start(IEventProcessor? processor, CancellationToken stoppingToken)
    {
        var cancellation = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        if (processor is null)
        {
            return new Supervised(null, Guard("$high_water", () => highWater.RunAsync(cancellation.Token), cancellation.Token), cancellation);
        }

        var runner = new ProjectionRunner(processor, dataSource, store, feed, highWater, options.Value, clock, loggers.CreateLogger("Energy.EventStore.Projections." + processor.Name));
        return new Supervised(runner, Guard(processor.Name, () => runner.RunAsync(cancellation.Token), cancellation.Token), cancellation);
    }

    /// <summary>Runs a loop, backing off after a crash so a broken database does not become a hot loop.</summary>
    private Task Guard(string name, Func<Task> loop, CancellationToken ct) => Task.Run(
        async () =>
        {
            while (!ct.IsCancellationRequested)
            {
                try
                {
                    await loop();
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e)
                {
                    LogCrashed(logger, e, name);
                    try
                    {
                        await Task.Delay(options.Value.RetryBackoff * 10, clock, ct);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                }
            }
        },
        CancellationToken.None);

    private sealed record Supervised(ProjectionRunner? Runner, Task Task, CancellationTokenSource Cancellation);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Restarting the {Loop} loop: {Reason}")]
    private static partial void LogRestart(ILogger logger, string loop, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "The {Loop} loop crashed; it restarts after a pause")]
    private static partial void LogCrashed(ILogger logger, Exception error, string loop);
}
