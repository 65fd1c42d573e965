using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Energy.EventStore;

/// <summary>
/// The loop of one processor on this host: become leader, then apply pages of <c>(floor, high-water]</c>,
/// each page and its new floor in one transaction, until stopped. Rebuilds happen inside this loop, so the
/// shard is naturally stopped while its tables are emptied.
/// </summary>
internal sealed partial class ProjectionRunner(
    IEventProcessor processor,
    NpgsqlDataSource dataSource,
    IEventStore store,
    EventFeed feed,
    HighWaterAgent highWater,
    DaemonOptions options,
    TimeProvider clock,
    ILogger logger)
{
    private static readonly TimeSpan HeartbeatWrite = TimeSpan.FromSeconds(5);
    private readonly Generation generation = new(dataSource, logger);
    private DateTimeOffset lastBeatWritten;
    private (long After, long Mark, Task<IReadOnlyList<EventEnvelope>> Page)? prefetched;

    // The floor reached through pages without any of the processor's events, not stored yet; Stored is the
    // stored floor it extends, Since the timestamp (TimeProvider.GetTimestamp) of the first such page.
    private (long Stored, long Reached, long Since)? skipped;

    // The progression rows as last read (ReadAt a Stopwatch timestamp), kept current with this runner's own
    // live pages; see ReadProgressionAsync.
    private (Progression Live, Progression? Next, long ReadAt)? known;

    public IEventProcessor Processor => processor;

    public DateTimeOffset Heartbeat { get; private set; } = DateTimeOffset.MinValue;

    public bool IsLeader { get; private set; }

    /// <summary>How far this runner has applied the live log (stored, or reached through pages it had nothing to do for), for the lag gauge.</summary>
    public long Floor { get; private set; }

    /// <summary>Next generation's floor over its target while a rebuild runs here, else null.</summary>
    public double? RebuildProgress { get; private set; }

    public async Task RunAsync(CancellationToken ct)
    {
        Heartbeat = clock.GetUtcNow();
        await ProgressionStore.EnsureAsync(dataSource, processor, ct);
        while (!ct.IsCancellationRequested)
        {
            Heartbeat = clock.GetUtcNow();
            await using var leadership = await LeaderLock.TryAcquireAsync(dataSource, "processor:" + processor.Name, ct);
            IsLeader = leadership is not null;
            if (leadership is null)
            {
                await Task.Delay(options.LeaderRetry, clock, ct);
                continue;
            }

            LogLeading(logger, processor.Name);
            await LeadAsync(leadership, ct);
        }
    }

    private async Task LeadAsync(LeaderLock leadership, CancellationToken ct)
    {
        known = null;
        while (!ct.IsCancellationRequested)
        {
            Heartbeat = clock.GetUtcNow();
            var (live, next) = await ReadProgressionAsync(ct);
            Floor = live.Floor;
            RebuildProgress = next is { State: ProcessorState.Rebuilding, RebuildTarget: { } target }
                ? Math.Min(1, next.Floor / (double)Math.Max(1, target))
                : null;
            if (live.RebuildRequestedAt is not null && processor is IProjection requested)
            {
                await generation.StartAsync(requested, highWater.Mark, ct);
                continue;
            }

            if (live.State is ProcessorState.Failed or ProcessorState.Paused)
            {
                await highWater.Advanced.WaitAsync(options.PollInterval, ct);
                continue;
            }

            if (skipped is { } stale && stale.Stored != live.Floor)
            {
                skipped = null; // the stored floor was moved by a swap or another leader: start from it
            }

            var reached = skipped?.Reached ?? live.Floor;
            Floor = reached;
            var mark = highWater.Mark;
            var progressed = false;
            if (reached < mark)
            {
                await ApplyLivePageAsync(live, reached, mark, ct);
                progressed = true;
            }

            if (next is { State: ProcessorState.Rebuilding } && processor is IProjection projection)
            {
                progressed |= await AdvanceNextGenerationAsync(projection, live, next, mark, ct);
            }

            if (!progressed && skipped is { } idle && clock.GetElapsedTime(idle.Since) >= options.EmptyPageFlush)
            {
                await StoreSkippedAsync(live, idle.Reached, ct);
                continue;
            }

            if (!progressed && !await IdleAsync(leadership, reached, ct))
            {
                return;
            }
        }
    }

    /// <summary>
    /// The runner's progression rows. Between reads only this runner moves its live floor (and it notes each
    /// move), so the rows are read again only after <see cref="DaemonOptions.PollInterval"/> (to see a pause, a
    /// rebuild request or another host's swap), while a rebuild runs, and after a floor moved elsewhere: twelve
    /// processors reading their row at every rise of the high-water mark cost more than the pages themselves.
    /// </summary>
    private async Task<(Progression Live, Progression? Next)> ReadProgressionAsync(CancellationToken ct)
    {
        if (known is { Next: null } k && k.Live.RebuildRequestedAt is null && Stopwatch.GetElapsedTime(k.ReadAt) < options.PollInterval)
        {
            return (k.Live, null);
        }

        var readAt = Stopwatch.GetTimestamp();
        var rows = await ProgressionStore.ReadAsync(dataSource, processor.Name, ct);
        var live = rows.Single(r => r.Name == processor.Name);
        var next = rows.SingleOrDefault(r => r.Name == Generation.NextName(processor.Name));
        known = (live, next, readAt);
        return (live, next);
    }

    /// <summary>Notes that this runner moved a floor from <paramref name="from"/> to <paramref name="to"/>.</summary>
    private void Moved(string progression, long from, long to)
    {
        known = known is { } k && k.Live.Name == progression && k.Live.Floor == from
            ? k with { Live = k.Live with { Floor = to } }
            : null; // a generation's floor, or rows this runner did not expect: read them again
    }

    /// <summary>
    /// A page of the live log. One with none of the processor's events only moves the floor in memory: the
    /// stored floor catches up with the next page that has events (its transaction covers the skipped stretch),
    /// or once <see cref="DaemonOptions.EmptyPageFlush"/> has passed, so a processor that wants few of the
    /// events does not commit a transaction for every append.
    /// </summary>
    private async Task ApplyLivePageAsync(Progression live, long reached, long mark, CancellationToken ct)
    {
        // Behind by more than a page (a burst, a restart): pages as large as a rebuild's. Each page has the same
        // fixed cost (its statements, its commit), so small pages let a busy processor trail a burst for good.
        var limit = mark - reached > options.BatchSize ? options.BatchSize * options.RebuildBatchFactor : options.BatchSize;
        var page = await feed.ReadAsync(reached, mark, limit, processor.EventTypes, ct);
        if (page.Events.Count == 0)
        {
            var since = skipped?.Since ?? clock.GetTimestamp();
            skipped = (live.Floor, page.Through, since);
            if (clock.GetElapsedTime(since) >= options.EmptyPageFlush)
            {
                await StoreSkippedAsync(live, page.Through, ct);
            }

            return;
        }

        skipped = null;
        await ApplyPageAsync(new Target(live.Name, Generation.Live, Rebuilding: false), live.Floor, page.Through, page.Events, ct);
    }

    private async Task StoreSkippedAsync(Progression live, long reached, CancellationToken ct)
    {
        skipped = null;
        await ApplyPageAsync(new Target(live.Name, Generation.Live, Rebuilding: false), live.Floor, reached, [], ct);
    }

    /// <summary>
    /// Builds the next generation a page at a time between live pages, so queries keep reading the live
    /// tables (kept current) until the new ones have caught up and are swapped in.
    /// </summary>
    private async Task<bool> AdvanceNextGenerationAsync(IProjection projection, Progression live, Progression next, long mark, CancellationToken ct)
    {
        if (next.Floor >= (next.RebuildTarget ?? 0) && next.Floor >= live.Floor)
        {
            if (await generation.SwapAsync(projection, live.Floor, next.Floor, ct))
            {
                LogRebuilt(logger, processor.Name, next.Floor);
            }

            return true;
        }

        if (next.Floor >= mark)
        {
            return false;
        }

        await ApplyNextGenerationPageAsync(next, mark, ct);
        return true;
    }

    private async Task ApplyNextGenerationPageAsync(Progression next, long mark, CancellationToken ct)
    {
        var page = await ReadRebuildPageAsync(next.Floor, mark, ct);
        await ApplyPageAsync(new Target(next.Name, Generation.NextSuffix, Rebuilding: true), next.Floor, page.Through, page.Events, ct);
    }

    /// <summary>
    /// A rebuild replays history far below the shared feed's window: it reads the store itself, in larger
    /// pages, and asks for the next page before applying this one, so reading and writing overlap.
    /// </summary>
    private async Task<FeedPage> ReadRebuildPageAsync(long after, long mark, CancellationToken ct)
    {
        var size = options.BatchSize * options.RebuildBatchFactor;
        var (pending, pendingMark) = prefetched is { } p && p.After == after
            ? (p.Page, p.Mark)
            : (store.ReadAllAsync(after, mark, size, processor.EventTypes, ct), mark);
        prefetched = null;
        var events = await pending;
        var through = events.Count < size ? pendingMark : events[^1].SeqId;
        if (through < mark)
        {
            prefetched = (through, mark, store.ReadAllAsync(through, mark, size, processor.EventTypes, ct));
        }

        return new FeedPage(events, through);
    }

    /// <summary>Waits for new events; false when leadership was lost meanwhile.</summary>
    private async Task<bool> IdleAsync(LeaderLock leadership, long floor, CancellationToken ct)
    {
        if (clock.GetUtcNow() - lastBeatWritten > HeartbeatWrite)
        {
            lastBeatWritten = clock.GetUtcNow();
            if (!await leadership.IsHeldAsync(ct))
            {
                return false;
            }

            await ProgressionStore.BeatAsync(dataSource, processor.Name, ct);
        }

        await highWater.WaitAboveAsync(floor, ct);
        return true;
    }

    /// <summary>Which progression row a page moves and which generation of the tables it writes.</summary>
    private readonly record struct Target(string Progression, string Suffix, bool Rebuilding);

    [LoggerMessage(Level = LogLevel.Information, Message = "Leading {Processor} on this host")]
    private static partial void LogLeading(ILogger logger, string processor);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rebuild of {Processor} caught up at sequence {Floor}; the new tables are live")]
    private static partial void LogRebuilt(ILogger logger, string processor, long floor);
}
