using JasperFx.Events.Daemon.HighWater;

namespace Energy.Application.EventStore;

/// <summary>
/// Wakes Marten's high-water agent the moment this process committed an append, instead of after its polling
/// interval; appends on other hosts are seen at the next poll. Not Marten's LISTEN/NOTIFY wake-up: NOTIFY
/// serialises every committing transaction on one global lock, which the single-push ingest path cannot afford.
/// </summary>
internal sealed class AppendSignalWakeup(AppendSignal signal) : IDaemonWakeup
{
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellation) => signal.WaitAsync(timeout, cancellation);

    public void Dispose()
    {
    }
}
