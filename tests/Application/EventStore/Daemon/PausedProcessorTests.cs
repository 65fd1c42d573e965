using Dapper;
using Energy.Application.Tests.EventStore.Support;
using Energy.Testing;

namespace Energy.Application.Tests.EventStore.Daemon;

/// <summary>
/// An operator's pause, written to the database on any host, stops the processor's shard in Marten's daemon
/// within the poll interval, and lifting it resumes exactly where it stopped.
/// </summary>
public sealed class PausedProcessorTests
{
    [Fact]
    public async Task A_pause_stops_the_shard_and_running_again_applies_what_came_meanwhile_once()
    {
        await using var host = await StoreHost.StartAsync(await PostgresCluster.CreateDatabaseAsync("paused"), s => s.AddCounting());
        await host.Store.AppendAsync(AppendRequest.To("c", ExpectedVersion.Any, [new CounterIncremented(1)]));
        await host.CatchUpAsync("test_counts");
        await using var conn = await host.DataSource.OpenConnectionAsync();
        (await host.Operations.SetPausedAsync("test_counts", paused: true)).ShouldBeTrue();
        await Task.Delay(TimeSpan.FromMilliseconds(500)); // well past the test host's 20 ms poll interval

        var floorWhenPaused = await conn.ExecuteScalarAsync<long>("SELECT last_seq_id FROM mt_event_progression WHERE name = 'test_counts:All'");
        for (var i = 2; i <= 6; i++)
        {
            await host.Store.AppendAsync(AppendRequest.To("c", ExpectedVersion.Any, [new CounterIncremented(i)]));
        }

        await Task.Delay(TimeSpan.FromSeconds(1));
        (await conn.QueryAsync<int>("SELECT amount FROM test_counts ORDER BY seq_id")).ShouldBe([1]);
        (await conn.ExecuteScalarAsync<long>("SELECT last_seq_id FROM mt_event_progression WHERE name = 'test_counts:All'")).ShouldBe(floorWhenPaused);

        (await host.Operations.StatusAsync()).Single(s => s.Name == "test_counts").State.ShouldBe(ProcessorState.Paused);
        (await host.Operations.SetPausedAsync("test_counts", paused: false)).ShouldBeTrue();
        await host.CatchUpAsync("test_counts");
        (await conn.QueryAsync<int>("SELECT amount FROM test_counts ORDER BY seq_id")).ShouldBe([1, 2, 3, 4, 5, 6]);
    }
}
