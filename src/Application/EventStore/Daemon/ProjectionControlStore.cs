using Npgsql;
using NpgsqlTypes;

namespace Energy.Application.EventStore;

public static class ProcessorState
{
    public const string Running = "running";
    public const string Rebuilding = "rebuilding";
    public const string Failed = "failed";
    public const string Paused = "paused";
}

/// <summary>A processor's row in <c>projection_control</c>: what operators asked of it, and a rebuild's progress.</summary>
internal sealed record ControlRow(string Name, string Kind, bool Paused, DateTimeOffset? RebuildRequestedAt, string? RebuildState, long? RebuildFloor, long? RebuildTarget, string? LastError);

/// <summary>A shard's row in Marten's <c>mt_event_progression</c>: how far the processor has applied the log.</summary>
internal sealed record ShardProgress(long Floor, DateTimeOffset? Beat, string? PauseReason);

/// <summary>Reads and writes the control rows, and reads Marten's progression for them.</summary>
internal static class ProjectionControlStore
{
    /// <summary>Marten's name of a processor's only shard, the key of its progression row.</summary>
    public static string ShardName(string processor) => processor + ":All";

    public const string HighWaterMark = "HighWaterMark";

    public static async Task<IReadOnlyList<ControlRow>> ReadAsync(NpgsqlDataSource dataSource, string? name, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("""
            SELECT name, kind, paused, rebuild_requested_at, rebuild_state, rebuild_floor, rebuild_target_seq_id, last_error
            FROM projection_control WHERE $1::text IS NULL OR name = $1 ORDER BY name
            """);
        cmd.Parameters.Add(new() { Value = (object?)name ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        var rows = new List<ControlRow>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new ControlRow(
                reader.GetString(0), reader.GetString(1), reader.GetBoolean(2),
                reader.IsDBNull(3) ? null : new DateTimeOffset(reader.GetDateTime(3), TimeSpan.Zero),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetInt64(5),
                reader.IsDBNull(6) ? null : reader.GetInt64(6),
                reader.IsDBNull(7) ? null : reader.GetString(7)));
        }

        return rows;
    }

    /// <summary>Every progression row Marten keeps, by its name (shards, and <see cref="HighWaterMark"/>).</summary>
    public static async Task<IReadOnlyDictionary<string, ShardProgress>> ReadProgressAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("SELECT name, last_seq_id, coalesce(heartbeat, last_updated), pause_reason FROM mt_event_progression");
        var rows = new Dictionary<string, ShardProgress>(StringComparer.Ordinal);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows[reader.GetString(0)] = new ShardProgress(
                reader.GetInt64(1),
                reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2),
                reader.IsDBNull(3) ? null : reader.GetString(3));
        }

        return rows;
    }

    /// <summary>The floor of one processor: the last sequence number its shard has applied (0 before its first page).</summary>
    public static async Task<long> FloorAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, string processor, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SELECT last_seq_id FROM mt_event_progression WHERE name = $1", conn, tx);
        cmd.Parameters.Add(new() { Value = ShardName(processor) });
        return await cmd.ExecuteScalarAsync(ct) is long floor ? floor : 0;
    }

    /// <summary>Asks whichever host has the projection's rebuild lock to rebuild it; false for reactors and unknown names.</summary>
    public static async Task<bool> RequestRebuildAsync(NpgsqlDataSource dataSource, string name, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand(
            "UPDATE projection_control SET rebuild_requested_at = now(), updated = now() WHERE name = $1 AND kind = 'projection'");
        cmd.Parameters.Add(new() { Value = name });
        return await cmd.ExecuteNonQueryAsync(ct) == 1;
    }

    public static async Task<bool> SetPausedAsync(NpgsqlDataSource dataSource, string name, bool paused, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("UPDATE projection_control SET paused = $2, updated = now() WHERE name = $1");
        cmd.Parameters.Add(new() { Value = name });
        cmd.Parameters.Add(new() { Value = paused });
        return await cmd.ExecuteNonQueryAsync(ct) == 1;
    }
}
