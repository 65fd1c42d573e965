namespace Energy.Application.EventStore;

/// <summary>Tuning of the projection daemon, Marten's async daemon (configuration section <c>Energy:Daemon</c>).</summary>
public sealed class DaemonOptions
{
    /// <summary>Whether this host runs projections at all (a query-only replica would not).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How often Marten's high-water agent looks for new events when no append woke it
    /// (<see cref="AppendSignalWakeup"/>), how often operators' pauses and rebuild requests are looked for, and
    /// what appends on another host may add to projection lag when their announcement is lost.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// The shortest time between two announcements of this host's appends to the others (one NOTIFY from its own
    /// transaction, <see cref="AppendAnnouncer"/>): what cross-host wake-ups cost the database and may add to
    /// lag. Zero turns announcing and listening off; other hosts then see appends at their poll.
    /// </summary>
    public TimeSpan AnnounceInterval { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// How long a sequence gap below committed events is waited for before the high-water mark passes it
    /// (Marten's <c>StaleSequenceThreshold</c>). Marten skips earlier when PostgreSQL shows that no transaction
    /// that could still fill the gap is open (transaction-evidence gap skipping, on by default).
    /// </summary>
    public TimeSpan GapThreshold { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Events per projection transaction (Marten's batch size of each shard).</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>A blue/green rebuild's pages are this many times <see cref="BatchSize"/>: fewer, larger transactions win when replaying history.</summary>
    public int RebuildBatchFactor { get; set; } = 5;

    /// <summary>Pause after a failed loop before it looks again, and before a shard Marten paused on an error is started again.</summary>
    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How often a host without the daemon's leadership tries to take it over (Marten's HotCold mode).</summary>
    public TimeSpan LeaderRetry { get; set; } = TimeSpan.FromSeconds(1);
}
