namespace Energy.EventStore;

/// <summary>A page for one processor, and how far the log was looked at for it (the floor it may move to).</summary>
internal readonly record struct FeedPage(IReadOnlyList<EventEnvelope> Events, long Through);

/// <summary>
/// The recent log, read and deserialized once per host and shared by every live processor. When the
/// high-water mark rises, the first processor to ask loads the new events into a window; the others take
/// their slices of it from memory, filtered by their event types. A processor whose floor is behind the
/// window (after a restart, a slow one, a rebuild) reads the store itself, exactly as without the feed.
/// </summary>
/// <remarks>
/// Only ranges at or below the high-water mark are ever loaded, and under the mark every sequence number is
/// committed or tombstoned for good: a loaded range is final, so serving it later from memory is the same as
/// reading it again. The events are shared objects; processors only read them.
/// </remarks>
internal sealed class EventFeed(IEventStore store, int capacity) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly List<EventEnvelope> window = new(capacity);

    // The window holds every event with start < seq_id ≤ end (tombstones left out).
    private long start;
    private long end;

    /// <summary>Events after <paramref name="after"/> up to <paramref name="through"/> (the caller's high-water mark), at most <paramref name="limit"/>.</summary>
    public async Task<FeedPage> ReadAsync(long after, long through, int limit, IReadOnlyCollection<string>? types, CancellationToken ct)
    {
        if (capacity > 0)
        {
            var shared = await ReadSharedAsync(after, through, limit, types, ct);
            if (shared is { } page)
            {
                return page;
            }
        }

        var events = await store.ReadAllAsync(after, through, limit, types, ct);
        return new FeedPage(events, events.Count < limit ? through : events[^1].SeqId);
    }

    /// <summary>The page from the window, or null when <paramref name="after"/> is behind it.</summary>
    private async Task<FeedPage?> ReadSharedAsync(long after, long through, int limit, IReadOnlyCollection<string>? types, CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            if (after - end > capacity)
            {
                // Far ahead of the window (the first read, or after a long stretch read directly): the old
                // window serves nobody ahead of it, so it restarts here. A small gap is loaded instead, so the
                // processors between the window and this one keep reading from memory.
                window.Clear();
                (start, end) = (after, after);
            }

            while (after >= start && end < through && (after >= end || window.Count - FirstAfter(after) < limit))
            {
                await ExtendAsync(through, ct);
            }

            if (after >= start)
            {
                return Slice(after, through, limit, types);
            }
        }
        finally
        {
            gate.Release();
        }

        return null;
    }

    private async Task ExtendAsync(long through, CancellationToken ct)
    {
        var chunk = Math.Max(1, capacity / 2);
        var loaded = await store.ReadAllAsync(end, through, chunk, null, ct);
        window.AddRange(loaded);
        end = loaded.Count < chunk ? through : loaded[^1].SeqId;
        if (window.Count > capacity)
        {
            var dropped = window.Count - capacity;
            start = window[dropped - 1].SeqId;
            window.RemoveRange(0, dropped);
        }
    }

    public void Dispose() => gate.Dispose();

    private FeedPage Slice(long after, long through, int limit, IReadOnlyCollection<string>? types)
    {
        var page = new List<EventEnvelope>();
        for (var i = FirstAfter(after); i < window.Count && window[i].SeqId <= through; i++)
        {
            if (types is null || types.Contains(window[i].Type))
            {
                page.Add(window[i]);
                if (page.Count == limit)
                {
                    return new FeedPage(page, window[i].SeqId);
                }
            }
        }

        return new FeedPage(page, Math.Min(through, end));
    }

    /// <summary>Index of the first event in the window with a sequence number above <paramref name="after"/>.</summary>
    private int FirstAfter(long after)
    {
        var (lo, hi) = (0, window.Count);
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (window[mid].SeqId <= after)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
