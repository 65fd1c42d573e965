using Dapper;
using Energy.Application.Tests.EventStore.Support;
using Energy.Testing;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Energy.Application.Tests.EventStore.Appending;

/// <summary>The log is Marten's: what the store appends, Marten reads back with its own API, and its schema management leaves the store's additions alone.</summary>
public sealed class MartenStorageTests
{
    [Fact]
    public async Task Appended_events_are_marten_events_that_marten_reads_back_with_their_metadata()
    {
        await using var host = await StoreHost.StartAsync(await PostgresCluster.CreateDatabaseAsync("marten"), tune: o => o.Enabled = false);
        var metadata = new EventMetadata("corr-9", "cause-9", "bob", new Dictionary<string, string> { ["source"] = "collector" });
        await host.Store.AppendAsync(new AppendRequest(
            [new StreamAppend("note-1", ExpectedVersion.NoStream, [new NoteWritten("电表", 1.230m), new NewEvent(new CounterIncremented(7), Guid.Parse("0193a1c4-0000-7000-8000-000000000001"))], "notes")],
            metadata));

        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var events = await session.Events.FetchStreamAsync("note-1");
        events.Select(e => e.Data).ShouldBe([new NoteWritten("电表", 1.230m), new CounterIncremented(7)]);
        events.Select(e => e.EventTypeName).ShouldBe(["NoteWritten", "CounterIncremented"]);
        events[1].Id.ShouldBe(Guid.Parse("0193a1c4-0000-7000-8000-000000000001"));
        events.ShouldAllBe(e => e.CorrelationId == "corr-9" && e.CausationId == "cause-9" && e.UserName == "bob");
        (await session.Events.FetchStreamStateAsync("note-1")).ShouldNotBeNull().Version.ShouldBe(2);

        await using var conn = await host.DataSource.OpenConnectionAsync();
        (await conn.ExecuteScalarAsync<string>("SELECT type FROM mt_streams WHERE id = 'note-1'")).ShouldBe("notes");
        (await conn.ExecuteScalarAsync<string>("SELECT data->>'Reading' FROM mt_events WHERE stream_id = 'note-1' AND version = 1")).ShouldBe("1.230");
    }

    [Fact]
    public async Task Event_times_are_true_instants_when_the_server_default_zone_is_the_plants()
    {
        var connectionString = await PostgresCluster.CreateDatabaseAsync("zone");
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using (var admin = new NpgsqlConnection(connectionString))
        {
            await admin.ExecuteAsync($"ALTER DATABASE \"{database}\" SET TimeZone = 'Asia/Shanghai'");
        }

        await using var host = await StoreHost.StartAsync(connectionString, tune: o => o.Enabled = false);
        var before = DateTimeOffset.UtcNow;
        await host.Store.AppendAsync(AppendRequest.To("clock", ExpectedVersion.Any, [new CounterIncremented(1)]));

        var stored = (await host.Store.ReadStreamAsync("clock")).ShouldHaveSingleItem().Timestamp;
        (stored - before).Duration().ShouldBeLessThan(TimeSpan.FromMinutes(1), $"stored {stored:O}, appended at {before:O}: an 8 h error means the zone leaked in");
    }

    [Fact]
    public async Task The_stores_own_index_on_mt_events_survives_martens_schema_check_at_the_next_start()
    {
        // Weasel drops indexes it does not know from Marten's tables; the store's schema would then build it
        // again at every start (a full scan of the log). Same object id after a restart: never dropped.
        var connectionString = await PostgresCluster.CreateDatabaseAsync("index");
        const string IndexOid = $"SELECT to_regclass('{MartenStoreOptions.TimestampIndex}')::oid::bigint";
        long first;
        await using (var host = await StoreHost.StartAsync(connectionString, tune: o => o.Enabled = false))
        {
            await using var conn = await host.DataSource.OpenConnectionAsync();
            first = await conn.ExecuteScalarAsync<long?>(IndexOid) ?? throw new ShouldAssertException("the index was not created");
        }

        await using var again = await StoreHost.StartAsync(connectionString, tune: o => o.Enabled = false);
        await using var check = await again.DataSource.OpenConnectionAsync();
        (await check.ExecuteScalarAsync<long?>(IndexOid)).ShouldBe(first);
    }

    [Fact]
    public async Task An_append_whose_sequence_number_was_tombstoned_first_runs_again_with_fresh_numbers()
    {
        await using var host = await StoreHost.StartAsync(await PostgresCluster.CreateDatabaseAsync("lost"), tune: o => o.Enabled = false);
        await host.Store.AppendAsync(AppendRequest.To("before", ExpectedVersion.Any, [new CounterIncremented(1)]));

        // The high-water agent's fill, landing on the number the next append is about to take: Marten's append
        // function then fails on mt_events' primary key, and the error reaches the store wrapped by Marten.
        await using var conn = await host.DataSource.OpenConnectionAsync();
        var next = await conn.ExecuteScalarAsync<long>("SELECT last_value + 1 FROM mt_events_sequence");
        await conn.ExecuteAsync(
            "INSERT INTO mt_events (seq_id, id, stream_id, version, type, data, timestamp) VALUES (@next, gen_random_uuid(), '$tombstone', @next, '$tombstone', '{}', now())",
            new { next });

        var result = await host.Store.AppendAsync(AppendRequest.To("after", ExpectedVersion.NoStream, [new CounterIncremented(2)]));

        result.LastSeqId.ShouldBeGreaterThan(next);
        (await host.Store.ReadStreamAsync("after")).ShouldHaveSingleItem().SeqId.ShouldBe(result.LastSeqId);
        (await host.Store.StreamVersionAsync("after")).ShouldBe(1, "the failed attempt left nothing behind");
    }
}
