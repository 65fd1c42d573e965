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
    /// taken in one detection and one page per processor. Adds at most this much to projection lag.
    /// </summary>
    public TimeSpan HighWaterCoalesce { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>How long a sequence gap below committed events is waited for before it is tombstoned.</summary>
    public TimeSpan GapThreshold { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Events per projection transaction.</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>A rebuild's pages are this many times <see cref="BatchSize"/>: it replays history, where fewer, larger transactions win.</summary>
    public int RebuildBatchFactor { get; set; } = 5;

    /// <summary>How long a floor moved only through pages without any of the processor's events may wait to be stored.</summary>
    public TimeSpan EmptyPageFlush { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Events of the recent log kept in memory and shared by the live processors (<see cref="EventFeed"/>).</summary>
    public int FeedCapacity { get; set; } = 5000;

    /// <summary>Attempts of a failing batch before the poisoned event is looked for.</summary>
    public int RetryAttempts { get; set; } = 3;

    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How often a follower tries to take over leadership of a projection.</summary>
    public TimeSpan LeaderRetry { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A loop whose heartbeat is older than this is restarted by the supervisor.</summary>
    public TimeSpan StallTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
