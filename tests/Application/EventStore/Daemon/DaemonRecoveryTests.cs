using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Energy.Application.Tests.EventStore.Support;
using Energy.Testing;

namespace Energy.Application.Tests.EventStore.Daemon;

public sealed class DaemonRecoveryTests
{
    private static async Task AppendCountersAsync(IEventStore store, int transactions, int perTransaction)
    {
        for (var i = 0; i < transactions; i++)
        {
            var events = Enumerable.Range(1, perTransaction).Select(n => (object)new CounterIncremented(n)).ToArray();
            await store.AppendAsync(AppendRequest.To($"c-{i % 7}", ExpectedVersion.Any, events));
        }
    }

    private static Task<(long Count, long Sum)> TotalsAsync(StoreHost host) =>
        host.DataSource.OpenConnection().QuerySingleAsync<(long, long)>("SELECT count(*), coalesce(sum(amount), 0) FROM test_counts");

    [Fact]
    public async Task Stopping_the_host_mid_batch_and_starting_again_ends_equal_to_a_full_rebuild()
    {
        var db = await PostgresCluster.CreateDatabaseAsync("kill");
        // The log is written first, so how fast appends are cannot decide whether the daemon finishes before the stop.
        await using (var writer = await StoreHost.StartAsync(db, tune: o => o.Enabled = false))
        {
            await AppendCountersAsync(writer.Store, 40, 50);
        }

        // Pages of 100 at 150 ms each: the 2000 events take the daemon 3 s; it is stopped a few pages in, one in flight.
        var slow = new CountingProjection { DelayPerBatch = TimeSpan.FromMilliseconds(150) };
        var first = await StoreHost.StartAsync(db, s => s.AddCounting(slow), o => { o.BatchSize = 100; o.RebuildBatchFactor = 1; });
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await TotalsAsync(first)).Count < 200 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        var partial = await TotalsAsync(first);
        await first.DisposeAsync();
        partial.Count.ShouldBeLessThan(2000, "the host was stopped before it finished");

        await using var second = await StoreHost.StartAsync(db, s => s.AddCounting(), o => o.BatchSize = 100);
        await second.CatchUpAsync("test_counts");
        var resumed = await TotalsAsync(second);

        (await second.Operations.RequestRebuildAsync("test_counts")).ShouldBeTrue();
        await second.Operations.WaitForRebuildAsync("test_counts", null, TimeSpan.FromMilliseconds(20));
        var rebuilt = await TotalsAsync(second);

        resumed.ShouldBe((2000L, 40L * (50 * 51 / 2)));
        rebuilt.ShouldBe(resumed);
    }

    [Fact]
    public async Task Two_hosts_on_one_database_apply_each_event_once()
    {
        var db = await PostgresCluster.CreateDatabaseAsync("twohosts");
        await using var a = await StoreHost.StartAsync(db, s => s.AddCounting());
        await using var b = await StoreHost.StartAsync(db, s => s.AddCounting());
        await Task.WhenAll(AppendCountersAsync(a.Store, 30, 40), AppendCountersAsync(b.Store, 30, 40));

        await a.CatchUpAsync("test_counts");
        (await TotalsAsync(a)).Count.ShouldBe(2400);
        await using var conn = await a.DataSource.OpenConnectionAsync();
        (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM dead_letters")).ShouldBe(0, "a double application would have hit the primary key");
        a.RunsShards.ShouldNotBe(b.RunsShards, "HotCold: exactly one of the two hosts runs the daemon's shards");
    }

    [Fact]
    public async Task A_poisoned_event_goes_to_dead_letters_and_the_projection_keeps_going()
    {
        var db = await PostgresCluster.CreateDatabaseAsync("poison");
        await using var host = await StoreHost.StartAsync(db, s => s.AddCounting());
        await host.Store.AppendAsync(AppendRequest.To("p", ExpectedVersion.Any, [new CounterIncremented(1), new CounterIncremented(2)]));
        await host.Store.AppendAsync(AppendRequest.To("p", ExpectedVersion.Any, [new CounterIncremented(3), new PoisonPill("bad data"), new CounterIncremented(4)]));
        await host.Store.AppendAsync(AppendRequest.To("p", ExpectedVersion.Any, [new CounterIncremented(5)]));

        await host.CatchUpAsync("test_counts");
        (await TotalsAsync(host)).ShouldBe((5L, 15L));
        var status = (await host.Operations.StatusAsync()).Single(s => s.Name == "test_counts");
        status.DeadLetters.ShouldBe(1);
        status.LagEvents.ShouldBe(0);
        await using var conn = await host.DataSource.OpenConnectionAsync();
        (await conn.QuerySingleAsync<(string, string)>("SELECT event_type, error FROM dead_letters"))
            .ShouldSatisfyAllConditions(d => d.Item1.ShouldBe("PoisonPill"), d => d.Item2.ShouldContain("bad data"));
    }

    [Fact]
    public async Task Rebuilding_a_projection_never_fires_a_reactor_again()
    {
        var db = await PostgresCluster.CreateDatabaseAsync("reactor");
        await using var host = await StoreHost.StartAsync(db, s => s.AddCounting().AddSingleton<IEventProcessor, EchoReactor>());
        await AppendCountersAsync(host.Store, 5, 10);
        await host.CatchUpAsync("test_echo");
        await host.CatchUpAsync("test_counts");
        (await host.Store.StreamVersionAsync("echoes")).ShouldBe(50);

        (await host.Operations.RequestRebuildAsync("test_echo")).ShouldBeFalse("reactors are not rebuildable");
        (await host.Operations.RequestRebuildAsync("test_counts")).ShouldBeTrue();
        await host.Operations.WaitForRebuildAsync("test_counts", null, TimeSpan.FromMilliseconds(20));
        await host.CatchUpAsync("test_echo");

        (await TotalsAsync(host)).Count.ShouldBe(50);
        (await host.Store.StreamVersionAsync("echoes")).ShouldBe(50);
    }
}
