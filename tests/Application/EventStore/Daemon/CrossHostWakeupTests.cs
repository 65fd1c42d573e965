using Dapper;
using Energy.Application.Tests.EventStore.Support;
using Energy.Testing;

namespace Energy.Application.Tests.EventStore.Daemon;

public sealed class CrossHostWakeupTests
{
    // Far longer than the test may take: only a wake-up can bring the events to the projection in time.
    private static readonly TimeSpan NeverPolls = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task An_append_on_a_host_without_the_shards_wakes_the_host_running_them_without_waiting_for_its_poll()
    {
        var db = await PostgresCluster.CreateDatabaseAsync("wakeup");
        await using var runner = await StoreHost.StartAsync(db, s => s.AddCounting(), o => o.PollInterval = NeverPolls);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!runner.RunsShards && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        runner.RunsShards.ShouldBeTrue("the first host took the daemon's leadership");
        await using var writer = await StoreHost.StartAsync(db, tune: o => { o.Enabled = false; o.PollInterval = NeverPolls; });

        for (var round = 1; round <= 3; round++)
        {
            await writer.Store.AppendAsync(AppendRequest.To("w", ExpectedVersion.Any, [new CounterIncremented(round), new CounterIncremented(10 * round)]));
            await runner.CatchUpAsync("test_counts", TimeSpan.FromSeconds(30));
            await using var conn = await runner.DataSource.OpenConnectionAsync();
            (await conn.QuerySingleAsync<(long, long)>("SELECT count(*), sum(amount) FROM test_counts"))
                .ShouldBe((2L * round, Enumerable.Range(1, round).Sum(r => 11L * r)), $"round {round} was projected on the other host");
        }
    }
}
