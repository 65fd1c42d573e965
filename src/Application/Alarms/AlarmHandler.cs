using Energy.Application.Common;
using Energy.Application.Meters;
using Energy.Domain.Alarms;
using Npgsql;

namespace Energy.Application.Alarms;

/// <summary>Seed 6.2–6.4: alarms (<c>alarm_status</c>), one stream <c>alarm-&lt;id&gt;</c> each; names unique (4003).</summary>
public sealed class AlarmHandler(StreamCommands commands, Ids ids, TimeProvider clock)
{
    public const string NameKind = "alarm";

    public async Task<long> DefineAsync(AlarmDetails details, Actor actor, CancellationToken ct = default)
    {
        details = AlarmInput.Checked(details);
        var id = await ids.NextAsync(NameKind, ct);
        await Handle(id, new DefineAlarm(id, details), actor, (conn, tx, _) =>
            UniqueNames.ReserveAsync(conn, tx, NameKind, "alarm", details.Name, id, ct), ct);
        return id;
    }

    public async Task ChangeAsync(long id, AlarmDetails details, Actor actor, CancellationToken ct = default)
    {
        details = AlarmInput.Checked(details);
        await Handle(id, new ChangeAlarm(id, details), actor, async (conn, tx, _) =>
        {
            await UniqueNames.ReserveAsync(conn, tx, NameKind, "alarm", details.Name, id, ct);
            await UniqueNames.ReleaseAsync(conn, tx, NameKind, id, details.Name, ct);
        }, ct);
    }

    /// <summary>Refused (4004) while rules still name the alarm: records of their alarms would lose their alarm.</summary>
    public Task DeleteAsync(long id, Actor actor, CancellationToken ct = default) =>
        CatalogErrors.Translate(async () =>
        {
            var folded = await commands.Store.AggregateStreamAsync(Alarm.StreamId(id), Alarm.None, Alarm.Evolve, ct: ct);
            var events = AlarmDecider.Decide(new DeleteAlarm(id, clock.GetUtcNow(), 0), folded.State);
            await commands.AppendAsync(Alarm.StreamId(id), EventStore.ExpectedVersion.Exactly(folded.Version), events, actor, async (conn, tx, _) =>
            {
                // Rule writes hold the alarm's row FOR SHARE: a rule created meanwhile is counted here.
                await using (var lockRow = new NpgsqlCommand("SELECT 1 FROM alarm_status WHERE id = $1 FOR UPDATE", conn, tx))
                {
                    lockRow.Parameters.Add(new() { Value = id });
                    await lockRow.ExecuteNonQueryAsync(ct);
                }

                await using var count = new NpgsqlCommand("SELECT count(*)::int FROM alarm_status_rules WHERE alarm_id = $1 AND deleted_at IS NULL", conn, tx);
                count.Parameters.Add(new() { Value = id });
                var rules = (int)(await count.ExecuteScalarAsync(ct))!;
                AlarmDecider.Decide(new DeleteAlarm(id, clock.GetUtcNow(), rules), folded.State);
                await UniqueNames.ReleaseAsync(conn, tx, NameKind, id, null, ct);
            }, ct);
            return 0;
        });

    private Task<Alarm> Handle(long id, AlarmCommand command, Actor actor, Func<NpgsqlConnection, NpgsqlTransaction, IReadOnlyList<object>, Task> alongside, CancellationToken ct) =>
        CatalogErrors.Translate(() => commands.HandleAsync(
            Alarm.StreamId(id), Alarm.None, Alarm.Evolve, state => AlarmDecider.Decide(command, state), actor, alongside, ct));
}
