using Npgsql;

namespace Energy.EventStore;

/// <summary>A processor's row in <c>progression</c>: its floor (last applied sequence number) and state.</summary>
public sealed record Progression(string Name, string Kind, long Floor, string State, DateTimeOffset? RebuildRequestedAt, long? RebuildTarget, DateTimeOffset? Heartbeat, string? LastError);

public static class ProcessorState
{
    public const string Running = "running";
    public const string Rebuilding = "rebuilding";
    public const string Failed = "failed";
    public const string Paused = "paused";
}

/// <summary>Reads and writes progression rows; the floor only ever moves conditionally on its old value.</summary>
internal static class ProgressionStore
{
    public static async Task EnsureAsync(NpgsqlDataSource dataSource, IEventProcessor processor, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("INSERT INTO progression (name, kind) VALUES ($1, $2) ON CONFLICT DO NOTHING");
        cmd.Parameters.Add(new() { Value = processor.Name });
        cmd.Parameters.Add(new() { Value = processor.Kind.ToString().ToLowerInvariant() });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public static async Task<IReadOnlyList<Progression>> ReadAsync(NpgsqlDataSource dataSource, string? name, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("""
            SELECT name, kind, last_seq_id, state, rebuild_requested_at, rebuild_target_seq_id, heartbeat, last_error
            FROM progression WHERE $1::text IS NULL OR name = $1 OR name = $1 || '#next' ORDER BY name
            """);
        cmd.Parameters.Add(new() { Value = (object?)name ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        var rows = new List<Progression>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new Progression(
                reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : new DateTimeOffset(reader.GetDateTime(4), TimeSpan.Zero),
                reader.IsDBNull(5) ? null : reader.GetInt64(5),
                reader.IsDBNull(6) ? null : new DateTimeOffset(reader.GetDateTime(6), TimeSpan.Zero),
                reader.IsDBNull(7) ? null : reader.GetString(7)));
        }

        return rows;
    }

    /// <summary>
    /// Moves the floor inside the batch's transaction; false when another leader moved it first. A commit
    /// that need not be <paramref name="durable"/> does not wait for its WAL flush (see the remarks).
    /// </summary>
    /// <remarks>
    /// A projection's page writes only its own tables, derived from the log, together with its floor: if a
    /// crash loses such a commit, it loses the writes and the floor together (WAL is replayed in order), and the
    /// page is simply applied again. So projection pages, and pages with no events of the processor's types,
    /// commit with <c>synchronous_commit = off</c>. A reactor's page with events stays durable: it may have
    /// appended events to the log or caused effects that others already saw.
    /// </remarks>
    public static async Task<bool> AdvanceAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string name, long from, long to, bool durable, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(conn, tx);
        if (!durable)
        {
            batch.BatchCommands.Add(TransactionSettings.Command(("synchronous_commit", "off")));
        }

        var advance = new NpgsqlBatchCommand("""
            UPDATE progression SET last_seq_id = $3, heartbeat = now(), updated = now(), last_error = NULL
            WHERE name = $1 AND last_seq_id = $2
            """);
        advance.Parameters.Add(new() { Value = name });
        advance.Parameters.Add(new() { Value = from });
        advance.Parameters.Add(new() { Value = to });
        batch.BatchCommands.Add(advance);
        await batch.ExecuteNonQueryAsync(ct);
        return advance.RecordsAffected == 1;
    }

    public static async Task SetStateAsync(NpgsqlDataSource dataSource, string name, string state, string? error, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand(
            "UPDATE progression SET state = $2, last_error = $3, heartbeat = now(), updated = now() WHERE name = $1");
        cmd.Parameters.Add(new() { Value = name });
        cmd.Parameters.Add(new() { Value = state });
        cmd.Parameters.Add(new() { Value = (object?)error ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public static async Task BeatAsync(NpgsqlDataSource dataSource, string name, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("UPDATE progression SET heartbeat = now() WHERE name = $1");
        cmd.Parameters.Add(new() { Value = name });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Asks whichever host leads the projection to rebuild it; false for reactors and unknown names.</summary>
    public static async Task<bool> RequestRebuildAsync(NpgsqlDataSource dataSource, string name, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand(
            "UPDATE progression SET rebuild_requested_at = now(), updated = now() WHERE name = $1 AND kind = 'projection'");
        cmd.Parameters.Add(new() { Value = name });
        return await cmd.ExecuteNonQueryAsync(ct) == 1;
    }
}
