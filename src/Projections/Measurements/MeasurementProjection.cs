using System.Text;
using System.Text.Json;
using Energy.Domain.Readings;
using Energy.Application.EventStore;
using Npgsql;
using NpgsqlTypes;

namespace Energy.Projections.Measurements;

/// <summary>
/// Every instantaneous parameter a device reports (UA, IA, P, PF, … — CONTRACT §5 mapping), one row per
/// reading, with per-hour sums and counts for interval averages (3.3), and the set of parameters each device
/// has reported (2.3 <c>Meter_Parameter</c>). A reading re-sent for the same instant replaces the parameters
/// it carries and keeps the others.
/// </summary>
/// <remarks>
/// A new name: this replaced <c>measurements</c> (one row per parameter per reading, in other tables), and a
/// new name is how the daemon learns to replay the whole log into the new tables (<see cref="IEventProcessor.Name"/>).
/// </remarks>
public sealed class MeasurementProjection : IProjection
{
    public const string ProjectionName = "measurements_by_reading";

    public string Name => ProjectionName;

    public IReadOnlyCollection<string>? EventTypes { get; } = [nameof(MeterReadingReceived)];

    public IReadOnlyList<string> Tables { get; } = [MeasurementTables.Readings, MeasurementTables.Hours, MeasurementTables.Parameters];

    public string TablesSql(string suffix) => MeasurementTables.Sql(suffix);

    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<EventEnvelope> events, CancellationToken ct)
    {
        var readings = Merge(events);
        if (readings.Length == 0)
        {
            return;
        }

        var pairs = readings.SelectMany(r => r.Values.Keys.Select(p => (r.Device, Parameter: p))).Distinct().ToArray();
        var hours = readings.Select(r => (r.Device, Hour: r.At.AddTicks(-(r.At.Ticks % TimeSpan.TicksPerHour)))).Distinct().ToArray();
        var (table, hourTable, parameters) = (context.Table(MeasurementTables.Readings), context.Table(MeasurementTables.Hours), context.Table(MeasurementTables.Parameters));

        await using var batch = new NpgsqlBatch(context.Connection, context.Transaction);
        batch.BatchCommands.Add(Command($"""
            INSERT INTO {table} (device, at, "values")
            SELECT d, a, v::jsonb FROM unnest($1::text[], $2::timestamptz[], $3::text[]) AS u(d, a, v)
            ON CONFLICT (device, at) DO UPDATE SET "values" = {table}."values" || excluded."values"
            """,
            Texts(readings.Select(r => r.Device)), Times(readings.Select(r => r.At)), Texts(readings.Select(r => Json(r.Values)))));
        batch.BatchCommands.Add(Command($"""
            INSERT INTO {parameters} (device, parameter) SELECT * FROM unnest($1::text[], $2::text[])
            ON CONFLICT DO NOTHING
            """,
            Texts(pairs.Select(p => p.Device)), Texts(pairs.Select(p => p.Parameter))));

        // Hours touched by this page are summed again from their readings (as they stand after the upsert
        // above): a replaced sample is never counted twice.
        batch.BatchCommands.Add(Command($"""
            INSERT INTO {hourTable} (device, hour, totals)
            SELECT device, hour, jsonb_object_agg(parameter, jsonb_build_array(total, samples))
            FROM (SELECT t.device, t.hour, e.key AS parameter, sum(e.value::numeric) AS total, count(*) AS samples
                  FROM unnest($1::text[], $2::timestamptz[]) AS t(device, hour)
                  JOIN {table} s ON s.device = t.device AND s.at >= t.hour AND s.at < t.hour + interval '1 hour'
                  CROSS JOIN LATERAL jsonb_each(s."values") AS e
                  GROUP BY t.device, t.hour, e.key) AS p
            GROUP BY device, hour
            ON CONFLICT (device, hour) DO UPDATE SET totals = excluded.totals
            """,
            Texts(hours.Select(h => h.Device)), Times(hours.Select(h => h.Hour))));
        await batch.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// One entry per (device, instant) of the page, its parameters merged in sequence order (the later event
    /// wins per parameter). Instants are compared at PostgreSQL's microsecond precision, so one statement never
    /// meets the same row twice; readings without parameters write nothing.
    /// </summary>
    private static Reading[] Merge(IReadOnlyList<EventEnvelope> events)
    {
        var merged = new Dictionary<(string Device, DateTime At), Dictionary<string, decimal>>();
        foreach (var (reading, _) in events.Select(e => ((MeterReadingReceived)e.Data, e.SeqId)).OrderBy(r => r.SeqId))
        {
            if (reading.Parameters.Count == 0)
            {
                continue;
            }

            var utc = reading.ReadAt.UtcDateTime;
            var key = (reading.Device, utc.AddTicks(-(utc.Ticks % 10)));
            if (!merged.TryGetValue(key, out var values))
            {
                merged[key] = values = new Dictionary<string, decimal>(StringComparer.Ordinal);
            }

            foreach (var (parameter, value) in reading.Parameters)
            {
                values[parameter] = value;
            }
        }

        return merged.Select(m => new Reading(m.Key.Device, m.Key.At, m.Value)).ToArray();
    }

    /// <summary>The parameters as a JSON object; a decimal is written with all its digits (jsonb keeps them as numeric).</summary>
    private static string Json(Dictionary<string, decimal> values)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (parameter, value) in values)
            {
                writer.WriteNumber(parameter, value);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static NpgsqlBatchCommand Command(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }

    private static NpgsqlParameter Texts(IEnumerable<string> values) => new() { Value = values.ToArray() };

    private static NpgsqlParameter Times(IEnumerable<DateTime> values) =>
        new() { Value = values.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz };

    private sealed record Reading(string Device, DateTime At, Dictionary<string, decimal> Values);
}
