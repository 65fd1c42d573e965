using Npgsql;

namespace Energy.Application.EventStore;

/// <summary>What operators do with processors: see how current they are, pause one, rebuild one, wait for it.</summary>
public sealed class ProjectionOperations(NpgsqlDataSource dataSource, ProcessorCatalog catalog, TimeProvider clock)
{
    /// <summary>
    /// Every registered processor with its floor (Marten's progression of its shard), the high-water mark, lag,
    /// dead letters and a running rebuild, read from the database, so any host answers the same.
    /// </summary>
    public async Task<IReadOnlyList<ProjectionStatus>> StatusAsync(CancellationToken ct = default)
    {
        var progress = await ProjectionControlStore.ReadProgressAsync(dataSource, ct);
        var controls = (await ProjectionControlStore.ReadAsync(dataSource, null, ct)).ToDictionary(c => c.Name, StringComparer.Ordinal);
        var highWater = progress.GetValueOrDefault(ProjectionControlStore.HighWaterMark)?.Floor ?? 0;
        var deadLetters = await CountDeadLettersAsync(ct);
        var now = clock.GetUtcNow();
        var list = new List<ProjectionStatus>();
        foreach (var processor in catalog.All)
        {
            var shard = progress.GetValueOrDefault(ProjectionControlStore.ShardName(processor.Name));
            var control = controls.GetValueOrDefault(processor.Name);
            var floor = shard?.Floor ?? 0;
            var lagEvents = Math.Max(0, highWater - floor);
            var oldestPending = lagEvents == 0 ? null : await TimestampAfterAsync(floor, ct);
            var state = control?.RebuildState == ProcessorState.Failed ? ProcessorState.Failed
                : control?.RebuildRequestedAt is not null || control?.RebuildState == ProcessorState.Rebuilding ? ProcessorState.Rebuilding
                : control?.Paused == true || shard?.PauseReason is not null ? ProcessorState.Paused
                : ProcessorState.Running;
            list.Add(new ProjectionStatus(
                processor.Name, processor.Kind.ToString().ToLowerInvariant(), floor, highWater, lagEvents,
                oldestPending is null ? 0 : Math.Max(0, (now - oldestPending.Value).TotalSeconds),
                state,
                deadLetters.GetValueOrDefault(processor.Name),
                shard?.Beat is null ? null : Math.Max(0, (now - shard.Beat.Value).TotalSeconds),
                control?.RebuildFloor,
                control?.RebuildTarget,
                control?.LastError ?? shard?.PauseReason));
        }

        return list;
    }

    /// <summary>Asks whichever host takes it up to rebuild the projection blue/green; false for reactors and unknown names.</summary>
    public Task<bool> RequestRebuildAsync(string name, CancellationToken ct = default) =>
        ProjectionControlStore.RequestRebuildAsync(dataSource, name, ct);

    /// <summary>Stops (or lets go on) the processor on whichever host runs the daemon; false for unknown names.</summary>
    public Task<bool> SetPausedAsync(string name, bool paused, CancellationToken ct = default) =>
        ProjectionControlStore.SetPausedAsync(dataSource, name, paused, ct);

    /// <summary>Waits until a requested rebuild has caught up, reporting (floor, target) along the way.</summary>
    public async Task<ProjectionStatus> WaitForRebuildAsync(string name, IProgress<(long Floor, long Target)>? progress, TimeSpan pollInterval, CancellationToken ct = default)
    {
        while (true)
        {
            var status = (await StatusAsync(ct)).Single(s => s.Name == name);
            if (status is { RebuildFloor: { } floor, RebuildTarget: { } target })
            {
                progress?.Report((floor, target));
            }

            if (status.State is ProcessorState.Running or ProcessorState.Failed)
            {
                return status;
            }

            await Task.Delay(pollInterval, clock, ct);
        }
    }

    private async Task<Dictionary<string, long>> CountDeadLettersAsync(CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("SELECT projection, count(*) FROM dead_letters GROUP BY projection");
        var counts = new Dictionary<string, long>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return counts;
    }

    private async Task<DateTimeOffset?> TimestampAfterAsync(long floor, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("SELECT timestamp FROM mt_events WHERE seq_id > $1 ORDER BY seq_id LIMIT 1");
        cmd.Parameters.Add(new() { Value = floor });
        return await cmd.ExecuteScalarAsync(ct) is DateTime t ? new DateTimeOffset(t, TimeSpan.Zero) : null;
    }
}
