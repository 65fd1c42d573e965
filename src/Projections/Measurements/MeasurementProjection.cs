using Energy.Domain.Readings;
using Energy.EventStore;
using Npgsql;
using NpgsqlTypes;

namespace Energy.Projections.Measurements;

/// <summary>
/// Samples of every instantaneous parameter a device reports (UA, IA, P, PF, … — CONTRACT §5 mapping), with
/// hourly sums and counts for interval averages (3.3), and the set of parameters each device has reported
/// (2.3 <c>Meter_Parameter</c>). A sample re-sent for the same instant replaces the earlier value.
/// </summary>
public sealed class MeasurementProjection : IProjection
{
    public string Name => "measurements";

    public IReadOnlyCollection<string>? EventTypes { get; } = [nameof(MeterReadingReceived)];

    public IReadOnlyList<string> Tables { get; } = [MeasurementTables.Samples, MeasurementTables.Hours, MeasurementTables.Parameters];

    public string TablesSql(string suffix) => MeasurementTables.Sql(suffix);

    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<EventEnvelope> events, CancellationToken ct)
    {
        var samples = events
            .Select(e => (Reading: (MeterReadingReceived)e.Data, e.SeqId))
            .SelectMany(r => r.Reading.Parameters.Select(p => (r.Reading.Device, Parameter: p.Key, r.Reading.ReadAt, p.Value, r.SeqId)))
            .GroupBy(s => (s.Device, s.Parameter, s.ReadAt))
            .Select(g => g.MaxBy(s => s.SeqId))
            .ToArray();
        if (samples.Length == 0)
        {
            return;
        }

        var (table, hours, parameters) = (context.Table(MeasurementTables.Samples), context.Table(MeasurementTables.Hours), context.Table(MeasurementTables.Parameters));
        await using var batch = new NpgsqlBatch(context.Connection, context.Transaction);
        batch.BatchCommands.Add(With(samples, $"""
            INSERT INTO {table} (device, parameter, at, value)
            SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::numeric[])
            ON CONFLICT (device, parameter, at) DO UPDATE SET value = excluded.value
            """));
        batch.BatchCommands.Add(With(samples, $"""
            INSERT INTO {parameters} (device, parameter)
            SELECT DISTINCT d, p FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::numeric[]) AS u(d, p, a, v)
            ON CONFLICT DO NOTHING
            """));

        // Hours touched by this page are summed again from their samples: a replaced sample is never counted twice.
        batch.BatchCommands.Add(With(samples, $"""
            WITH touched AS (
                SELECT DISTINCT d AS device, p AS parameter, date_trunc('hour', a, 'UTC') AS hour
                FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::numeric[]) AS u(d, p, a, v))
            INSERT INTO {hours} (device, parameter, hour, total, samples)
            SELECT t.device, t.parameter, t.hour, sum(s.value), count(*)
            FROM touched t JOIN {table} s ON s.device = t.device AND s.parameter = t.parameter AND s.at >= t.hour AND s.at < t.hour + interval '1 hour'
            GROUP BY t.device, t.parameter, t.hour
            ON CONFLICT (device, parameter, hour) DO UPDATE SET total = excluded.total, samples = excluded.samples
            """));
        await batch.ExecuteNonQueryAsync(ct);
    }

    private static NpgsqlBatchCommand With((string Device, string Parameter, DateTimeOffset ReadAt, decimal Value, long SeqId)[] samples, string sql)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(new() { Value = samples.Select(s => s.Device).ToArray() });
        command.Parameters.Add(new() { Value = samples.Select(s => s.Parameter).ToArray() });
        command.Parameters.Add(new() { Value = samples.Select(s => s.ReadAt.UtcDateTime).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = samples.Select(s => s.Value).ToArray() });
        return command;
    }
}
