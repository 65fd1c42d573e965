using Dapper;
using Energy.EventStore.Tests.Support;
using Energy.Testing;

namespace Energy.EventStore.Tests.Daemon;

/// <summary>A processor that wants none of a stretch of the log moves past it without a transaction per page.</summary>
public sealed class SkippedPagesTests
{
    [Fact]
    public async Task A_stretch_with_none_of_its_events_is_stored_as_passed_and_the_next_own_event_is_applied_once()
    {
        await using var host = await StoreHost.StartAsync(await PostgresCluster.CreateDatabaseAsync("skipped"), s => s.AddCounting());
        await host.Store.AppendAsync(AppendRequest.To("c", ExpectedVersion.Any, [new CounterIncremented(1)]));
        await host.CatchUpAsync("test_counts");

        // Many appends the counting projection does not want, one at a time, as a busy collector would send them.
        for (var i = 0; i < 60; i++)
        {
            await host.Store.AppendAsync(AppendRequest.To($"n-{i % 4}", ExpectedVersion.Any, [new NoteWritten("n" + i, i)]));
        }

        // The stored floor still reaches the end of the log although nothing was applied.
        await host.CatchUpAsync("test_counts", TimeSpan.FromSeconds(10));

        for (var i = 0; i < 30; i++)
        {
            await host.Store.AppendAsync(AppendRequest.To($"n-{i % 4}", ExpectedVersion.Any, [new NoteWritten("m" + i, i)]));
        }

        var last = await host.Store.AppendAsync(AppendRequest.To("c", ExpectedVersion.Any, [new CounterIncremented(2)]));
        await host.CatchUpAsync("test_counts");
        await using var conn = await host.DataSource.OpenConnectionAsync();
        (await conn.QueryAsync<(long, int)>("SELECT seq_id, amount FROM test_counts ORDER BY seq_id")).Select(r => r.Item2).ShouldBe([1, 2]);
        (await conn.ExecuteScalarAsync<long>("SELECT last_seq_id FROM progression WHERE name = 'test_counts'")).ShouldBeGreaterThanOrEqualTo(last.LastSeqId);
    }
}
