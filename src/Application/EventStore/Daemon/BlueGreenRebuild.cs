using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Energy.Application.EventStore;

/// <summary>
/// Rebuilds a projection beside its live tables while Marten's daemon keeps the live ones current: the next
/// generation (tables with <see cref="NextSuffix"/>) replays the log up to the high-water mark seen at the
/// request, then follows the live shard's floor, and is swapped in, in one transaction, once it has reached it.
/// Marten's own rebuild tears the tables down and replays in place, so queries would see a partial read model
/// for as long as it runs; this is why the swap stays the project's.
/// </summary>
/// <remarks>
/// Every host with a daemon runs this loop; a session advisory lock per projection makes one of them do a given
/// rebuild, and a rebuild whose host died is taken up by another from the next generation's stored floor. The
/// swap locks the live tables first: a daemon page that already wrote them has committed (with its floor) before
/// the lock is granted, one that has not waits and then writes the new tables, so no event is applied twice or lost.
/// </remarks>
internal sealed partial class BlueGreenRebuild(
    ProcessorCatalog catalog,
    NpgsqlDataSource dataSource,
    IEventStore store,
    IOptions<DaemonOptions> options,
    TimeProvider clock,
    ILogger<BlueGreenRebuild> logger) : BackgroundService
{
    public const string NextSuffix = "__next";

    private int PageSize => options.Value.BatchSize * options.Value.RebuildBatchFactor;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var row in await ProjectionControlStore.ReadAsync(dataSource, null, stoppingToken))
                {
                    if ((row.RebuildRequestedAt is not null || row.RebuildState == ProcessorState.Rebuilding) && catalog.Find(row.Name) is IProjection projection)
                    {
                        await RebuildAsync(projection, stoppingToken);
                    }
                }

                await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogLoopFailed(logger, e);
                await Task.Delay(options.Value.RetryBackoff * 10, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task RebuildAsync(IProjection projection, CancellationToken ct)
    {
        await using var lockConnection = await dataSource.OpenConnectionAsync(ct);
        if (!await TryLockAsync(lockConnection, projection.Name, ct))
        {
            return; // another host is on it
        }

        var row = (await ProjectionControlStore.ReadAsync(dataSource, projection.Name, ct)).Single();
        if (row.RebuildRequestedAt is null && row.RebuildState != ProcessorState.Rebuilding)
        {
            return; // finished by another host between the read and the lock
        }

        var (floor, target) = row.RebuildRequestedAt is not null
            ? (0L, await StartAsync(projection, ct))
            : (row.RebuildFloor ?? 0, row.RebuildTarget ?? 0);

        try
        {
            floor = await ReplayAsync(projection, floor, target, ct);
            await FollowAndSwapAsync(projection, floor, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // The live tables keep serving; the failed generation waits for another rebuild request.
            LogRebuildFailed(logger, e, projection.Name);
            await SetFailedAsync(projection.Name, e.Message, ct);
        }
    }

    /// <summary>Creates the next generation's tables; returns the sequence number the replay runs up to.</summary>
    private async Task<long> StartAsync(IProjection projection, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        long target;
        await using (var mark = new NpgsqlCommand(
            "SELECT greatest(coalesce((SELECT last_seq_id FROM mt_event_progression WHERE name = $1), 0), coalesce((SELECT last_seq_id FROM mt_event_progression WHERE name = $2), 0))",
            conn, tx))
        {
            mark.Parameters.Add(new() { Value = ProjectionControlStore.HighWaterMark });
            mark.Parameters.Add(new() { Value = ProjectionControlStore.ShardName(projection.Name) });
            target = (long)(await mark.ExecuteScalarAsync(ct))!;
        }

        var sql = string.Join("\n", projection.Tables.Select(t => $"DROP TABLE IF EXISTS {t}{NextSuffix};")) + "\n" + projection.TablesSql(NextSuffix);
        await ExecuteAsync(conn, tx, sql, ct);
        await ExecuteAsync(conn, tx, """
            UPDATE projection_control SET rebuild_requested_at = NULL, rebuild_state = 'rebuilding', rebuild_floor = 0,
                rebuild_target_seq_id = $2, last_error = NULL, updated = now()
            WHERE name = $1
            """, ct, projection.Name, target);
        await tx.CommitAsync(ct);
        LogStarted(logger, projection.Name, target);
        return target;
    }

    /// <summary>
    /// Replays <c>(floor, target]</c> into the next generation in large pages, reading the next page while the
    /// current one is written.
    /// </summary>
    private async Task<long> ReplayAsync(IProjection projection, long floor, long target, CancellationToken ct)
    {
        var pending = floor < target ? store.ReadAllAsync(floor, target, PageSize, projection.EventTypes, ct) : null;
        while (pending is not null)
        {
            var events = await pending;
            var through = events.Count < PageSize ? target : events[^1].SeqId;
            pending = through < target ? store.ReadAllAsync(through, target, PageSize, projection.EventTypes, ct) : null;
            await using var conn = await dataSource.OpenConnectionAsync(ct);
            await using var tx = await conn.BeginTransactionAsync(ct);
            await ApplyToNextAsync(projection, conn, tx, floor, through, events, ct);
            await tx.CommitAsync(ct);
            floor = through;
        }

        return floor;
    }

    /// <summary>Follows the live shard until one short page is left, then applies it and swaps under the tables' lock.</summary>
    private async Task FollowAndSwapAsync(IProjection projection, long floor, CancellationToken ct)
    {
        while (true)
        {
            long live;
            await using (var conn = await dataSource.OpenConnectionAsync(ct))
            {
                live = await ProjectionControlStore.FloorAsync(conn, null, projection.Name, ct);
            }

            if (live > floor + PageSize)
            {
                floor = await ReplayAsync(projection, floor, live, ct);
            }
            else if (live >= floor && await TrySwapAsync(projection, floor, ct))
            {
                return;
            }
            else
            {
                await Task.Delay(options.Value.PollInterval, clock, ct); // the live shard is behind the replay: let it catch up
            }
        }
    }

    private async Task<bool> TrySwapAsync(IProjection projection, long floor, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await ExecuteAsync(conn, tx, $"LOCK TABLE {string.Join(", ", projection.Tables)} IN ACCESS EXCLUSIVE MODE", ct);
        var live = await ProjectionControlStore.FloorAsync(conn, tx, projection.Name, ct);
        if (live < floor)
        {
            await tx.RollbackAsync(ct);
            return false;
        }

        var rest = live > floor ? await store.ReadAllAsync(floor, live, int.MaxValue, projection.EventTypes, ct) : [];
        await ApplyToNextAsync(projection, conn, tx, floor, live, rest, ct);
        foreach (var table in projection.Tables)
        {
            await ExecuteAsync(conn, tx, $"DROP TABLE {table}; ALTER TABLE {table}{NextSuffix} RENAME TO {table};", ct);
            await RestoreIndexNamesAsync(conn, tx, table, ct);
        }

        await ExecuteAsync(conn, tx, "DELETE FROM dead_letters WHERE projection = $1", ct, projection.Name);
        await ExecuteAsync(conn, tx, """
            UPDATE projection_control SET rebuild_state = NULL, rebuild_floor = NULL, rebuild_target_seq_id = NULL, last_error = NULL, updated = now()
            WHERE name = $1
            """, ct, projection.Name);
        await tx.CommitAsync(ct);
        LogRebuilt(logger, projection.Name, live);
        return true;
    }

    private async Task ApplyToNextAsync(IProjection projection, NpgsqlConnection conn, NpgsqlTransaction tx, long floor, long through, IReadOnlyList<EventEnvelope> events, CancellationToken ct)
    {
        if (events.Count > 0)
        {
            await projection.ApplyAsync(new ProjectionContext(conn, tx, store, Rebuilding: true, NextSuffix), events, ct);
        }

        await using var advance = new NpgsqlCommand(
            "UPDATE projection_control SET rebuild_floor = $3, updated = now() WHERE name = $1 AND rebuild_floor = $2", conn, tx);
        advance.Parameters.Add(new() { Value = projection.Name });
        advance.Parameters.Add(new() { Value = floor });
        advance.Parameters.Add(new() { Value = through });
        if (await advance.ExecuteNonQueryAsync(ct) != 1)
        {
            throw new InvalidOperationException($"The next generation of {projection.Name} moved past {floor} meanwhile; this rebuild stops.");
        }
    }

    private async Task SetFailedAsync(string name, string error, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await ExecuteAsync(conn, null, "UPDATE projection_control SET rebuild_state = 'failed', last_error = $2, updated = now() WHERE name = $1", ct, name, error);
    }

    private static async Task<bool> TryLockAsync(NpgsqlConnection conn, string projection, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SELECT pg_try_advisory_lock(hashtextextended('rebuild:' || $1, 0))", conn);
        cmd.Parameters.Add(new() { Value = projection });
        return (bool)(await cmd.ExecuteScalarAsync(ct))!;
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

    private static async Task ExecuteAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, string sql, CancellationToken ct, params object[] values)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx);
        foreach (var value in values)
        {
            cmd.Parameters.Add(new() { Value = value });
        }

        await cmd.ExecuteNonQueryAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rebuilding {Projection} beside its live tables, up to sequence {Target} and on")]
    private static partial void LogStarted(ILogger logger, string projection, long target);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rebuild of {Projection} caught up at sequence {Floor}; the new tables are live")]
    private static partial void LogRebuilt(ILogger logger, string projection, long floor);

    [LoggerMessage(Level = LogLevel.Error, Message = "Rebuild of {Projection} failed; it stays failed until rebuilt again")]
    private static partial void LogRebuildFailed(ILogger logger, Exception error, string projection);

    [LoggerMessage(Level = LogLevel.Error, Message = "The rebuild loop failed; it looks again after a pause")]
    private static partial void LogLoopFailed(ILogger logger, Exception error);
}
