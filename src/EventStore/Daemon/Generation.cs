using Microsoft.Extensions.Logging;
using Npgsql;

namespace Energy.EventStore;

/// <summary>
/// The blue/green mechanics of a rebuild: create the next generation of a projection's tables beside the
/// live ones, and swap them in, in one transaction, once the next generation has caught up.
/// </summary>
internal sealed partial class Generation(NpgsqlDataSource dataSource, ILogger logger)
{
    public const string Live = "";
    public const string NextSuffix = "__next";

    public static string NextName(string projection) => projection + "#next";

    public async Task StartAsync(IProjection projection, long target, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var sql = string.Join("\n", projection.Tables.Select(t => $"DROP TABLE IF EXISTS {t}{NextSuffix};")) + "\n" + projection.TablesSql(NextSuffix);
        await using (var create = new NpgsqlCommand(sql, conn, tx))
        {
            await create.ExecuteNonQueryAsync(ct);
        }

        await using var batch = new NpgsqlBatch(conn, tx)
        {
            BatchCommands =
            {
                Command("""
                    INSERT INTO progression (name, kind, last_seq_id, state, rebuild_target_seq_id) VALUES ($1, 'generation', 0, 'rebuilding', $2)
                    ON CONFLICT (name) DO UPDATE SET last_seq_id = 0, state = 'rebuilding', rebuild_target_seq_id = $2, last_error = NULL, updated = now()
                    """, NextName(projection.Name), target),
                Command("UPDATE progression SET rebuild_requested_at = NULL, updated = now() WHERE name = $1", projection.Name),
            },
        };
        await batch.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
        LogStarted(logger, projection.Name, target);
    }

    /// <summary>False when either floor moved meanwhile (another leader): the caller simply looks again.</summary>
    public async Task<bool> SwapAsync(IProjection projection, long liveFloor, long nextFloor, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var claim = new NpgsqlCommand("""
            UPDATE progression SET last_seq_id = $3, state = 'running', rebuild_target_seq_id = NULL, last_error = NULL, updated = now()
            WHERE name = $1 AND last_seq_id = $2
              AND EXISTS (SELECT 1 FROM progression n WHERE n.name = $4 AND n.last_seq_id = $3)
            """, conn, tx))
        {
            claim.Parameters.Add(new() { Value = projection.Name });
            claim.Parameters.Add(new() { Value = liveFloor });
            claim.Parameters.Add(new() { Value = nextFloor });
            claim.Parameters.Add(new() { Value = NextName(projection.Name) });
            if (await claim.ExecuteNonQueryAsync(ct) != 1)
            {
                return false;
            }
        }

        foreach (var table in projection.Tables)
        {
            await ExecuteAsync(conn, tx, $"ALTER TABLE {table} RENAME TO {table}__old; ALTER TABLE {table}{NextSuffix} RENAME TO {table}; DROP TABLE {table}__old;", ct);
            await RestoreIndexNamesAsync(conn, tx, table, ct);
        }

        await using var forget = new NpgsqlBatch(conn, tx)
        {
            BatchCommands =
            {
                Command("DELETE FROM progression WHERE name = $1", NextName(projection.Name)),
                Command("DELETE FROM dead_letters WHERE projection = $1", projection.Name),
            },
        };
        await forget.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Indexes created for the next generation carry its suffix; give them the live names back.</summary>
    private static async Task RestoreIndexNamesAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string table, CancellationToken ct)
    {
        var names = new List<string>();
        await using (var find = new NpgsqlCommand("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = $1 AND strpos(indexname, $2) > 0", conn, tx))
        {
            find.Parameters.Add(new() { Value = table });
            find.Parameters.Add(new() { Value = NextSuffix });
            await using var reader = await find.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                names.Add(reader.GetString(0));
            }
        }

        foreach (var name in names)
        {
            await ExecuteAsync(conn, tx, $"ALTER INDEX \"{name}\" RENAME TO \"{name.Replace(NextSuffix, "", StringComparison.Ordinal)}\"", ct);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new() { Value = value });
        }

        return command;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rebuilding {Projection} beside its live tables, up to sequence {Target} and on")]
    private static partial void LogStarted(ILogger logger, string projection, long target);
}
