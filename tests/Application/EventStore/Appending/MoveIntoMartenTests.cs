using Dapper;
using Energy.Application.Tests.EventStore.Support;
using Energy.Testing;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Energy.Application.Tests.EventStore.Appending;

/// <summary>A database written before the move onto Marten keeps every event, with its sequence number, at its first start on Marten.</summary>
public sealed class MoveIntoMartenTests
{
    /// <summary>The home-made store's tables as they stood at commit e944f92 (the last release before Marten).</summary>
    private const string LogBeforeMarten = """
        CREATE SEQUENCE events_seq_id AS bigint;
        CREATE TABLE streams (id text PRIMARY KEY, type text NULL, version bigint NOT NULL,
            created timestamptz NOT NULL DEFAULT now(), updated timestamptz NOT NULL DEFAULT now(), archived boolean NOT NULL DEFAULT false);
        CREATE TABLE events (seq_id bigint PRIMARY KEY, id uuid NOT NULL, stream_id text NOT NULL, version bigint NOT NULL, type text NOT NULL,
            data jsonb NOT NULL, timestamp timestamptz NOT NULL DEFAULT now(), correlation_id text NULL, causation_id text NULL,
            user_name text NULL, headers jsonb NULL, CONSTRAINT events_stream_version UNIQUE (stream_id, version));
        INSERT INTO streams (id, type, version) VALUES ('counter-1', 'counters', 2), ('note-1', NULL, 1);
        INSERT INTO events (seq_id, id, stream_id, version, type, data, timestamp, correlation_id, causation_id, user_name, headers) VALUES
            (1, '0193a1c4-0000-7000-8000-000000000001', 'counter-1', 1, 'CounterIncremented', '{"Amount": 2}', '2026-01-05T01:00:00Z', 'corr', 'cause', 'alice', '{"source": "old"}'),
            (2, '0193a1c4-0000-7000-8000-000000000002', 'counter-1', 2, 'CounterIncremented', '{"Amount": 3}', '2026-01-05T01:01:00Z', NULL, NULL, NULL, NULL),
            (3, '0193a1c4-0000-7000-8000-000000000003', '$tombstone', 3, '$tombstone', '{}', '2026-01-05T01:02:00Z', NULL, NULL, NULL, NULL),
            (4, '0193a1c4-0000-7000-8000-000000000004', 'note-1', 1, 'NoteWritten', '{"Text": "旧", "Reading": 1.50}', '2026-01-05T01:03:00Z', NULL, NULL, NULL, NULL);
        SELECT setval('events_seq_id', 5);
        """;

    [Fact]
    public async Task The_old_log_moves_into_mt_events_once_keeping_every_sequence_number()
    {
        var connectionString = await PostgresCluster.CreateDatabaseAsync("move");
        await using (var old = new NpgsqlConnection(connectionString))
        {
            await old.ExecuteAsync(LogBeforeMarten);
        }

        await using (var first = await StoreHost.StartAsync(connectionString, tune: o => o.Enabled = false))
        {
            var counter = await first.Store.ReadStreamAsync("counter-1");
            counter.Select(e => (e.SeqId, e.Version, e.Data)).ShouldBe([(1L, 1L, (object)new CounterIncremented(2)), (2L, 2L, new CounterIncremented(3))]);
            counter[0].ShouldSatisfyAllConditions(
                e => e.CorrelationId.ShouldBe("corr"), e => e.UserName.ShouldBe("alice"), e => e.Headers!["source"].ShouldBe("old"),
                e => e.Timestamp.ShouldBe(DateTimeOffset.Parse("2026-01-05T01:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));
            (await first.Store.ReadAllAsync(0, 100, 100)).Select(e => e.SeqId).ShouldBe([1L, 2L, 4L], "the tombstone stays a tombstone");
            (await first.Store.StreamVersionAsync("counter-1")).ShouldBe(2);

            await using var session = first.Services.GetRequiredService<IDocumentStore>().QuerySession();
            (await session.Events.FetchStreamAsync("note-1")).ShouldHaveSingleItem().Data.ShouldBe(new NoteWritten("旧", 1.50m));

            var next = await first.Store.AppendAsync(AppendRequest.To("counter-1", ExpectedVersion.Exactly(2), [new CounterIncremented(4)]));
            next.LastSeqId.ShouldBeGreaterThan(5, "numbers the old sequence handed out are never used again");
        }

        await using var again = await StoreHost.StartAsync(connectionString, tune: o => o.Enabled = false);
        await using var conn = await again.DataSource.OpenConnectionAsync();
        (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM mt_events WHERE stream_id <> '$tombstone'")).ShouldBe(4, "moved once, not again at the second start");
        (await conn.ExecuteScalarAsync<bool>("SELECT to_regclass('events') IS NULL AND to_regclass('events_before_marten') IS NOT NULL")).ShouldBeTrue();
    }
}
