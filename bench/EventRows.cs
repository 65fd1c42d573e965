using Npgsql;
using NpgsqlTypes;

namespace Energy.Bench;

/// <summary>
/// Rows of <c>mt_events</c> as the service stored them, written again into a table of the same shape and indexes
/// (<c>LIKE mt_events INCLUDING ALL</c>) by the cheapest means PostgreSQL has: the baselines of the ingest figures.
/// </summary>
public sealed record EventRow(long SeqId, Guid Id, string StreamId, long Version, string Type, string Data, DateTime Timestamp,
    string? CorrelationId, string? CausationId, string? UserName, string? Headers)
{
    private const string Columns = "seq_id, id, stream_id, version, type, data, timestamp, correlation_id, causation_id, user_name, headers";

    public static async Task<List<EventRow>> LoadAsync(NpgsqlDataSource dataSource, long afterSeq, long toSeq, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand(
            "SELECT seq_id, id, stream_id, version, type, data::text, timestamp, correlation_id, causation_id, user_name, headers::text FROM mt_events WHERE seq_id > $1 AND seq_id <= $2 ORDER BY seq_id");
        cmd.Parameters.Add(new() { Value = afterSeq });
        cmd.Parameters.Add(new() { Value = toSeq });
        var rows = new List<EventRow>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new EventRow(reader.GetInt64(0), reader.GetGuid(1), reader.GetString(2), reader.GetInt64(3), reader.GetString(4), reader.GetString(5),
                reader.GetDateTime(6), Nullable(reader, 7), Nullable(reader, 8), Nullable(reader, 9), Nullable(reader, 10)));
        }

        return rows;
    }

    /// <summary>A fresh, empty table shaped like <c>mt_events</c>, with its primary key, unique and BRIN indexes.</summary>
    public static async Task CreateTableAsync(NpgsqlDataSource dataSource, string table, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand($"DROP TABLE IF EXISTS {table}; CREATE TABLE {table} (LIKE mt_events INCLUDING ALL)");
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public static async Task CopyAsync(NpgsqlDataSource dataSource, string table, IReadOnlyList<EventRow> rows, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var writer = await connection.BeginBinaryImportAsync($"COPY {table} ({Columns}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(ct);
            await writer.WriteAsync(row.SeqId, NpgsqlDbType.Bigint, ct);
            await writer.WriteAsync(row.Id, NpgsqlDbType.Uuid, ct);
            await writer.WriteAsync(row.StreamId, NpgsqlDbType.Text, ct);
            await writer.WriteAsync(row.Version, NpgsqlDbType.Bigint, ct);
            await writer.WriteAsync(row.Type, NpgsqlDbType.Text, ct);
            await writer.WriteAsync(row.Data, NpgsqlDbType.Jsonb, ct);
            await writer.WriteAsync(row.Timestamp, NpgsqlDbType.TimestampTz, ct);
            await WriteNullableAsync(writer, row.CorrelationId, NpgsqlDbType.Text, ct);
            await WriteNullableAsync(writer, row.CausationId, NpgsqlDbType.Text, ct);
            await WriteNullableAsync(writer, row.UserName, NpgsqlDbType.Text, ct);
            await WriteNullableAsync(writer, row.Headers, NpgsqlDbType.Jsonb, ct);
        }

        await writer.CompleteAsync(ct);
    }

    /// <summary>One autocommitted single-row INSERT per row, from <paramref name="concurrency"/> connections (pgbench-style).</summary>
    public static async Task InsertEachAsync(NpgsqlDataSource dataSource, string table, IReadOnlyList<EventRow> rows, int concurrency, CancellationToken ct)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            await using var cmd = new NpgsqlCommand($"INSERT INTO {table} ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)", connection);
            foreach (var type in new[] { NpgsqlDbType.Bigint, NpgsqlDbType.Uuid, NpgsqlDbType.Text, NpgsqlDbType.Bigint, NpgsqlDbType.Text, NpgsqlDbType.Jsonb,
                         NpgsqlDbType.TimestampTz, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Jsonb })
            {
                cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = type });
            }

            await cmd.PrepareAsync(ct);
            int i;
            while ((i = Interlocked.Increment(ref next)) < rows.Count)
            {
                var row = rows[i];
                object?[] values = [row.SeqId, row.Id, row.StreamId, row.Version, row.Type, row.Data, row.Timestamp, row.CorrelationId, row.CausationId, row.UserName, row.Headers];
                for (var p = 0; p < values.Length; p++)
                {
                    cmd.Parameters[p].Value = values[p] ?? DBNull.Value;
                }

                await cmd.ExecuteNonQueryAsync(ct);
            }
        }));
    }

    private static string? Nullable(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static Task WriteNullableAsync(NpgsqlBinaryImporter writer, string? value, NpgsqlDbType type, CancellationToken ct) =>
        value is null ? writer.WriteNullAsync(ct) : writer.WriteAsync(value, type, ct);
}
