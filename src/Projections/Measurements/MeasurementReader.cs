using Energy.Application.Energy;
using Energy.Application.Measurements;
using Npgsql;
using NpgsqlTypes;

namespace Energy.Projections.Measurements;

/// <summary>
/// Reads samples for 3.3: a value at a point is the latest reading at or before it that carries the parameter
/// (of the device bound at that instant); an interval's average uses whole hours' sums and counts and the raw
/// readings for the partial hours.
/// </summary>
public sealed class MeasurementReader(NpgsqlDataSource dataSource) : IMeasurementReader
{
    public async Task<IReadOnlyDictionary<string, decimal?[]>> LatestAtAsync(IReadOnlyList<SourceSpan> devices, IReadOnlyList<string> parameters, IReadOnlyList<DateTimeOffset> points, CancellationToken ct = default)
    {
        var result = parameters.ToDictionary(p => p, _ => new decimal?[points.Count]);
        var rows = (from p in parameters
                    from i in Enumerable.Range(0, points.Count)
                    let span = devices.FirstOrDefault(d => d.From <= points[i] && points[i] < d.To)
                    where span.Source is not null
                    select (Parameter: p, Index: i, Device: span.Source, From: span.From, At: points[i])).ToArray();
        if (rows.Length == 0)
        {
            return result;
        }

        // The device's readings back from the point, to the first that carries the parameter.
        await using var cmd = dataSource.CreateCommand($"""
            SELECT q.parameter, q.i, (SELECT (s."values" -> q.parameter)::numeric FROM {MeasurementTables.Readings} s
                                      WHERE s.device = q.device AND s.at <= q.at AND s.at >= q.since AND s."values" ? q.parameter
                                      ORDER BY s.at DESC LIMIT 1)
            FROM unnest($1::text[], $2::int[], $3::text[], $4::timestamptz[], $5::timestamptz[]) AS q(parameter, i, device, since, at)
            """);
        cmd.Parameters.Add(new() { Value = rows.Select(r => r.Parameter).ToArray() });
        cmd.Parameters.Add(new() { Value = rows.Select(r => r.Index).ToArray() });
        cmd.Parameters.Add(new() { Value = rows.Select(r => r.Device).ToArray() });
        cmd.Parameters.Add(Times(rows.Select(r => r.From)));
        cmd.Parameters.Add(Times(rows.Select(r => r.At)));
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            result[reader.GetString(0)][reader.GetInt32(1)] = reader.IsDBNull(2) ? null : reader.GetDecimal(2);
        }

        return result;
    }

    public async Task<IReadOnlyDictionary<string, decimal?[]>> AveragesAsync(IReadOnlyList<SourceSpan> devices, IReadOnlyList<string> parameters, IReadOnlyList<TimeWindow> windows, CancellationToken ct = default)
    {
        var result = parameters.ToDictionary(p => p, _ => new decimal?[windows.Count]);
        var rows = (from p in parameters
                    from w in Enumerable.Range(0, windows.Count)
                    from d in devices
                    let start = d.From > windows[w].From ? d.From : windows[w].From
                    let end = d.To < windows[w].To ? d.To : windows[w].To
                    where start < end
                    select (Parameter: p, Index: w, Device: d.Source, From: start, To: end)).ToArray();
        if (rows.Length == 0)
        {
            return result;
        }

        // Whole hours from the rollup, the ragged ends from raw samples.
        await using var cmd = dataSource.CreateCommand($"""
            WITH q AS (
                SELECT *, date_trunc('hour', f + interval '1 hour' - interval '1 microsecond', 'UTC') AS hf, date_trunc('hour', t, 'UTC') AS ht
                FROM unnest($1::text[], $2::int[], $3::text[], $4::timestamptz[], $5::timestamptz[]) AS q(parameter, i, device, f, t))
            SELECT q.parameter, q.i, sum(x.total), sum(x.samples)
            FROM q CROSS JOIN LATERAL (
                SELECT (h.totals -> q.parameter -> 0)::numeric AS total, (h.totals -> q.parameter -> 1)::numeric AS samples
                FROM {MeasurementTables.Hours} h
                WHERE q.hf < q.ht AND h.device = q.device AND h.hour >= q.hf AND h.hour < q.ht AND h.totals ? q.parameter
                UNION ALL
                SELECT (s."values" -> q.parameter)::numeric, 1 FROM {MeasurementTables.Readings} s
                WHERE s.device = q.device AND s.at >= q.f AND s.at < q.t AND s."values" ? q.parameter
                  AND (q.hf >= q.ht OR s.at < q.hf OR s.at >= q.ht)
            ) AS x
            GROUP BY q.parameter, q.i
            """);
        cmd.Parameters.Add(new() { Value = rows.Select(r => r.Parameter).ToArray() });
        cmd.Parameters.Add(new() { Value = rows.Select(r => r.Index).ToArray() });
        cmd.Parameters.Add(new() { Value = rows.Select(r => r.Device).ToArray() });
        cmd.Parameters.Add(Times(rows.Select(r => r.From)));
        cmd.Parameters.Add(Times(rows.Select(r => r.To)));
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var count = reader.GetDecimal(3);
            result[reader.GetString(0)][reader.GetInt32(1)] = count == 0 ? null : Math.Round(reader.GetDecimal(2) / count, 4);
        }

        return result;
    }

    public async Task<IReadOnlyList<string>> ReportedParametersAsync(IReadOnlyList<string> devices, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand($"SELECT DISTINCT parameter FROM {MeasurementTables.Parameters} WHERE device = ANY($1) ORDER BY parameter");
        cmd.Parameters.Add(new() { Value = devices.ToArray() });
        var list = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            list.Add(reader.GetString(0));
        }

        return list;
    }

    private static NpgsqlParameter Times(IEnumerable<DateTimeOffset> values) =>
        new() { Value = values.Select(v => v.UtcDateTime).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz };
}
