using Npgsql;

namespace Energy.EventStore;

/// <summary>What operators do with projections: see how current they are, rebuild one, wait for it.</summary>
public sealed class ProjectionOperations(NpgsqlDataSource dataSource, TimeProvider clock)
{
    /// <summary>Every processor with its floor, the high-water mark, lag and dead letters, read from the database.</summary>
    public async Task<IReadOnlyList<ProjectionStatus>> StatusAsync(CancellationToken ct = default)
    {
        var rows = await ProgressionStore.ReadAsync(dataSource, null, ct);
        var highWater = rows.FirstOrDefault(r => r.Name == HighWaterAgent.ProgressionName)?.Floor ?? 0;
        var deadLetters = await CountDeadLettersAsync(ct);
        var now = clock.GetUtcNow();
        var list = new List<ProjectionStatus>();
        foreach (var row in rows.Where(r => r.Name != HighWaterAgent.ProgressionName && r.Kind != "generation"))
        {
            var next = rows.SingleOrDefault(r => r.Name == Generation.NextName(row.Name));
            var lagEvents = Math.Max(0, highWater - row.Floor);
            var oldestPending = lagEvents == 0 ? null : await TimestampAfterAsync(row.Floor, ct);
            var state = next?.State == ProcessorState.Failed ? ProcessorState.Failed
                : row.RebuildRequestedAt is not null || next is not null ? ProcessorState.Rebuilding
                : row.State;
            list.Add(new ProjectionStatus(
                row.Name, row.Kind, row.Floor, highWater, lagEvents,
                oldestPending is null ? 0 : Math.Max(0, (now - oldestPending.Value).TotalSeconds),
                state,
                deadLetters.GetValueOrDefault(row.Name),
                row.Heartbeat is null ? null : Math.Max(0, (now - row.Heartbeat.Value).TotalSeconds),
                next?.Floor,
                next?.RebuildTarget,
                next?.LastError ?? row.LastError));
        }

        return list;
    }

    /// <summary>Asks the projection's leader (on whichever host) to rebuild it; false for reactors and unknown names.</summary>
    public Task<bool> RequestRebuildAsync(string name, CancellationToken ct = default) =>
        ProgressionStore.RequestRebuildAsync(dataSource, name, ct);

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
