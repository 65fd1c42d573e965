using Energy.Domain.Alarms;
using Energy.Application.EventStore;
using Npgsql;

namespace Energy.Projections.Alarms;

/// <summary>
/// Seed 6.9 records: one row per <see cref="AlarmTriggered"/> (id = its sequence number), closed by
/// <see cref="AlarmCleared"/>, with the delivery state of its notification (ext <c>Notify_State</c>).
/// Rebuildable: every field comes from the events.
/// </summary>
public sealed class AlarmRecordProjection : IProjection
{
    public const string Table = "alarm_records";

    public string Name => "alarm_records";

    public IReadOnlyCollection<string>? EventTypes { get; } =
        [nameof(AlarmTriggered), nameof(AlarmCleared), nameof(NotificationDelivered), nameof(NotificationFailed)];

    public IReadOnlyList<string> Tables { get; } = [Table];

    public string TablesSql(string suffix) => $"""
        CREATE TABLE IF NOT EXISTS {Table}{suffix} (
            id              bigint PRIMARY KEY,
            rule_id         bigint NOT NULL,
            alarm_id        bigint NOT NULL,
            meter_id        bigint NOT NULL,
            type            int NOT NULL,
            level           int NOT NULL,
            notify          int NOT NULL,
            address         text NOT NULL,
            alarm_name      text NOT NULL,
            rule_name       text NOT NULL,
            meter_name      text NOT NULL,
            machine_name    text NOT NULL,
            parameter       text NOT NULL,
            value           numeric NOT NULL,
            at              timestamptz NOT NULL,
            content         text NOT NULL,
            event_name      text NOT NULL,
            cleared_at      timestamptz,
            notify_state    text NOT NULL,
            notify_attempts int NOT NULL DEFAULT 0,
            notify_error    text NOT NULL DEFAULT ''
        );
        CREATE INDEX IF NOT EXISTS {Table}{suffix}_at ON {Table}{suffix} (at);
        CREATE INDEX IF NOT EXISTS {Table}{suffix}_rule ON {Table}{suffix} (rule_id, at);
        """;

    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<EventEnvelope> events, CancellationToken ct)
    {
        var table = context.Table(Table);
        await using var batch = new NpgsqlBatch(context.Connection, context.Transaction);
        foreach (var e in events)
        {
            batch.BatchCommands.Add(e.Data switch
            {
                AlarmTriggered t => Command($"""
                    INSERT INTO {table} (id, rule_id, alarm_id, meter_id, type, level, notify, address, alarm_name, rule_name, meter_name,
                        machine_name, parameter, value, at, content, event_name, notify_state)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
                    ON CONFLICT (id) DO NOTHING
                    """, e.SeqId, t.RuleId, t.AlarmId, t.MeterId, (int)t.Type, (int)t.Level, (int)t.Notify, t.Address, t.AlarmName, t.RuleName,
                    t.MeterName, t.MachineName, t.Parameter, t.Value, t.At.UtcDateTime, t.Content, t.EventName ?? "",
                    t.Notify == NotifyChannel.Platform ? NotifyStates.NotRequired : NotifyStates.Pending),
                AlarmCleared c => Command(
                    $"UPDATE {table} SET cleared_at = $3 WHERE rule_id = $1 AND at = $2 AND type = 2 AND cleared_at IS NULL",
                    c.RuleId, c.TriggeredAt.UtcDateTime, c.At.UtcDateTime),
                NotificationDelivered d => Command(
                    $"UPDATE {table} SET notify_state = $2, notify_attempts = $3, notify_error = '' WHERE id = $1",
                    d.RecordId, NotifyStates.Delivered, d.Attempts),
                NotificationFailed f => Command(
                    $"UPDATE {table} SET notify_state = $2, notify_attempts = $3, notify_error = $4 WHERE id = $1 AND notify_state <> '{NotifyStates.Delivered}'",
                    f.RecordId, f.GivenUp ? NotifyStates.Failed : NotifyStates.Retrying, f.Attempts, f.Error),
                _ => throw new InvalidOperationException($"alarm_records does not handle {e.Type}"),
            });
        }

        await batch.ExecuteNonQueryAsync(ct);
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }
}

/// <summary>(ext) <c>Notify_State</c> values.</summary>
public static class NotifyStates
{
    /// <summary>Platform notifications (channel 1) are the record itself.</summary>
    public const string NotRequired = "not_required";
    public const string Pending = "pending";
    public const string Retrying = "retrying";
    public const string Delivered = "delivered";
    public const string Failed = "failed";
}
