using Energy.Domain.Alarms;
using Energy.Application.EventStore;
using Npgsql;
using NpgsqlTypes;

namespace Energy.Application.Alarms.Notifications;

/// <summary>
/// Puts each raised alarm whose channel needs delivery (SMS, email, WeChat) into <c>alarm_outbox</c>, keyed by
/// the record id, in the daemon's transaction: exactly one outbox row per record, whatever restarts happen.
/// </summary>
public sealed class NotificationOutboxReactor : IReactor
{
    public string Name => "alarm_outbox";

    public IReadOnlyCollection<string>? EventTypes { get; } = [nameof(AlarmTriggered)];

    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<EventEnvelope> events, CancellationToken ct)
    {
        var due = events.Select(e => (e.SeqId, Alarm: (AlarmTriggered)e.Data)).Where(e => e.Alarm.Notify != NotifyChannel.Platform).ToList();
        if (due.Count == 0)
        {
            return;
        }

        await using var cmd = new NpgsqlCommand("""
            INSERT INTO alarm_outbox (record_id, channel, address, subject, body)
            SELECT * FROM unnest($1::bigint[], $2::int[], $3::text[], $4::text[], $5::text[])
            ON CONFLICT (record_id) DO NOTHING
            """, context.Connection, context.Transaction);
        cmd.Parameters.Add(new() { Value = due.Select(d => d.SeqId).ToArray() });
        cmd.Parameters.Add(new() { Value = due.Select(d => (int)d.Alarm.Notify).ToArray() });
        cmd.Parameters.Add(new() { Value = due.Select(d => d.Alarm.Address).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        cmd.Parameters.Add(new() { Value = due.Select(d => $"[{LevelName(d.Alarm.Level)}] {d.Alarm.AlarmName}").ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        cmd.Parameters.Add(new() { Value = due.Select(d => d.Alarm.Content).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static string LevelName(AlarmLevel level) => level switch
    {
        AlarmLevel.Severe => "严重",
        AlarmLevel.Warning => "警告",
        _ => "一般",
    };
}
