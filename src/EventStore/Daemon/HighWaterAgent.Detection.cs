using Npgsql;

namespace Energy.EventStore;

public sealed partial class HighWaterAgent
{
    /// <summary>
    /// One statement over committed rows (never the sequence's last value): the end of the contiguous run
    /// above the mark, and the first committed number past a gap if there is one.
    /// </summary>
    private const string DetectSql = """
        WITH page AS (
            SELECT seq_id, seq_id - row_number() OVER (ORDER BY seq_id) AS offset_from_mark
            FROM (SELECT seq_id FROM events WHERE seq_id > $1 ORDER BY seq_id LIMIT $2) AS s
        )
        SELECT coalesce(max(seq_id) FILTER (WHERE offset_from_mark = $1), $1),
               min(seq_id) FILTER (WHERE offset_from_mark <> $1)
        FROM page
        """;

    private async Task<long> DetectAsync(long from, CancellationToken ct)
    {
        var (contiguous, afterGap) = await ContiguousRunAsync(from, ct);
        if (afterGap is { } next)
        {
            var gapStart = contiguous + 1;
            var firstSeen = gaps.FirstSeen(gapStart, next - 1, clock.GetUtcNow());
            var waited = clock.GetUtcNow() - firstSeen;
            if (waited >= options.Value.GapThreshold)
            {
                await TombstoneAsync(gapStart, next - 1, firstSeen, ct);
                LogSkip(logger, gapStart, next - 1, waited, firstSeen);
                (contiguous, _) = await ContiguousRunAsync(from, ct);
            }
        }

        gaps.Forget(contiguous);
        if (contiguous > from)
        {
            await StoreAsync(contiguous, ct);
        }

        return contiguous;
    }

    private async Task<(long Contiguous, long? AfterGap)> ContiguousRunAsync(long from, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand(DetectSql);
        cmd.Parameters.Add(new() { Value = from });
        cmd.Parameters.Add(new() { Value = DetectionWindow });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt64(1));
    }

    /// <summary>
    /// Fills the dead numbers so the mark can pass them. A writer still holding one of them either already
    /// committed (the insert does nothing) or will fail on the key and append again with new numbers.
    /// </summary>
    private async Task TombstoneAsync(long from, long to, DateTimeOffset firstSeen, CancellationToken ct)
    {
        await using var batch = dataSource.CreateBatch();
        var fill = new NpgsqlBatchCommand("""
            INSERT INTO events (seq_id, id, stream_id, version, type, data)
            SELECT n, gen_random_uuid(), '$tombstone', n, '$tombstone', '{}'
            FROM generate_series($1::bigint, $2::bigint) AS n
            ON CONFLICT DO NOTHING
            """);
        fill.Parameters.Add(new() { Value = from });
        fill.Parameters.Add(new() { Value = to });
        var record = new NpgsqlBatchCommand("""
            INSERT INTO high_water_skips (seq_id, gap_first_seen)
            SELECT n, $3 FROM generate_series($1::bigint, $2::bigint) AS n
            WHERE EXISTS (SELECT 1 FROM events e WHERE e.seq_id = n AND e.stream_id = '$tombstone')
            ON CONFLICT DO NOTHING
            """);
        record.Parameters.Add(new() { Value = from });
        record.Parameters.Add(new() { Value = to });
        record.Parameters.Add(new() { Value = firstSeen.UtcDateTime });
        batch.BatchCommands.Add(fill);
        batch.BatchCommands.Add(record);
        await batch.ExecuteNonQueryAsync(ct);
    }

    private async Task StoreAsync(long newMark, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand(
            "UPDATE progression SET last_seq_id = $2, heartbeat = now(), updated = now() WHERE name = $1 AND last_seq_id < $2");
        cmd.Parameters.Add(new() { Value = ProgressionName });
        cmd.Parameters.Add(new() { Value = newMark });
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
