using Energy.Application.Common;
using Energy.Domain.Alarms;
using Energy.Domain.Energy;
using Energy.Domain.Readings;
using Energy.Application.EventStore;
using Npgsql;
using NpgsqlTypes;

namespace Energy.Application.Alarms.Evaluation;

/// <summary>
/// Type 1 (CONTRACT §8): the EP counter readings of meters that have hourly rules are kept here (the reactor
/// depends on no projection's progress), and every hour that a batch completes is judged
/// (<see cref="HourlyJudge"/>). An hour outside a rule's limits raises one alarm, once: <c>alarm_hours_raised</c>
/// is keyed by (rule, hour). A late reading can still raise an hour that looked fine before; it never repeats one.
/// </summary>
public sealed class HourlyAlarmReactor(PlantTime plantTime) : IReactor
{
    public string Name => "alarm_hours";

    public IReadOnlyCollection<string>? EventTypes { get; } = [nameof(MeterReadingReceived)];

    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<EventEnvelope> events, CancellationToken ct)
    {
        var readings = events.Select(e => (MeterReadingReceived)e.Data).Where(r => r.Parameters.ContainsKey(ReadingParameters.Energy)).ToList();
        var watched = await WatchedRules.ForAsync(context, readings.Select(r => (r.Device, r.ReadAt)).ToList(), AlarmType.HourlyConsumption, ct);
        var counters = readings.SelectMany((r, i) => watched[i].Select(rule => (rule.MeterId, Reading: new CounterReading(r.ReadAt, r.Parameters[ReadingParameters.Energy]))))
            .GroupBy(c => (c.MeterId, c.Reading.At)).Select(g => g.Last()).ToList();
        if (counters.Count == 0)
        {
            return;
        }

        await SaveAsync(context, counters, ct);
        var appends = new AlarmAppends();
        foreach (var meter in counters.GroupBy(c => c.MeterId))
        {
            var rules = watched.SelectMany(w => w).Where(r => r.MeterId == meter.Key).DistinctBy(r => r.RuleId).ToList();
            var (from, history) = await LoadAsync(context, meter.Key, meter.Min(c => c.Reading.At), ct);
            foreach (var (hour, consumption) in HourlyJudge.CompleteHours(history, from))
            {
                foreach (var rule in rules.Where(r => !r.Inside(consumption)))
                {
                    if (await RaisedAsync(context, rule.RuleId, hour, ct))
                    {
                        var content = $"规则「{rule.RuleName}」: 仪表 {rule.MeterName} 在 {plantTime.Format(hour)} 起一小时的能耗 {AlarmAppends.Number(consumption)}，" +
                            $"超出范围 [{AlarmAppends.Number(rule.LowerLimit)}, {AlarmAppends.Number(rule.UpperLimit)}]";
                        appends.Add(rule.RuleId, AlarmAppends.Triggered(rule, ReadingParameters.Energy, consumption, hour, content), AlarmAppends.Key("hour", rule.RuleId, hour));
                    }
                }
            }
        }

        await appends.AppendAsync(context, Name, ct);
    }

    private static async Task<bool> RaisedAsync(ProjectionContext context, long ruleId, DateTimeOffset hour, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("INSERT INTO alarm_hours_raised (rule_id, hour) VALUES ($1, $2) ON CONFLICT DO NOTHING", context.Connection, context.Transaction);
        cmd.Parameters.Add(new() { Value = ruleId });
        cmd.Parameters.Add(new() { Value = hour.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        return await cmd.ExecuteNonQueryAsync(ct) == 1;
    }

    private static async Task SaveAsync(ProjectionContext context, List<(long MeterId, CounterReading Reading)> counters, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO alarm_meter_counters (meter_id, at, value)
            SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::numeric[])
            ON CONFLICT (meter_id, at) DO UPDATE SET value = excluded.value
            """, context.Connection, context.Transaction);
        cmd.Parameters.Add(new() { Value = counters.Select(c => c.MeterId).ToArray() });
        cmd.Parameters.Add(new() { Value = counters.Select(c => c.Reading.At.UtcDateTime).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        cmd.Parameters.Add(new() { Value = counters.Select(c => c.Reading.Value).ToArray() });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// The hours the new readings can complete start at the hour of the reading before the earliest new one;
    /// the curve needs the readings from the last one at or before that hour's start on.
    /// </summary>
    private static async Task<(DateTimeOffset From, IReadOnlyList<CounterReading> History)> LoadAsync(ProjectionContext context, long meterId, DateTimeOffset earliest, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            WITH p AS (SELECT date_trunc('hour', coalesce((SELECT max(at) FROM alarm_meter_counters WHERE meter_id = $1 AND at < $2), $2), 'UTC') AS hour),
                 b AS (SELECT coalesce((SELECT max(at) FROM alarm_meter_counters, p WHERE meter_id = $1 AND at <= p.hour), p.hour) AS base, p.hour FROM p)
            SELECT b.hour, c.at, c.value FROM b JOIN alarm_meter_counters c ON c.meter_id = $1 AND c.at >= b.base ORDER BY c.at
            """, context.Connection, context.Transaction);
        cmd.Parameters.Add(new() { Value = meterId });
        cmd.Parameters.Add(new() { Value = earliest.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        var history = new List<CounterReading>();
        DateTimeOffset from = earliest;
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            from = ParameterAlarmReactor.Utc(reader.GetDateTime(0));
            history.Add(new CounterReading(ParameterAlarmReactor.Utc(reader.GetDateTime(1)), reader.GetDecimal(2)));
        }

        return (from, history);
    }
}
