using System.Diagnostics.Metrics;

namespace Energy.EventStore;

/// <summary>
/// The daemon's gauges, read from its in-memory view when a listener collects: lag is this host's high-water
/// mark minus the floor its runner last saw committed. Only the leading host reports a processor, so a
/// follower's stale floor never shows as lag.
/// </summary>
internal static class DaemonMetrics
{
    public static void Observe(EventStoreMetrics metrics, ProjectionDaemon daemon, HighWaterAgent highWater)
    {
        metrics.Meter.CreateObservableGauge(
            EventStoreMetrics.ProjectionLag,
            () => daemon.LeadingRunners().Select(r => new Measurement<long>(
                Math.Max(0, highWater.Mark - r.Floor), new KeyValuePair<string, object?>("projection", r.Processor.Name))),
            "{event}",
            "Events below the high-water mark that the processor has not applied yet");
        metrics.Meter.CreateObservableGauge(
            EventStoreMetrics.RebuildProgress,
            () => daemon.LeadingRunners().Where(r => r.RebuildProgress is not null).Select(r => new Measurement<double>(
                r.RebuildProgress!.Value, new KeyValuePair<string, object?>("projection", r.Processor.Name))),
            "1",
            "How far a running blue/green rebuild has come towards its target, 0 to 1");
    }
}
