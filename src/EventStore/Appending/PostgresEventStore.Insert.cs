using Npgsql;
using NpgsqlTypes;

namespace Energy.EventStore;

public sealed partial class PostgresEventStore
{
    private readonly record struct EventRow(
        object Event, Guid Id, string StreamId, long Version, string Type, string Data, string? CorrelationId, string? CausationId, string? UserName, string? Headers);

    private List<EventRow> ToRows(List<StreamAppend> streams, Dictionary<string, long> versions, EventMetadata defaults)
    {
        var rows = new List<EventRow>(streams.Sum(s => s.Events.Count));
        foreach (var stream in streams)
        {
            var version = versions[stream.StreamId];
            foreach (var item in stream.Events)
            {
                var (data, id, metadata) = item is NewEvent e ? (e.Data, e.Id, e.Metadata ?? defaults) : (item, null, defaults);
                var (type, json) = serializer.Serialize(data);
                rows.Add(new EventRow(
                    data, id ?? Guid.CreateVersion7(), stream.StreamId, ++version, type, json,
                    metadata.CorrelationId, metadata.CausationId, metadata.UserName, EventSerializer.SerializeHeaders(metadata.Headers)));
            }
        }

        return rows;
    }

    /// <summary>
    /// One set-based statement for the events and one for the stream versions. Sequence numbers are taken
    /// after the sort, so within an append they ascend with the versions.
    /// </summary>
    /// <remarks>
    /// The append's statements are prepared: Npgsql keeps them per physical connection, so after a pooled
    /// connection's first append they are neither parsed nor planned again. Their plans do not depend on the
    /// values (unnest of the arrays, then an insert or a key lookup per row).
    /// </remarks>
    private static async Task<IReadOnlyList<(long SeqId, DateTime Timestamp)>> InsertAsync(NpgsqlConnection conn, NpgsqlTransaction tx, List<EventRow> rows, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(conn, tx);
        var insert = new NpgsqlBatchCommand("""
            INSERT INTO events (seq_id, id, stream_id, version, type, data, correlation_id, causation_id, user_name, headers)
            SELECT nextval('events_seq_id'), u.id, u.stream_id, u.version, u.type, u.data, u.correlation_id, u.causation_id, u.user_name, u.headers
            FROM unnest($1::uuid[], $2::text[], $3::bigint[], $4::text[], $5::jsonb[], $6::text[], $7::text[], $8::text[], $9::jsonb[])
                 WITH ORDINALITY AS u(id, stream_id, version, type, data, correlation_id, causation_id, user_name, headers, ord)
            ORDER BY u.ord
            RETURNING seq_id, timestamp, stream_id, version
            """);
        insert.Parameters.Add(new() { Value = rows.Select(r => r.Id).ToArray() });
        insert.Parameters.Add(new() { Value = rows.Select(r => r.StreamId).ToArray() });
        insert.Parameters.Add(new() { Value = rows.Select(r => r.Version).ToArray() });
        insert.Parameters.Add(new() { Value = rows.Select(r => r.Type).ToArray() });
        insert.Parameters.Add(new() { Value = rows.Select(r => r.Data).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        insert.Parameters.Add(Texts(rows.Select(r => r.CorrelationId)));
        insert.Parameters.Add(Texts(rows.Select(r => r.CausationId)));
        insert.Parameters.Add(Texts(rows.Select(r => r.UserName)));
        insert.Parameters.Add(new() { Value = rows.Select(r => r.Headers).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        batch.BatchCommands.Add(insert);

        var lastVersions = rows.GroupBy(r => r.StreamId).Select(g => (Stream: g.Key, Version: g.Max(r => r.Version))).ToArray();
        var bump = new NpgsqlBatchCommand("""
            UPDATE streams AS s SET version = u.version, updated = now()
            FROM unnest($1::text[], $2::bigint[]) AS u(id, version)
            WHERE s.id = u.id
            """);
        bump.Parameters.Add(new() { Value = lastVersions.Select(v => v.Stream).ToArray() });
        bump.Parameters.Add(new() { Value = lastVersions.Select(v => v.Version).ToArray() });
        batch.BatchCommands.Add(bump);

        var stored = new Dictionary<(string, long), (long, DateTime)>(rows.Count);
        await batch.PrepareAsync(ct);
        await using var reader = await batch.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            stored[(reader.GetString(2), reader.GetInt64(3))] = (reader.GetInt64(0), reader.GetDateTime(1));
        }

        return rows.Select(r => stored[(r.StreamId, r.Version)]).ToArray();
    }

    private static NpgsqlParameter Texts(IEnumerable<string?> values) =>
        new() { Value = values.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text };
}
