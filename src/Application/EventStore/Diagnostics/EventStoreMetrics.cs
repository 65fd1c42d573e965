using System.Diagnostics.Metrics;

namespace Energy.Application.EventStore;

/// <summary>
/// The store's instruments on the <see cref="MeterName"/> meter. Created through <see cref="IMeterFactory"/>,
/// so each host (and each test host) has its own meter and listeners can tell them apart.
/// </summary>
public sealed class EventStoreMetrics
{
    public const string MeterName = "Energy.EventStore";
    public const string EventsAppended = "energy.eventstore.events_appended";
    public const string ProjectionLag = "energy.projection.lag";

    private readonly Counter<long> appended;

    public EventStoreMetrics(IMeterFactory meters)
    {
        Meter = meters.Create(MeterName);
        appended = Meter.CreateCounter<long>(EventsAppended, "{event}", "Events committed to the log by appends in their own transaction");
    }

    public Meter Meter { get; }

    /// <summary>Called after the commit, so a rolled-back or duplicate append is never counted.</summary>
    internal void Appended(int count) => appended.Add(count);
}
