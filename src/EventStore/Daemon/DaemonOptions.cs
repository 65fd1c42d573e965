namespace Energy.EventStore;

/// <summary>Tuning of the projection daemon (configuration section <c>Energy:Daemon</c>).</summary>
public sealed class DaemonOptions
{
    /// <summary>Whether this host runs projections at all (a query-only replica would not).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often an idle loop looks for new events when no local append woke it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// How long the high-water mark waits after it rose before it looks again: appends arriving meanwhile are
    /// taken in one detection and one page per processor. Adds at most this much to projection lag; 50 ms
    /// instead of 10 took single-reading pushes with every processor running from ~940/s to ~1,230/s in the
    /// bench (pages five times larger, each with the same fixed cost), for ~40 ms more p99 lag.
    /// </summary>
    public TimeSpan HighWaterCoalesce { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How long a sequence gap below committed events is waited for before it is tombstoned.</summary>
    public TimeSpan GapThreshold { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Events per projection transaction.</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>
    /// A rebuild's pages are this many times <see cref="BatchSize"/>: it replays history, where fewer, larger
    /// transactions win. So are the live pages of a processor behind by more than one page.
    /// </summary>
    public int RebuildBatchFactor { get; set; } = 5;

    /// <summary>How long a floor moved only through pages without any of the processor's events may wait to be stored.</summary>
    public TimeSpan EmptyPageFlush { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Events of the recent log kept in memory and shared by the live processors (<see cref="EventFeed"/>). A
    /// processor further behind reads and deserializes the store on its own; during a burst the slower
    /// processors trail the fastest by more than a second of ingest, and with 5,000 they each read the burst
    /// again (at the bench's 10k readings/s, energy lag then grew by the second instead of holding).
    /// </summary>
    public int FeedCapacity { get; set; } = 20_000;

    /// <summary>Attempts of a failing batch before the poisoned event is looked for.</summary>
    public int RetryAttempts { get; set; } = 3;

    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How often a follower tries to take over leadership of a projection.</summary>
    public TimeSpan LeaderRetry { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A loop whose heartbeat is older than this is restarted by the supervisor.</summary>
    public TimeSpan StallTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
