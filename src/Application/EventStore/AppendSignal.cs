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
    private TaskCompletionSource nextCommit = NewSource();
    private long localCommits;

    /// <summary>This host among those on the database: its listener does not wake the daemon twice for its own commits.</summary>
    public string HostId { get; } = Guid.NewGuid().ToString("N");

    /// <summary>A transaction of this process appended events and committed.</summary>
    public void Raise()
    {
        Interlocked.Increment(ref localCommits);
        RaiseFromPeer();
    }

    /// <summary>Another host announced a commit: wakes the daemon here, is not counted as this host's.</summary>
    public void RaiseFromPeer() => Interlocked.Exchange(ref nextCommit, NewSource()).TrySetResult();

    /// <summary>Completes at the next commit anywhere, or after <paramref name="timeout"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        var raised = Volatile.Read(ref nextCommit).Task;
        await Task.WhenAny(raised, Task.Delay(timeout, ct));
        ct.ThrowIfCancellationRequested();
    }

    /// <summary>
    /// Completes once this process has committed more appends than <paramref name="seen"/> (at once if it already
    /// has), with how many it has committed by then.
    /// </summary>
    public async Task<long> WaitForLocalCommitsAfterAsync(long seen, CancellationToken ct)
    {
        while (true)
        {
            // The wake-up is taken before the count: a commit between the two completes it.
            var next = Volatile.Read(ref nextCommit).Task;
            var commits = Interlocked.Read(ref localCommits);
            if (commits > seen)
            {
                return commits;
            }

            await next.WaitAsync(ct);
        }
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
