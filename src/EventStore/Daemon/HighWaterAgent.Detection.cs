using Npgsql;

namespace Energy.EventStore;

public sealed partial class HighWaterAgent
{
    /// <summary>
    /// One statement over committed rows (never the sequence's last value): the last committed number of the
    /// window above the mark and every missing range below it. Concurrent appends interleave their numbers,
    /// so one rolled-back append leaves many small gaps; all are timed from when each was first seen.
    /// </summary>
    private const string DetectSql = """
        WITH page AS (
            SELECT seq_id FROM mt_events WHERE seq_id > $1 ORDER BY seq_id LIMIT $2
        ), gaps AS (
            SELECT lag(seq_id, 1, $1) OVER (ORDER BY seq_id) + 1 AS gap_from, seq_id - 1 AS gap_to FROM page
        )
        SELECT (SELECT coalesce(max(seq_id), $1) FROM page),
               coalesce(array_agg(gap_from ORDER BY gap_from) FILTER (WHERE gap_to >= gap_from), '{}'),
               coalesce(array_agg(gap_to ORDER BY gap_from) FILTER (WHERE gap_to >= gap_from), '{}')
        FROM gaps
        """;

    private async Task<long> DetectAsync(long from, CancellationToken ct)
    {
        var (last, gapsFrom, gapsTo) = await ScanAsync(from, ct);
        var now = clock.GetUtcNow();
        var stale = new List<(long From, long To, DateTimeOffset Seen)>();
        long? blockedAt = null;
        for (var i = 0; i < gapsFrom.Length; i++)
        {
            var seen = gaps.FirstSeen(gapsFrom[i], gapsTo[i], now);
            if (blockedAt is null && now - seen >= options.Value.GapThreshold)
            {
                stale.Add((gapsFrom[i], gapsTo[i], seen));
            }
            else
            {
                blockedAt ??= gapsFrom[i];
            }
        }

        if (stale.Count > 0)
        {
            await TombstoneAsync(stale, ct);
            foreach (var gap in stale)
            {
                LogSkip(logger, gap.From, gap.To, now - gap.Seen, gap.Seen);
            }
        }

        var contiguous = blockedAt is { } gapStart ? gapStart - 1 : last;
        gaps.Forget(contiguous);
        if (contiguous > from)
        {
            await StoreAsync(contiguous, ct);
        }

        return contiguous;
    }

    private async Task<(long Last, long[] GapsFrom, long[] GapsTo)> ScanAsync(long from, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand(DetectSql);
        cmd.Parameters.Add(new() { Value = from });
        cmd.Parameters.Add(new() { Value = DetectionWindow });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetInt64(0), reader.GetFieldValue<long[]>(1), reader.GetFieldValue<long[]>(2));
    }

    /// <summary>
    /// Fills the dead numbers so the mark can pass them. A writer still holding one of them makes this insert
    /// wait for its commit (then the insert does nothing) or rollback (then the tombstone lands).
    /// </summary>
    private async Task TombstoneAsync(List<(long From, long To, DateTimeOffset Seen)> stale, CancellationToken ct)
    {
        await using var batch = dataSource.CreateBatch();
        var fill = new NpgsqlBatchCommand("""
            INSERT INTO mt_events (seq_id, id, stream_id, version, type, data, timestamp)
            SELECT n, gen_random_uuid(), '$tombstone', n, '$tombstone', '{}', now()
            FROM unnest($1::bigint[], $2::bigint[]) AS g(gap_from, gap_to), generate_series(g.gap_from, g.gap_to) AS n
            ON CONFLICT DO NOTHING
            """);
        fill.Parameters.Add(new() { Value = stale.Select(g => g.From).ToArray() });
        fill.Parameters.Add(new() { Value = stale.Select(g => g.To).ToArray() });
        var record = new NpgsqlBatchCommand("""
            INSERT INTO high_water_skips (seq_id, gap_first_seen)
            SELECT n, g.seen FROM unnest($1::bigint[], $2::bigint[], $3::timestamptz[]) AS g(gap_from, gap_to, seen),
                   generate_series(g.gap_from, g.gap_to) AS n
            WHERE EXISTS (SELECT 1 FROM mt_events e WHERE e.seq_id = n AND e.stream_id = '$tombstone')
            ON CONFLICT DO NOTHING
            """);
        record.Parameters.Add(new() { Value = stale.Select(g => g.From).ToArray() });
        record.Parameters.Add(new() { Value = stale.Select(g => g.To).ToArray() });
        record.Parameters.Add(new() { Value = stale.Select(g => g.Seen.UtcDateTime).ToArray() });
        batch.BatchCommands.Add(fill);
        batch.BatchCommands.Add(record);
        await batch.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Stores the mark for followers and for status. Without waiting for the WAL flush: the stored mark is only
    /// ever a copy of what the committed rows already say, so a crash that loses it loses nothing the next
    /// detection does not find again.
    /// </summary>
    private async Task StoreAsync(long newMark, CancellationToken ct)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(TransactionSettings.Command(("synchronous_commit", "off")));
        var store = new NpgsqlBatchCommand(
            "UPDATE progression SET last_seq_id = $2, heartbeat = now(), updated = now() WHERE name = $1 AND last_seq_id < $2");
        store.Parameters.Add(new() { Value = ProgressionName });
        store.Parameters.Add(new() { Value = newMark });
        batch.BatchCommands.Add(store);
        await batch.ExecuteNonQueryAsync(ct);
    }
}
