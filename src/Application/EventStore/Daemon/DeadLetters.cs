using Microsoft.Extensions.Logging;
using Npgsql;

namespace Energy.Application.EventStore;

/// <summary>
/// Events a processor could not apply, one row each, written in the page's transaction: the processor moves
/// past them and an operator sees them (per processor in <c>GET /api_3/ops/projections</c>) until a rebuild.
/// </summary>
internal sealed partial class DeadLetters(ILogger<DeadLetters> logger)
{
    public async Task RecordAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string processor, EventEnvelope poisoned, Exception error, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO dead_letters (projection, seq_id, event_type, error) VALUES ($1, $2, $3, $4)
            ON CONFLICT ON CONSTRAINT dead_letters_once DO NOTHING
            """, connection, transaction);
        cmd.Parameters.Add(new() { Value = processor });
        cmd.Parameters.Add(new() { Value = poisoned.SeqId });
        cmd.Parameters.Add(new() { Value = poisoned.Type });
        cmd.Parameters.Add(new() { Value = error.GetType().Name + ": " + error.Message });
        await cmd.ExecuteNonQueryAsync(ct);
        LogDeadLettered(logger, error, processor, poisoned.SeqId, poisoned.Type);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Processor} dead-lettered event {SeqId} ({Type}) and moved on")]
    private static partial void LogDeadLettered(ILogger logger, Exception error, string processor, long seqId, string type);
}
