using Microsoft.Extensions.Logging;
using Npgsql;

namespace Energy.EventStore;

/// <summary>
/// The loop of one processor on this host: become leader, then apply pages of <c>(floor, high-water]</c>,
/// each page and its new floor in one transaction, until stopped. Rebuilds happen inside this loop, so the
/// shard is naturally stopped while its tables are emptied.
/// </summary>
internal sealed partial class ProjectionRunner(
    IEventProcessor processor,
    NpgsqlDataSource dataSource,
    IEventStore store,
    HighWaterAgent highWater,
    DaemonOptions options,
    TimeProvider clock,
    ILogger logger)
{
    private static readonly TimeSpan HeartbeatWrite = TimeSpan.FromSeconds(5);
    private DateTimeOffset lastBeatWritten;

    public IEventProcessor Processor => processor;

    public DateTimeOffset Heartbeat { get; private set; } = DateTimeOffset.MinValue;

    public bool IsLeader { get; private set; }

    public async Task RunAsync(CancellationToken ct)
    {
        Heartbeat = clock.GetUtcNow();
        await ProgressionStore.EnsureAsync(dataSource, processor, ct);
        while (!ct.IsCancellationRequested)
        {
            Heartbeat = clock.GetUtcNow();
            await using var leadership = await LeaderLock.TryAcquireAsync(dataSource, "processor:" + processor.Name, ct);
            IsLeader = leadership is not null;
            if (leadership is null)
            {
                await Task.Delay(options.LeaderRetry, clock, ct);
                continue;
            }

            LogLeading(logger, processor.Name);
            await LeadAsync(leadership, ct);
        }
    }

    private async Task LeadAsync(LeaderLock leadership, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            Heartbeat = clock.GetUtcNow();
            var row = (await ProgressionStore.ReadAsync(dataSource, processor.Name, ct)).Single();
            if (row.RebuildRequestedAt is not null && processor is IProjection projection)
            {
                await StartRebuildAsync(projection, ct);
                continue;
            }

            var rebuilding = row.State == ProcessorState.Rebuilding;
            if (row.State is ProcessorState.Failed or ProcessorState.Paused)
            {
                await highWater.Advanced.WaitAsync(options.PollInterval, ct);
                continue;
            }

            var target = highWater.Mark;
            if (row.Floor >= target)
            {
                if (rebuilding && row.Floor >= (row.RebuildTarget ?? 0))
                {
                    await ProgressionStore.SetStateAsync(dataSource, processor.Name, ProcessorState.Running, null, ct);
                    LogRebuilt(logger, processor.Name, row.Floor);
                }

                if (!await IdleAsync(leadership, row.Floor, ct))
                {
                    return;
                }

                continue;
            }

            var page = await store.ReadAllAsync(row.Floor, target, options.BatchSize, processor.EventTypes, ct);
            var newFloor = page.Count < options.BatchSize ? target : page[^1].SeqId;
            await ApplyPageAsync(row.Floor, newFloor, page, rebuilding, ct);
        }
    }

    /// <summary>Waits for new events; false when leadership was lost meanwhile.</summary>
    private async Task<bool> IdleAsync(LeaderLock leadership, long floor, CancellationToken ct)
    {
        if (clock.GetUtcNow() - lastBeatWritten > HeartbeatWrite)
        {
            lastBeatWritten = clock.GetUtcNow();
            if (!await leadership.IsHeldAsync(ct))
            {
                return false;
            }

            await ProgressionStore.BeatAsync(dataSource, processor.Name, ct);
        }

        await highWater.WaitAboveAsync(floor, ct);
        return true;
    }

    private async Task StartRebuildAsync(IProjection projection, CancellationToken ct)
    {
        var target = highWater.Mark;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await projection.ResetAsync(conn, tx, ct);
        await using (var batch = new NpgsqlBatch(conn, tx))
        {
            var restart = new NpgsqlBatchCommand("""
                UPDATE progression SET last_seq_id = 0, state = 'rebuilding', rebuild_target_seq_id = $2,
                       rebuild_requested_at = NULL, last_error = NULL, heartbeat = now(), updated = now()
                WHERE name = $1
                """);
            restart.Parameters.Add(new() { Value = processor.Name });
            restart.Parameters.Add(new() { Value = target });
            var forget = new NpgsqlBatchCommand("DELETE FROM dead_letters WHERE projection = $1");
            forget.Parameters.Add(new() { Value = processor.Name });
            batch.BatchCommands.Add(restart);
            batch.BatchCommands.Add(forget);
            await batch.ExecuteNonQueryAsync(ct);
        }

        await tx.CommitAsync(ct);
        LogRebuilding(logger, processor.Name, target);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Leading {Processor} on this host")]
    private static partial void LogLeading(ILogger logger, string processor);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rebuilding {Processor} up to sequence {Target}")]
    private static partial void LogRebuilding(ILogger logger, string processor, long target);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rebuild of {Processor} caught up at sequence {Floor}")]
    private static partial void LogRebuilt(ILogger logger, string processor, long floor);
}
