namespace Energy.Application.EventStore;

/// <summary>
/// Wakes this process's daemon right after a local commit, so projection lag is not bounded by the poll
/// interval. Deliberately not NOTIFY: NOTIFY serialises every committing transaction on a global lock.
/// </summary>
public sealed class AppendSignal
{
    private TaskCompletionSource next = NewSource();

    public void Raise() => Interlocked.Exchange(ref next, NewSource()).TrySetResult();

    /// <summary>Completes at the next <see cref="Raise"/>, or after <paramref name="timeout"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        var raised = Volatile.Read(ref next).Task;
        await Task.WhenAny(raised, Task.Delay(timeout, ct));
        ct.ThrowIfCancellationRequested();
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
