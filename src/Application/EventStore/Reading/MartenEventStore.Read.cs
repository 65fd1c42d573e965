using Npgsql;

namespace Energy.Application.EventStore;

public sealed partial class MartenEventStore
{
    private const string Columns =
        "seq_id, id, stream_id, version, type, data::text, timestamp, correlation_id, causation_id, user_name, headers::text";

    public async Task<IReadOnlyList<EventEnvelope>> ReadStreamAsync(string streamId, long fromVersion = 1, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand($"SELECT {Columns} FROM mt_events WHERE stream_id = $1 AND version >= $2 ORDER BY version");
        cmd.Parameters.Add(new() { Value = streamId });
        cmd.Parameters.Add(new() { Value = fromVersion });
        return await ReadEnvelopesAsync(cmd, ct);
    }

    public async Task<Folded<T>> AggregateStreamAsync<T>(string streamId, T initial, Func<T, object, T> evolve, StreamPosition? upTo = null, CancellationToken ct = default)
    {
        var (condition, bound) = (upTo ?? StreamPosition.Latest) switch
        {
            StreamPosition.VersionPosition v => ("AND version <= $2", (object)v.Version),
            StreamPosition.TimePosition t => ("AND timestamp <= $2", t.Instant.ToUniversalTime()),
            _ => ("AND $2::bigint IS NULL", DBNull.Value),
        };
        await using var cmd = dataSource.CreateCommand($"SELECT {Columns} FROM mt_events WHERE stream_id = $1 {condition} ORDER BY version");
        cmd.Parameters.Add(new() { Value = streamId });
        cmd.Parameters.Add(new() { Value = bound });

        var state = initial;
        long version = 0;
        foreach (var e in await ReadEnvelopesAsync(cmd, ct))
        {
            state = evolve(state, e.Data);
            version = e.Version;
        }

        return new Folded<T>(state, version);
    }

    public async Task<IReadOnlyList<EventEnvelope>> ReadAllAsync(long afterSeqId, long throughSeqId, int limit, IReadOnlyCollection<string>? types = null, CancellationToken ct = default)
    {
        // Two statements rather than one with "$4 IS NULL OR": each gets its own plan and its own line in pg_stat_statements.
        // The page is read in seq_id order along the primary key, stopping at the limit: while the log grows faster
        // than autovacuum analyzes it, the planner believes the range holds a handful of rows and would rather scan
        // all of it (bitmap heap scan, then a top-N sort), turning every jsonb document of the range into text —
        // 9,660 of them for a page of 1,000 in the ingest bench, 233 ms instead of 20. The settings are local to the
        // batch's implicit transaction (TransactionSettings).
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(TransactionSettings.Command(("enable_bitmapscan", "off"), ("enable_sort", "off")));
        var read = new NpgsqlBatchCommand($"""
            SELECT {Columns} FROM mt_events
            WHERE seq_id > $1 AND seq_id <= $2 AND stream_id NOT IN {EventEnvelope.TombstoneStreams}{(types is null ? "" : " AND type = ANY($4)")}
            ORDER BY seq_id LIMIT $3
            """);
        read.Parameters.Add(new() { Value = afterSeqId });
        read.Parameters.Add(new() { Value = throughSeqId });
        read.Parameters.Add(new() { Value = limit });
        if (types is not null)
        {
            read.Parameters.Add(new() { Value = types.ToArray(), NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text });
        }

        batch.BatchCommands.Add(read);
        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.NextResultAsync(ct);
        return await ReadEnvelopesAsync(reader, ct);
    }

    public async Task<EventLogPage> QueryLogAsync(EventLogQuery query, CancellationToken ct = default)
    {
        const string Where = $"""
            WHERE stream_id NOT IN {EventEnvelope.TombstoneStreams}
              AND ($1::timestamptz IS NULL OR timestamp >= $1) AND ($2::timestamptz IS NULL OR timestamp < $2)
              AND ($3::text[] IS NULL OR type = ANY($3)) AND ($4::text IS NULL OR stream_id = $4)
            """;
        await using var batch = dataSource.CreateBatch();
        var count = new NpgsqlBatchCommand($"SELECT count(*) FROM mt_events {Where}");
        var page = new NpgsqlBatchCommand($"SELECT {Columns} FROM mt_events {Where} ORDER BY seq_id OFFSET $5 LIMIT $6");
        foreach (var command in new[] { count, page })
        {
            command.Parameters.Add(new() { Value = (object?)query.From?.UtcDateTime ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
            command.Parameters.Add(new() { Value = (object?)query.To?.UtcDateTime ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
            command.Parameters.Add(new() { Value = (object?)query.Types?.ToArray() ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text });
            command.Parameters.Add(new() { Value = (object?)query.Stream ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            batch.BatchCommands.Add(command);
        }

        page.Parameters.Add(new() { Value = query.Offset });
        page.Parameters.Add(new() { Value = query.Limit });
        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var total = reader.GetInt64(0);
        await reader.NextResultAsync(ct);
        return new EventLogPage(await ReadEnvelopesAsync(reader, ct), total);
    }

    public async Task<long> StreamVersionAsync(string streamId, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("SELECT version FROM mt_streams WHERE id = $1");
        cmd.Parameters.Add(new() { Value = streamId });
        return await cmd.ExecuteScalarAsync(ct) is long v ? v : 0;
    }

    private async Task<IReadOnlyList<EventEnvelope>> ReadEnvelopesAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        return await ReadEnvelopesAsync(reader, ct);
    }

    private async Task<IReadOnlyList<EventEnvelope>> ReadEnvelopesAsync(NpgsqlDataReader reader, CancellationToken ct)
    {
        var list = new List<EventEnvelope>();
        while (await reader.ReadAsync(ct))
        {
            var type = reader.GetString(4);
            list.Add(new EventEnvelope(
                reader.GetInt64(0),
                reader.GetGuid(1),
                reader.GetString(2),
                reader.GetInt64(3),
                type,
                serializer.Deserialize(type, reader.GetString(5)),
                new DateTimeOffset(reader.GetDateTime(6), TimeSpan.Zero),
                reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.IsDBNull(8) ? null : reader.GetString(8),
                reader.IsDBNull(9) ? null : reader.GetString(9),
                EventSerializer.DeserializeHeaders(reader.IsDBNull(10) ? null : reader.GetString(10))));
        }

        return list;
    }
}
