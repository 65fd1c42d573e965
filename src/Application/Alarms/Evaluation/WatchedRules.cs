using Energy.Domain.Alarms;
using Energy.Application.EventStore;
using Npgsql;
using NpgsqlTypes;

namespace Energy.Application.Alarms.Evaluation;

/// <summary>A live rule of a live alarm, with everything a record needs to say about it.</summary>
public sealed record WatchedRule(
    long RuleId, string RuleName, long MeterId, string Parameter, decimal LowerLimit, decimal UpperLimit,
    long AlarmId, string AlarmName, AlarmLevel Level, AlarmType Type, NotifyChannel Notify, string Address, string MeterName, string MachineName)
{
    public bool Inside(decimal value) => LowerLimit <= value && value <= UpperLimit;
}

/// <summary>
/// Which rules watch a device's reading (docs/ATTRIBUTION.md): the reading belongs to the meter
/// <c>reading_meter(device, at)</c> names — the one attribution rule, so a reading from before the meter's first
/// binding is judged like the energy figures count it — and is judged by the version of each rule of the given
/// type in force at the reading's own instant (<c>alarm_rule_versions</c>: a rule's first version reaches back,
/// a change applies from its instant), if that version is live and on this meter. Read in the daemon's
/// transaction from the inline tables, so a rule counts from the moment it is acknowledged.
/// </summary>
internal static class WatchedRules
{
    /// <returns>For each input index, the rules that watch it.</returns>
    public static async Task<ILookup<int, WatchedRule>> ForAsync(
        ProjectionContext context, IReadOnlyList<(string Device, DateTimeOffset At)> readings, AlarmType type, CancellationToken ct)
    {
        if (readings.Count == 0)
        {
            return Array.Empty<(int, WatchedRule)>().ToLookup(x => x.Item1, x => x.Item2);
        }

        await using var cmd = new NpgsqlCommand("""
            SELECT u.n::int - 1, r.rule_id, r.name, r.meter_id, r.parameter, r.lower_limit, r.upper_limit,
                   a.id, a.name, a.level, a.type, a.notify, a.address, m.name, coalesce(s.name, '')
            FROM unnest($1::text[], $2::timestamptz[]) WITH ORDINALITY AS u(device, at, n)
            CROSS JOIN LATERAL reading_meter(u.device, u.at) b
            CROSS JOIN LATERAL (
                SELECT DISTINCT ON (v.rule_id) v.*
                FROM alarm_rule_versions v
                WHERE v.rule_id IN (SELECT c.rule_id FROM alarm_rule_versions c WHERE c.meter_id = b.meter_id) AND v.effective_from <= u.at
                ORDER BY v.rule_id, v.effective_from DESC, v.seq_id DESC) r
            JOIN alarm_status a ON a.id = r.alarm_id AND a.deleted_at IS NULL AND a.type = $3
            JOIN meters m ON m.id = r.meter_id
            LEFT JOIN machines s ON s.id = m.machine_id
            WHERE r.live AND r.meter_id = b.meter_id
            ORDER BY 1, r.rule_id
            """, context.Connection, context.Transaction);
        cmd.Parameters.Add(new() { Value = readings.Select(r => r.Device).ToArray() });
        cmd.Parameters.Add(new() { Value = readings.Select(r => r.At.UtcDateTime).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        cmd.Parameters.Add(new() { Value = (int)type });
        var found = new List<(int, WatchedRule)>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            found.Add((reader.GetInt32(0), new WatchedRule(
                reader.GetInt64(1), reader.GetString(2), reader.GetInt64(3), reader.GetString(4), reader.GetDecimal(5), reader.GetDecimal(6),
                reader.GetInt64(7), reader.GetString(8), (AlarmLevel)reader.GetInt32(9), (AlarmType)reader.GetInt32(10),
                (NotifyChannel)reader.GetInt32(11), reader.GetString(12), reader.GetString(13), reader.GetString(14))));
        }

        return found.ToLookup(f => f.Item1, f => f.Item2);
    }
}
