using Dapper;
using Energy.EventStore.Tests.Support;
using Energy.Testing;

namespace Energy.EventStore.Tests.Daemon;

/// <summary>
/// A runner keeps its progression row between reads; a state written by someone else (an operator's pause)
/// still reaches it within the poll interval, and it resumes exactly where it stopped.
/// </summary>
public sealed class PausedProcessorTests
{
    [Fact]
    public async Task A_pause_written_to_progression_stops_the_runner_and_running_again_applies_what_came_meanwhile_once()
    {
        await using var host = await StoreHost.StartAsync(await PostgresCluster.CreateDatabaseAsync("paused"), s => s.AddCounting());
        await host.Store.AppendAsync(AppendRequest.To("c", ExpectedVersion.Any, [new CounterIncremented(1)]));
        await host.CatchUpAsync("test_counts");
        await using var conn = await host.DataSource.OpenConnectionAsync();
        await conn.ExecuteAsync("UPDATE progression SET state = 'paused' WHERE name = 'test_counts'");
        await Task.Delay(TimeSpan.FromMilliseconds(500)); // well past the test host's 20 ms poll interval

        var floorWhenPaused = await conn.ExecuteScalarAsync<long>("SELECT last_seq_id FROM progression WHERE name = 'test_counts'");
        for (var i = 2; i <= 6; i++)
        {
            await host.Store.AppendAsync(AppendRequest.To("c", ExpectedVersion.Any, [new CounterIncremented(i)]));
        }

        await Task.Delay(TimeSpan.FromSeconds(1));
        (await conn.QueryAsync<int>("SELECT amount FROM test_counts ORDER BY seq_id")).ShouldBe([1]);
        (await conn.ExecuteScalarAsync<long>("SELECT last_seq_id FROM progression WHERE name = 'test_counts'")).ShouldBe(floorWhenPaused);

        await conn.ExecuteAsync("UPDATE progression SET state = 'running' WHERE name = 'test_counts'");
        await host.CatchUpAsync("test_counts");
        (await conn.QueryAsync<int>("SELECT amount FROM test_counts ORDER BY seq_id")).ShouldBe([1, 2, 3, 4, 5, 6]);
    }
}
