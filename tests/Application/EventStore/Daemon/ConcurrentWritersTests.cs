using Dapper;
using Energy.Application.Tests.EventStore.Support;
using Energy.Testing;

namespace Energy.Application.Tests.EventStore.Daemon;

public sealed class ConcurrentWritersTests
{
    /// <summary>
    /// Eight writers append 20k+ events; one in seven transactions is rolled back after taking its sequence
    /// numbers (a permanent gap), and some are held open longer than the gap threshold (a gap that fills late:
    /// Marten's transaction-evidence gap skipping must wait for it instead of passing it). The counting
    /// projection must end with exactly the committed events, each once.
    /// </summary>
    [Fact]
    public async Task Every_committed_event_is_applied_exactly_once_despite_rollbacks_and_slow_writers()
    {
        var db = await PostgresCluster.CreateDatabaseAsync("writers");
        await using var host = await StoreHost.StartAsync(db, s => s.AddCounting(), o => o.GapThreshold = TimeSpan.FromSeconds(1));
        var committed = 0L;
        var rolledBack = 0L;

        var writers = Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
        {
            var random = new Random(writer);
            for (var tx = 0; tx < 60; tx++)
            {
                var events = Enumerable.Range(0, 50).Select(i => (object)new CounterIncremented(1)).ToArray();
                var request = AppendRequest.To($"w{writer}-{random.Next(5)}", ExpectedVersion.Any, events);
                await using var conn = await host.DataSource.OpenConnectionAsync();
                await using var transaction = await conn.BeginTransactionAsync();
                await host.Store.AppendAsync(conn, transaction, request);
                if (tx % 7 == 3)
                {
                    await transaction.RollbackAsync();
                    Interlocked.Add(ref rolledBack, events.Length);
                    continue;
                }

                if (tx % 20 == 5)
                {
                    await Task.Delay(1500); // longer than the 1 s gap threshold, with our numbers taken
                }

                await transaction.CommitAsync();
                Interlocked.Add(ref committed, events.Length);
            }
        })).ToArray();
        await Task.WhenAll(writers);
        await host.CatchUpAsync("test_counts");

        committed.ShouldBeGreaterThanOrEqualTo(20_000);
        rolledBack.ShouldBeGreaterThan(0);
        await using var db2 = await host.DataSource.OpenConnectionAsync();
        (await db2.ExecuteScalarAsync<long>("SELECT count(*) FROM test_counts")).ShouldBe(committed);
        (await db2.ExecuteScalarAsync<long>("SELECT count(*) FROM mt_events WHERE stream_id <> '$tombstone'")).ShouldBe(committed);
        (await db2.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM mt_events e WHERE stream_id <> '$tombstone' AND NOT EXISTS (SELECT 1 FROM test_counts c WHERE c.seq_id = e.seq_id)"))
            .ShouldBe(0, "no committed event was skipped");
        (await db2.ExecuteScalarAsync<long>("SELECT count(*) FROM dead_letters")).ShouldBe(0);
    }

    [Fact]
    public async Task A_writer_slower_than_the_gap_threshold_still_gets_its_event_applied()
    {
        var db = await PostgresCluster.CreateDatabaseAsync("slow");
        await using var host = await StoreHost.StartAsync(db, s => s.AddCounting(), o => o.GapThreshold = TimeSpan.FromMilliseconds(300));

        await using var slow = await host.DataSource.OpenConnectionAsync();
        await using var slowTx = await slow.BeginTransactionAsync();
        await host.Store.AppendAsync(slow, slowTx, AppendRequest.To("slow", ExpectedVersion.Any, [new CounterIncremented(5)]));
        await host.Store.AppendAsync(AppendRequest.To("fast", ExpectedVersion.Any, [new CounterIncremented(1)]));
        await Task.Delay(1200);
        await slowTx.CommitAsync();

        await host.CatchUpAsync("test_counts");
        await using var conn = await host.DataSource.OpenConnectionAsync();
        (await conn.ExecuteScalarAsync<long>("SELECT sum(amount) FROM test_counts")).ShouldBe(6);
    }
}
