using Microsoft.Extensions.Logging;
using Npgsql;

namespace Energy.EventStore;

internal sealed partial class ProjectionRunner
{
    /// <summary>
    /// Applies a page with retries. In continuous mode a page that keeps failing is replayed event by event
    /// so that only the poisoned event goes to dead letters; in a rebuild the failure fails the run, because a
    /// rebuilt read model with a hole in it would be silently wrong.
    /// </summary>
    private async Task ApplyPageAsync(Target target, long floor, long newFloor, IReadOnlyList<EventEnvelope> page, CancellationToken ct)
    {
        var error = await TryWithRetriesAsync(target, floor, newFloor, page, ct);
        if (error is null)
        {
            return;
        }

        if (target.Rebuilding)
        {
            // The live tables keep serving; the failed generation waits for another rebuild request.
            LogRebuildFailed(logger, error, processor.Name);
            await ProgressionStore.SetStateAsync(dataSource, target.Progression, ProcessorState.Failed, error.Message, ct);
            return;
        }

        await IsolatePoisonAsync(target, floor, newFloor, page, ct);
    }

    private async Task IsolatePoisonAsync(Target target, long floor, long newFloor, IReadOnlyList<EventEnvelope> page, CancellationToken ct)
    {
        known = null; // dead letters move the floor outside ApplyOnceAsync
        var current = floor;
        foreach (var e in page)
        {
            var error = await TryWithRetriesAsync(target, current, e.SeqId, [e], ct);
            if (error is not null && !await DeadLetterAsync(current, e, error, ct))
            {
                return;
            }

            current = e.SeqId;
        }

        if (current < newFloor)
        {
            await TryWithRetriesAsync(target, current, newFloor, [], ct);
        }
    }

    /// <summary>Null on success (or when another leader already moved the floor), else the last error.</summary>
    private async Task<Exception?> TryWithRetriesAsync(Target target, long floor, long newFloor, IReadOnlyList<EventEnvelope> events, CancellationToken ct)
    {
        Exception? last = null;
        for (var attempt = 1; attempt <= options.RetryAttempts; attempt++)
        {
            try
            {
                await ApplyOnceAsync(target, floor, newFloor, events, ct);
                return null;
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                last = e;
                LogApplyFailed(logger, e, processor.Name, floor, attempt);
                await Task.Delay(options.RetryBackoff * attempt, clock, ct);
            }
        }

        return last;
    }

    private async Task ApplyOnceAsync(Target target, long floor, long newFloor, IReadOnlyList<EventEnvelope> events, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        if (events.Count > 0)
        {
            await processor.ApplyAsync(new ProjectionContext(conn, tx, store, target.Rebuilding, target.Suffix), events, ct);
        }

        var durable = processor.Kind == ProcessorKind.Reactor && events.Count > 0;
        if (!await ProgressionStore.AdvanceAsync(conn, tx, target.Progression, floor, newFloor, durable, ct))
        {
            // Someone else applied this range (a former leader finishing its last batch): ours must not count twice.
            await tx.RollbackAsync(ct);
            known = null;
            LogFloorMoved(logger, processor.Name, floor);
            return;
        }

        await tx.CommitAsync(ct);
        Moved(target.Progression, floor, newFloor);
        Heartbeat = clock.GetUtcNow();
    }

    /// <summary>Records the poisoned event and moves past it in one transaction; false if the floor had moved.</summary>
    private async Task<bool> DeadLetterAsync(long floor, EventEnvelope poisoned, Exception error, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var cmd = new NpgsqlCommand("""
            INSERT INTO dead_letters (projection, seq_id, event_type, error) VALUES ($1, $2, $3, $4)
            ON CONFLICT ON CONSTRAINT dead_letters_once DO NOTHING
            """, conn, tx))
        {
            cmd.Parameters.Add(new() { Value = processor.Name });
            cmd.Parameters.Add(new() { Value = poisoned.SeqId });
            cmd.Parameters.Add(new() { Value = poisoned.Type });
            cmd.Parameters.Add(new() { Value = error.GetType().Name + ": " + error.Message });
            await cmd.ExecuteNonQueryAsync(ct);
        }

        if (!await ProgressionStore.AdvanceAsync(conn, tx, processor.Name, floor, poisoned.SeqId, durable: true, ct))
        {
            await tx.RollbackAsync(ct);
            return false;
        }

        await tx.CommitAsync(ct);
        LogDeadLettered(logger, error, processor.Name, poisoned.SeqId, poisoned.Type);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Processor} failed to apply the page after {Floor} (attempt {Attempt})")]
    private static partial void LogApplyFailed(ILogger logger, Exception error, string processor, long floor, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Processor} dead-lettered event {SeqId} ({Type}) and moved on")]
    private static partial void LogDeadLettered(ILogger logger, Exception error, string processor, long seqId, string type);

    [LoggerMessage(Level = LogLevel.Error, Message = "Rebuild of {Processor} failed; it stays failed until rebuilt again")]
    private static partial void LogRebuildFailed(ILogger logger, Exception error, string processor);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Processor}: floor {Floor} was moved by another leader; batch discarded")]
    private static partial void LogFloorMoved(ILogger logger, string processor, long floor);
}
