using Dapper;
using Energy.Application.Tests.EventStore.Support;
using Energy.Testing;
using Npgsql;

namespace Energy.Application.Tests.EventStore.Daemon;

public sealed class BlueGreenRebuildTests
{
    [Fact]
    public async Task While_a_rebuild_runs_readers_see_the_complete_old_tables_and_afterwards_the_new_ones_with_everything()
    {
        var db = await PostgresCluster.CreateDatabaseAsync("bluegreen");
        var projection = new CountingProjection();
        await using var host = await StoreHost.StartAsync(db, s => s.AddCounting(projection), o => o.BatchSize = 100);
        for (var i = 0; i < 20; i++)
        {
            await host.Store.AppendAsync(AppendRequest.To($"c-{i % 4}", ExpectedVersion.Any, Enumerable.Range(0, 100).Select(_ => (object)new CounterIncremented(1)).ToArray()));
        }

        await host.CatchUpAsync("test_counts");
        projection.DelayPerBatch = TimeSpan.FromMilliseconds(30);
        (await host.Operations.RequestRebuildAsync("test_counts")).ShouldBeTrue();

        await using var reader = new NpgsqlConnection(db);
        await reader.OpenAsync();
        var appended = 2000L;
        var sawRebuilding = false;
        var lowest = long.MaxValue;
        for (var round = 0; round < 400; round++)
        {
            var status = (await host.Operations.StatusAsync()).Single(s => s.Name == "test_counts");
            var visible = await reader.ExecuteScalarAsync<long>("SELECT count(*) FROM test_counts");
            lowest = Math.Min(lowest, visible);
            if (status.State == ProcessorState.Running && sawRebuilding)
            {
                break;
            }

            sawRebuilding |= status.State == ProcessorState.Rebuilding;
            if (round % 5 == 0)
            {
                await host.Store.AppendAsync(AppendRequest.To("late", ExpectedVersion.Any, [new CounterIncremented(1)]));
                appended++;
            }

            await Task.Delay(20);
        }

        sawRebuilding.ShouldBeTrue();
        lowest.ShouldBeGreaterThanOrEqualTo(2000, "readers never saw a partly rebuilt table");
        await host.CatchUpAsync("test_counts");
        (await reader.ExecuteScalarAsync<long>("SELECT count(*) FROM test_counts")).ShouldBe(appended);
        (await reader.ExecuteScalarAsync<string?>("SELECT to_regclass('test_counts__next')::text")).ShouldBeNull();
        (await reader.QueryAsync<string>("SELECT indexname FROM pg_indexes WHERE tablename = 'test_counts' ORDER BY 1"))
            .ShouldBe(["test_counts_by_stream", "test_counts_pkey"]);
    }
}
