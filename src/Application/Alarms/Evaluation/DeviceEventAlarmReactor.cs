using System.Globalization;
using Energy.Domain.Alarms;
using Energy.Domain.Readings;
using Energy.Application.EventStore;
using Npgsql;

namespace Energy.Application.Alarms.Evaluation;

/// <summary>
/// Type 3 (ext, CONTRACT §5/§8): every device event (附2 code in <c>sjzt</c>) of a device raises one alarm for
/// each live type-3 rule on the meter the device was bound to at the event's time whose limits contain the
/// code (0–9999 takes them all; 1010–1014 only the temperature events). The record is named after the 附2
/// event (A相过压, 剩余电流 …). Each (source event, rule) raises once: <c>alarm_device_events_raised</c>.
/// </summary>
public sealed class DeviceEventAlarmReactor : IReactor
{
    public string Name => "alarm_device_events";

    public IReadOnlyCollection<string>? EventTypes { get; } = [nameof(DeviceEventReported)];

    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<EventEnvelope> events, CancellationToken ct)
    {
        var reported = events.Select(e => (e.Id, Event: (DeviceEventReported)e.Data)).ToList();
        var watched = await WatchedRules.ForAsync(context, reported.Select(r => (r.Event.Device, r.Event.OccurredAt)).ToList(), AlarmType.DeviceEvent, ct);
        var appends = new AlarmAppends();
        for (var i = 0; i < reported.Count; i++)
        {
            var (sourceId, e) = reported[i];
            var code = decimal.TryParse(e.Code, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : -1;
            foreach (var rule in watched[i].Where(r => r.Inside(code)))
            {
                await using var cmd = new NpgsqlCommand(
                    "INSERT INTO alarm_device_events_raised (event_id, rule_id) VALUES ($1, $2) ON CONFLICT DO NOTHING", context.Connection, context.Transaction);
                cmd.Parameters.Add(new() { Value = sourceId });
                cmd.Parameters.Add(new() { Value = rule.RuleId });
                if (await cmd.ExecuteNonQueryAsync(ct) == 1)
                {
                    var content = $"规则「{rule.RuleName}」: 仪表 {rule.MeterName} 的设备 {e.Device} 报告事件 {e.Code} {e.Name}";
                    appends.Add(rule.RuleId, AlarmAppends.Triggered(rule, e.Code, code, e.OccurredAt, content, e.Name), AlarmAppends.Key("device", sourceId, rule.RuleId));
                }
            }
        }

        await appends.AppendAsync(context, Name, ct);
    }
}
