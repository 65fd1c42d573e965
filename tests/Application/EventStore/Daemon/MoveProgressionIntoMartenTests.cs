using Dapper;
using Energy.Application.Tests.EventStore.Support;
using Energy.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Energy.Application.Tests.EventStore.Daemon;

/// <summary>
/// A database whose processors ran on the project's own daemon keeps their floors and pauses at its first start
/// on Marten's: nothing applied before is applied again, nothing after is skipped.
/// </summary>
public sealed class MoveProgressionIntoMartenTests
{
    /// <summary>The home-made daemon's progression table as it stood at commit c556d3e.</summary>
    private const string ProgressionBeforeMartenDaemon = """
        CREATE TABLE progression (name text PRIMARY KEY, kind text NOT NULL, last_seq_id bigint NOT NULL DEFAULT 0,
            state text NOT NULL DEFAULT 'running', rebuild_requested_at timestamptz NULL, rebuild_target_seq_id bigint NULL,
            heartbeat timestamptz NULL, last_error text NULL, updated timestamptz NOT NULL DEFAULT now());
        """;

    [Fact]
    public async Task Old_floors_become_the_shards_progress_and_an_operators_pause_is_kept()
    {
        var connectionString = await PostgresCluster.CreateDatabaseAsync("moveprog");
        long[] seqIds;
        await using (var old = await StoreHost.StartAsync(connectionString, s => s.AddCounting().AddSingleton<IEventProcessor, EchoReactor>(), o => o.Enabled = false))
        {
            for (var i = 1; i <= 5; i++)
            {
                await old.Store.AppendAsync(AppendRequest.To("c", ExpectedVersion.Any, [new CounterIncremented(i)]));
            }

            await using var conn = await old.DataSource.OpenConnectionAsync();
            seqIds = [.. await conn.QueryAsync<long>("SELECT seq_id FROM mt_events WHERE stream_id = 'c' ORDER BY seq_id")];

            // As the old daemon left it: test_counts had applied the first three events, the echo reactor was paused
            // by an operator at the start; Marten's daemon had never run here.
            await conn.ExecuteAsync(ProgressionBeforeMartenDaemon + """
                DELETE FROM projection_control;
                DELETE FROM mt_event_progression;
                INSERT INTO test_counts (seq_id, stream_id, amount) SELECT seq_id, 'c', (data ->> 'Amount')::int FROM mt_events WHERE stream_id = 'c' AND seq_id <= @Third;
                INSERT INTO progression (name, kind, last_seq_id, state) VALUES
                    ('test_counts', 'projection', @Third, 'running'), ('test_echo', 'reactor', 0, 'paused'), ('$high_water', 'system', @Last, 'running');
                """, new { Third = seqIds[2], Last = seqIds[4] });
        }

        await using var host = await StoreHost.StartAsync(connectionString, s => s.AddCounting().AddSingleton<IEventProcessor, EchoReactor>());
        await host.CatchUpAsync("test_counts");
        await using var check = await host.DataSource.OpenConnectionAsync();
        (await check.QueryAsync<int>("SELECT amount FROM test_counts ORDER BY seq_id")).ShouldBe([1, 2, 3, 4, 5]);
        (await check.ExecuteScalarAsync<long>("SELECT count(*) FROM dead_letters")).ShouldBe(0, "an event applied again would have hit test_counts' primary key");

        await Task.Delay(TimeSpan.FromMilliseconds(500)); // well past the 20 ms poll interval
        var echo = (await host.Operations.StatusAsync()).Single(s => s.Name == "test_echo");
        echo.State.ShouldBe(ProcessorState.Paused);
        (await check.ExecuteScalarAsync<long>("SELECT count(*) FROM mt_events WHERE stream_id = 'echoes'")).ShouldBe(0, "the paused reactor stays paused");
        (await check.ExecuteScalarAsync<bool>("SELECT to_regclass('progression') IS NULL AND to_regclass('progression_before_marten_daemon') IS NOT NULL")).ShouldBeTrue();
    }
}
