using Energy.Domain.Alarms;
using Energy.Application.EventStore;
using Npgsql;
using NpgsqlTypes;

namespace Energy.Projections.Alarms;

/// <summary>
/// Seed 6.10's read model: how many alarms were raised per minute × level × type × channel. A query sums
/// the minutes of each reporting interval (periods may start at any minute: Day_Start "07:30:00"), so it
/// reads at most the minutes that had alarms, never the alarms themselves.
/// </summary>
public sealed class AlarmCountProjection : IProjection
{
    public const string Table = "alarm_counts";

    public string Name => "alarm_counts";

    public IReadOnlyCollection<string>? EventTypes { get; } = [nameof(AlarmTriggered)];

    public IReadOnlyList<string> Tables { get; } = [Table];

    public string TablesSql(string suffix) => $"""
        CREATE TABLE IF NOT EXISTS {Table}{suffix} (
            minute  timestamptz NOT NULL,
            level   int NOT NULL,
            type    int NOT NULL,
            notify  int NOT NULL,
            count   bigint NOT NULL,
            PRIMARY KEY (minute, level, type, notify)
        );
        """;

    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<EventEnvelope> events, CancellationToken ct)
    {
        var counts = events.Select(e => (AlarmTriggered)e.Data)
            .GroupBy(t => (Minute: Minute(t.At), Level: (int)t.Level, Type: (int)t.Type, Notify: (int)t.Notify))
            .Select(g => (g.Key, Count: (long)g.Count()))
            .ToArray();
        if (counts.Length == 0)
        {
            return;
        }

        var table = context.Table(Table);
        await using var cmd = new NpgsqlCommand($"""
            INSERT INTO {table} (minute, level, type, notify, count)
            SELECT * FROM unnest($1::timestamptz[], $2::int[], $3::int[], $4::int[], $5::bigint[])
            ON CONFLICT (minute, level, type, notify) DO UPDATE SET count = {table}.count + excluded.count
            """, context.Connection, context.Transaction);
        cmd.Parameters.Add(new() { Value = counts.Select(c => c.Key.Minute).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        cmd.Parameters.Add(new() { Value = counts.Select(c => c.Key.Level).ToArray() });
        cmd.Parameters.Add(new() { Value = counts.Select(c => c.Key.Type).ToArray() });
        cmd.Parameters.Add(new() { Value = counts.Select(c => c.Key.Notify).ToArray() });
        cmd.Parameters.Add(new() { Value = counts.Select(c => c.Count).ToArray() });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static DateTime Minute(DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        return new DateTime(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, 0, DateTimeKind.Utc);
    }
}
