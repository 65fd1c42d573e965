using Dapper;
using Energy.Application.Alarms;
using Energy.Application.Common;
using Npgsql;

namespace Energy.Projections.Alarms;

/// <summary>6.9 and 6.10 over the alarm projections' tables.</summary>
public sealed class AlarmRecordReader(NpgsqlDataSource dataSource) : IAlarmRecordReader, IAlarmCountReader
{
    private const string Where = """
        WHERE at >= @From AND at < @To
          AND (@MeterName::text IS NULL OR meter_name = @MeterName) AND (@MachineName::text IS NULL OR machine_name = @MachineName)
          AND (@Type::int IS NULL OR type = @Type) AND (@Level::int IS NULL OR level = @Level)
          AND (@RuleName::text IS NULL OR rule_name = @RuleName)
        """;

    public async Task<(IReadOnlyList<AlarmRecordRow> Rows, long Total)> ListAsync(AlarmRecordFilter filter, Paging paging, CancellationToken ct = default)
    {
        var args = new
        {
            From = filter.From.UtcDateTime, To = filter.To.UtcDateTime, filter.MeterName, filter.MachineName, filter.Type, filter.Level,
            filter.RuleName, paging.Limit, paging.Offset,
        };
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var results = await conn.QueryMultipleAsync(new CommandDefinition($"""
            SELECT id, rule_id AS RuleId, alarm_id AS AlarmId, meter_id AS MeterId, alarm_name AS AlarmName, rule_name AS RuleName,
                   meter_name AS MeterName, machine_name AS MachineName, type, level, notify, address, content, at, parameter, value,
                   event_name AS EventName, cleared_at AS ClearedAt, notify_state AS NotifyState, notify_attempts AS NotifyAttempts,
                   notify_error AS NotifyError
            FROM {AlarmRecordProjection.Table} {Where} ORDER BY at DESC, id DESC LIMIT @Limit OFFSET @Offset;
            SELECT count(*) FROM {AlarmRecordProjection.Table} {Where};
            """, args, cancellationToken: ct));
        var rows = (await results.ReadAsync<Row>()).Select(r => r.ToRecord()).ToList();
        return (rows, await results.ReadSingleAsync<long>());
    }

    public async Task<IReadOnlyDictionary<(int Interval, int Key), long>> CountAsync(
        IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)> intervals, AlarmStatisticMethod method, CancellationToken ct = default)
    {
        var key = method switch
        {
            AlarmStatisticMethod.Level => "c.level",
            AlarmStatisticMethod.Type => "c.type",
            AlarmStatisticMethod.Notify => "c.notify",
            _ => "0",
        };
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<(long Interval, int Key, long Count)>(new CommandDefinition($"""
            SELECT i.n - 1, {key}, sum(c.count)::bigint
            FROM unnest(@From, @To) WITH ORDINALITY AS i(f, t, n)
            JOIN {AlarmCountProjection.Table} c ON c.minute >= i.f AND c.minute < i.t
            GROUP BY 1, 2
            """, new { From = intervals.Select(i => i.From.UtcDateTime).ToArray(), To = intervals.Select(i => i.To.UtcDateTime).ToArray() },
            cancellationToken: ct));
        return rows.ToDictionary(r => ((int)r.Interval, r.Key), r => r.Count);
    }

    private sealed record Row(
        long Id, long RuleId, long AlarmId, long MeterId, string AlarmName, string RuleName, string MeterName, string MachineName,
        int Type, int Level, int Notify, string Address, string Content, DateTime At, string Parameter, decimal Value,
        string EventName, DateTime? ClearedAt, string NotifyState, int NotifyAttempts, string NotifyError)
    {
        public AlarmRecordRow ToRecord() => new(
            Id, RuleId, AlarmId, MeterId, AlarmName, RuleName, MeterName, MachineName, Type, Level, Notify, Address, Content,
            new DateTimeOffset(DateTime.SpecifyKind(At, DateTimeKind.Utc)), Parameter, Value, EventName,
            ClearedAt is { } c ? new DateTimeOffset(DateTime.SpecifyKind(c, DateTimeKind.Utc)) : null, NotifyState, NotifyAttempts, NotifyError);
    }
}
