using Energy.EventStore.Tests.Support;
using Energy.Testing;
using Npgsql;

namespace Energy.EventStore.Tests.Daemon;

/// <summary>The shared window of the recent log must hand every processor exactly what the store would.</summary>
public sealed class EventFeedTests
{
    private static readonly string[] Counters = [nameof(CounterIncremented)];
    private static readonly string[] Notes = [nameof(NoteWritten)];

    [Fact]
    public async Task Processors_reading_at_their_own_pace_get_the_pages_the_store_would_give_them()
    {
        await using var host = await StoreHost.StartAsync(await PostgresCluster.CreateDatabaseAsync("feed"));
        for (var i = 0; i < 40; i++)
        {
            // Mixed types, so filtered processors skip stretches of the log.
            var events = Enumerable.Range(0, 10).Select(n => n % 3 == 0 ? (object)new NoteWritten($"n{i}-{n}", n) : new CounterIncremented(n)).ToArray();
            await host.Store.AppendAsync(AppendRequest.To($"s-{i % 5}", ExpectedVersion.Any, events));
        }

        var all = await host.Store.ReadAllAsync(0, long.MaxValue, int.MaxValue);
        var mark = all[^1].SeqId;
        var counting = new CountingReads(host.Store);
        using var feed = new EventFeed(counting, capacity: 60);

        // (types, page limit): an all-types reader, two filtered ones, a small-paged one; a late starter joins at 0 midway.
        var readers = new List<(IReadOnlyCollection<string>? Types, int Limit, long Floor, List<long> Seen)>
        {
            (null, 25, 0, []), (Counters, 40, 0, []), (Notes, 7, 0, []), (null, 3, 0, []),
        };
        var random = new Random(42);
        var pages = 0;
        while (readers.Any(r => r.Floor < mark))
        {
            if (pages == 60)
            {
                readers.Add((Counters, 30, 0, [])); // far behind the window by now: must read the store itself
            }

            var k = random.Next(readers.Count);
            var (types, limit, floor, seen) = readers[k];
            if (floor >= mark)
            {
                continue;
            }

            var page = await feed.ReadAsync(floor, mark, limit, types, CancellationToken.None);
            pages++;
            page.Through.ShouldBeGreaterThan(floor, "every page moves the floor");
            page.Through.ShouldBeLessThanOrEqualTo(mark);
            page.Events.Count.ShouldBeLessThanOrEqualTo(limit);
            var expected = await host.Store.ReadAllAsync(floor, page.Through, int.MaxValue, types);
            page.Events.Select(e => e.SeqId).ShouldBe(expected.Select(e => e.SeqId), $"reader {k} after {floor}");
            seen.AddRange(page.Events.Select(e => e.SeqId));
            readers[k] = (types, limit, page.Through, seen);
        }

        foreach (var (types, _, _, seen) in readers)
        {
            seen.ShouldBe(all.Where(e => types is null || types.Contains(e.Type)).Select(e => e.SeqId), "each event once, in order");
        }

        counting.Reads.ShouldBeLessThan(pages, "some pages came from the shared window");
    }

    [Fact]
    public async Task Many_processors_at_the_same_floor_cost_one_read_of_the_store()
    {
        await using var host = await StoreHost.StartAsync(await PostgresCluster.CreateDatabaseAsync("feedonce"));
        await host.Store.AppendAsync(AppendRequest.To("s", ExpectedVersion.Any, Enumerable.Range(0, 300).Select(n => (object)new CounterIncremented(n)).ToArray()));
        var mark = (await host.Store.ReadAllAsync(0, long.MaxValue, int.MaxValue))[^1].SeqId;
        var counting = new CountingReads(host.Store);
        using var feed = new EventFeed(counting, capacity: 1000);

        var pages = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => feed.ReadAsync(0, mark, 500, null, CancellationToken.None)));

        pages.ShouldAllBe(p => p.Events.Count == 300 && p.Through == mark);
        pages.Select(p => p.Events[0]).Distinct().Count().ShouldBe(1, "one deserialized event shared by all");
        counting.Reads.ShouldBe(1);
    }

    /// <summary>The real store, counting how often the log is read.</summary>
    private sealed class CountingReads(IEventStore inner) : IEventStore
    {
        public int Reads { get; private set; }

        public EventSerializer Serializer => inner.Serializer;

        public Task<IReadOnlyList<EventEnvelope>> ReadAllAsync(long afterSeqId, long throughSeqId, int limit, IReadOnlyCollection<string>? types = null, CancellationToken ct = default)
        {
            Reads++;
            return inner.ReadAllAsync(afterSeqId, throughSeqId, limit, types, ct);
        }

        public Task<AppendResult> AppendAsync(AppendRequest request, CancellationToken ct = default) => inner.AppendAsync(request, ct);

        public Task<AppendResult> AppendAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, AppendRequest request, CancellationToken ct = default) =>
            inner.AppendAsync(connection, transaction, request, ct);

        public Task<IReadOnlyList<EventEnvelope>> ReadStreamAsync(string streamId, long fromVersion = 1, CancellationToken ct = default) => inner.ReadStreamAsync(streamId, fromVersion, ct);

        public Task<Folded<T>> AggregateStreamAsync<T>(string streamId, T initial, Func<T, object, T> evolve, StreamPosition? upTo = null, CancellationToken ct = default) =>
            inner.AggregateStreamAsync(streamId, initial, evolve, upTo, ct);

        public Task<EventLogPage> QueryLogAsync(EventLogQuery query, CancellationToken ct = default) => inner.QueryLogAsync(query, ct);

        public Task<long> StreamVersionAsync(string streamId, CancellationToken ct = default) => inner.StreamVersionAsync(streamId, ct);
    }
}
