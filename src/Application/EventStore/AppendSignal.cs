namespace Energy.Application.EventStore;

/// <summary>
/// Wakes the daemon right after a commit, so projection lag is not bounded by the poll interval: at once for a
/// commit in this process (<see cref="Raise"/>), and through <see cref="PeerAppendListener"/> for one
/// another host announced (<see cref="RaiseFromPeer"/>). Appending transactions never NOTIFY themselves: NOTIFY
/// serialises every committing transaction that sent one on a global lock; <see cref="AppendAnnouncer"/>
/// announces local commits from its own transaction instead, at most once per interval.
/// </summary>
public sealed class AppendSignal
{
    private TaskCompletionSource anyCommit = NewSource();
    private TaskCompletionSource localCommit = NewSource();
    private int unannounced;

    /// <summary>This host among those on the database: its listener does not wake the daemon twice for its own commits.</summary>
    public string HostId { get; } = Guid.NewGuid().ToString("N");

    /// <summary>A transaction of this process appended events and committed.</summary>
    public void Raise()
    {
        Volatile.Write(ref unannounced, 1);
        Interlocked.Exchange(ref localCommit, NewSource()).TrySetResult();
        Interlocked.Exchange(ref anyCommit, NewSource()).TrySetResult();
    }

    /// <summary>Another host announced a commit: wakes the daemon here, is not announced again.</summary>
    public void RaiseFromPeer() => Interlocked.Exchange(ref anyCommit, NewSource()).TrySetResult();

    /// <summary>Completes at the next commit anywhere, or after <paramref name="timeout"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        var raised = Volatile.Read(ref anyCommit).Task;
        await Task.WhenAny(raised, Task.Delay(timeout, ct));
        ct.ThrowIfCancellationRequested();
    }

    /// <summary>
    /// Completes once a local commit has happened that no earlier call reported: a commit between two calls is
    /// reported by the second at once, several are reported once. For one consumer, the announcer.
    /// </summary>
    public async Task WaitForUnannouncedCommitAsync(CancellationToken ct)
    {
        var next = Volatile.Read(ref localCommit).Task;
        if (Interlocked.Exchange(ref unannounced, 0) == 1)
        {
            return;
        }

        await next.WaitAsync(ct);
        Interlocked.Exchange(ref unannounced, 0);
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
