using JasperFx.Events.Daemon.HighWater;

namespace Energy.Application.EventStore;

/// <summary>
/// Wakes Marten's high-water agent the moment this process committed an append or another host announced one
/// (<see cref="AppendSignal"/>), instead of after its polling interval. Not Marten's own LISTEN/NOTIFY wake-up,
/// which has every appending transaction NOTIFY: those then queue on one global commit lock, which the
/// single-push ingest path cannot afford; <see cref="AppendAnnouncer"/> sends one NOTIFY per interval instead.
/// </summary>
internal sealed class AppendSignalWakeup(AppendSignal signal) : IDaemonWakeup
{
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellation) => signal.WaitAsync(timeout, cancellation);

    public void Dispose()
    {
    }
}
