using Dapper;
using Energy.Application.Common;

namespace Energy.Application.Alarms;

/// <summary>An alarm as 6.1 lists it.</summary>
public sealed record AlarmRow(long Id, string Name, int Level, int Type, int Notify, string Address);

/// <summary>A rule as 6.5 lists it.</summary>
public sealed record AlarmRuleRow(long Id, string Name, long AlarmId, long MeterId, string Parameter, decimal LowerLimit, decimal UpperLimit);

/// <summary>Seed 6.1 and 6.5, from the inline tables (a write is listed as soon as it is acknowledged).</summary>
public sealed class AlarmQueries(Npgsql.NpgsqlDataSource dataSource)
{
    public async Task<(IReadOnlyList<AlarmRow> Rows, long Total)> AlarmsAsync(Paging paging, CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var results = await conn.QueryMultipleAsync(new CommandDefinition("""
            SELECT id, name, level, type, notify, address FROM alarm_status WHERE deleted_at IS NULL ORDER BY id LIMIT @Limit OFFSET @Offset;
            SELECT count(*) FROM alarm_status WHERE deleted_at IS NULL;
            """, new { paging.Limit, paging.Offset }, cancellationToken: ct));
        var rows = (await results.ReadAsync<AlarmRow>()).AsList();
        return (rows, await results.ReadSingleAsync<long>());
    }

    /// <param name="alarmId">6.5 <c>Alarm_id</c>: only the rules of this alarm; null for all.</param>
    public async Task<(IReadOnlyList<AlarmRuleRow> Rows, long Total)> RulesAsync(long? alarmId, Paging paging, CancellationToken ct = default)
    {
        const string Where = "WHERE deleted_at IS NULL AND (@alarmId::bigint IS NULL OR alarm_id = @alarmId)";
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var results = await conn.QueryMultipleAsync(new CommandDefinition($"""
            SELECT id, name, alarm_id AS AlarmId, meter_id AS MeterId, parameter, lower_limit AS LowerLimit, upper_limit AS UpperLimit
            FROM alarm_status_rules {Where} ORDER BY id LIMIT @Limit OFFSET @Offset;
            SELECT count(*) FROM alarm_status_rules {Where};
            """, new { alarmId, paging.Limit, paging.Offset }, cancellationToken: ct));
        var rows = (await results.ReadAsync<AlarmRuleRow>()).AsList();
        return (rows, await results.ReadSingleAsync<long>());
    }
}
