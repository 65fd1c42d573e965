using Energy.Application.Common;
using Energy.Application.Meters;
using Energy.Domain.Alarms;
using Npgsql;

namespace Energy.Application.Alarms;

/// <summary>
/// Seed 6.6–6.8: rules (<c>alarm_status_rules</c>), one stream <c>alarm-rule-&lt;id&gt;</c> each. The alarm's
/// type decides what the rule needs (type 2: <c>Meter_Parameter</c>); the meter must exist (4004), checked in
/// the appending transaction with the meter's row held so it cannot be deleted meanwhile.
/// </summary>
public sealed class AlarmRuleHandler(StreamCommands commands, Ids ids, TimeProvider clock)
{
    public const string NameKind = "alarm_rule";

    public async Task<long> DefineAsync(AlarmRuleDetails details, Actor actor, CancellationToken ct = default)
    {
        details = AlarmInput.Checked(details);
        var type = await AlarmTypeAsync(details.AlarmId, ct);

        // Refusals the request alone decides come before an id is taken.
        await CatalogErrors.Translate(() => Task.FromResult(AlarmRuleDecider.Decide(new DefineAlarmRule(0, details, type), AlarmRule.None)));
        var id = await ids.NextAsync(NameKind, ct);
        await Handle(id, new DefineAlarmRule(id, details, type), actor, (conn, tx, _) => AlongsideAsync(conn, tx, id, details, ct), ct);
        return id;
    }

    public async Task ChangeAsync(long id, AlarmRuleDetails details, Actor actor, CancellationToken ct = default)
    {
        details = AlarmInput.Checked(details);
        var type = await AlarmTypeAsync(details.AlarmId, ct);
        await Handle(id, new ChangeAlarmRule(id, details, type), actor, (conn, tx, _) => AlongsideAsync(conn, tx, id, details, ct), ct);
    }

    public Task DeleteAsync(long id, Actor actor, CancellationToken ct = default) =>
        Handle(id, new DeleteAlarmRule(id, clock.GetUtcNow()), actor, (conn, tx, _) => UniqueNames.ReleaseAsync(conn, tx, NameKind, id, null, ct), ct);

    private static async Task AlongsideAsync(NpgsqlConnection conn, NpgsqlTransaction tx, long id, AlarmRuleDetails details, CancellationToken ct)
    {
        await using (var meter = new NpgsqlCommand("SELECT 1 FROM meters WHERE id = $1 AND deleted_at IS NULL FOR SHARE", conn, tx))
        {
            meter.Parameters.Add(new() { Value = details.MeterId });
            if (await meter.ExecuteScalarAsync(ct) is null)
            {
                throw ContractError.DataError($"meter {details.MeterId} (Meter_id) does not exist; a rule must watch an existing meter");
            }
        }

        await using (var alarm = new NpgsqlCommand("SELECT 1 FROM alarm_status WHERE id = $1 AND deleted_at IS NULL FOR SHARE", conn, tx))
        {
            alarm.Parameters.Add(new() { Value = details.AlarmId });
            if (await alarm.ExecuteScalarAsync(ct) is null)
            {
                throw ContractError.DataError($"alarm {details.AlarmId} (Alarm_id) does not exist; a rule must name an existing alarm");
            }
        }

        await UniqueNames.ReserveAsync(conn, tx, NameKind, "rule", details.Name, id, ct);
        await UniqueNames.ReleaseAsync(conn, tx, NameKind, id, details.Name, ct);
    }

    /// <summary>The named alarm's type, or null when there is no such live alarm (the decider refuses with 4004).</summary>
    private async Task<AlarmType?> AlarmTypeAsync(long alarmId, CancellationToken ct)
    {
        var alarm = (await commands.Store.AggregateStreamAsync(Alarm.StreamId(alarmId), Alarm.None, Alarm.Evolve, ct: ct)).State;
        return alarm.IsLive ? alarm.Details.Type : null;
    }

    private Task<AlarmRule> Handle(long id, AlarmRuleCommand command, Actor actor, Func<NpgsqlConnection, NpgsqlTransaction, IReadOnlyList<object>, Task> alongside, CancellationToken ct) =>
        CatalogErrors.Translate(() => commands.HandleAsync(
            AlarmRule.StreamId(id), AlarmRule.None, AlarmRule.Evolve, state => AlarmRuleDecider.Decide(command, state), actor, alongside, ct));
}
