using Dapper;
using Energy.Application.Oee;
using Energy.Domain.Oee;
using Npgsql;

namespace Energy.Projections.Oee;

public sealed class OeeTimelineReader(NpgsqlDataSource dataSource) : IOeeTimelineReader
{
    public async Task<OeeSpan> SpanAsync(long machineId, DateTimeOffset start, DateTimeOffset end, CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var args = new { machineId, start = start.UtcDateTime, end = end.UtcDateTime };
        await using var results = await conn.QueryMultipleAsync(new CommandDefinition($"""
            SELECT to_status FROM {OeeTimelineProjection.Timeline} WHERE machine_id = @machineId AND at <= @start ORDER BY at DESC LIMIT 1;
            SELECT from_status, to_status, at FROM {OeeTimelineProjection.Timeline}
            WHERE machine_id = @machineId AND at > @start AND at < @end ORDER BY at;
            """, args, cancellationToken: ct));
        var status = await results.ReadSingleOrDefaultAsync<string>() ?? OeeStatus.Unknown;
        var changes = (await results.ReadAsync<(string From, string To, DateTime At)>())
            .Select(r => new OeeChange(r.From, r.To, new DateTimeOffset(DateTime.SpecifyKind(r.At, DateTimeKind.Utc))))
            .ToList();
        return new OeeSpan(status, changes);
    }
}
