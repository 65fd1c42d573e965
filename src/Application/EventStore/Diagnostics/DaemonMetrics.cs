using System.Diagnostics.Metrics;
using JasperFx.Events.Daemon;
using Microsoft.Extensions.Hosting;

namespace Energy.Application.EventStore;

/// <summary>
/// The daemon's lag gauge, read from Marten's daemon on this host when a listener collects: its high-water mark
/// minus each running shard's position. Only the host running the shards (HotCold) reports them, so a waiting
/// host never shows a stale floor as lag.
/// </summary>
internal sealed class DaemonMetrics(EventStoreMetrics metrics, IProjectionCoordinator coordinator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        metrics.Meter.CreateObservableGauge(
            EventStoreMetrics.ProjectionLag,
            () =>
            {
                var daemon = coordinator.DaemonForMainDatabase();
                var mark = daemon.HighWaterMark();
                return daemon.CurrentAgents().Select(a => new Measurement<long>(
                    Math.Max(0, mark - a.Position), new KeyValuePair<string, object?>("projection", a.Name.Name)));
            },
            "{event}",
            "Events below the high-water mark that the processor has not applied yet");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
