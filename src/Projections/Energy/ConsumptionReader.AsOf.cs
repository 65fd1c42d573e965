using System.Globalization;
using Energy.Application.Energy;
using Energy.Domain.Energy;
using Energy.Domain.Readings;
using Npgsql;
using NpgsqlTypes;

namespace Energy.Projections.Energy;

public sealed partial class ConsumptionReader
{
    /// <summary>
    /// Figures as the log stood at <paramref name="sequence"/>: curves recomputed from the stored counter
    /// readings and hand-filled amounts that events up to that number had set. (A reading later re-sent for
    /// the same instant with another value keeps only its newest value, so such a point drops out of older
    /// figures instead of showing its old value.)
    /// </summary>
    private async Task<IReadOnlyDictionary<long, decimal[]>> ReadAsOfAsync(
        IReadOnlyDictionary<long, IReadOnlyList<SourceSpan>> spansByMeter, IReadOnlyList<TimeWindow> windows, long sequence, CancellationToken ct)
    {
        var result = spansByMeter.Keys.ToDictionary(k => k, _ => new decimal[windows.Count]);
        if (windows.Count == 0)
        {
            return result;
        }

        var (from, to) = (windows.Min(w => w.From), windows.Max(w => w.To));
        var sources = spansByMeter.Values.SelectMany(s => s).Select(s => s.Source).Distinct(StringComparer.Ordinal).ToArray();
        var curves = new Dictionary<string, ConsumptionCurve>(StringComparer.Ordinal);
        foreach (var (source, readings) in await CounterReadingsAsync(sources.Where(s => !s.StartsWith("manual:", StringComparison.Ordinal)).ToArray(), from, to, sequence, ct))
        {
            curves[source] = new ConsumptionCurve(readings);
        }

        foreach (var source in sources.Where(s => s.StartsWith("manual:", StringComparison.Ordinal)))
        {
            curves[source] = await ManualCurveAsync(source, sequence, ct);
        }

        foreach (var (meter, spans) in spansByMeter)
        {
            foreach (var span in spans.Where(s => curves.ContainsKey(s.Source)))
            {
                for (var w = 0; w < windows.Count; w++)
                {
                    var a = span.From > windows[w].From ? span.From : windows[w].From;
                    var b = span.To < windows[w].To ? span.To : windows[w].To;
                    result[meter][w] += a < b ? curves[span.Source].Between(a, b) : 0;
                }
            }
        }

        return result;
    }

    /// <summary>Each device's readings in [from, to] set by events up to the sequence, with one more on each side.</summary>
    private async Task<Dictionary<string, List<CounterReading>>> CounterReadingsAsync(string[] devices, DateTimeOffset from, DateTimeOffset to, long sequence, CancellationToken ct)
    {
        var readings = devices.ToDictionary(d => d, _ => new List<CounterReading>(), StringComparer.Ordinal);
        await using var cmd = dataSource.CreateCommand($"""
            WITH d AS (SELECT unnest($1::text[]) AS device),
            b AS (
                SELECT d.device,
                       coalesce((SELECT max(read_at) FROM {EnergyTables.Readings} r WHERE r.device = d.device AND r.seq_id <= $4 AND r.read_at < $2), $2) AS f,
                       coalesce((SELECT min(read_at) FROM {EnergyTables.Readings} r WHERE r.device = d.device AND r.seq_id <= $4 AND r.read_at > $3), $3) AS t
                FROM d)
            SELECT r.device, r.read_at, r.value
            FROM b JOIN {EnergyTables.Readings} r ON r.device = b.device AND r.read_at >= b.f AND r.read_at <= b.t AND r.seq_id <= $4
            """);
        cmd.Parameters.Add(new() { Value = devices });
        cmd.Parameters.Add(new() { Value = from.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        cmd.Parameters.Add(new() { Value = to.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        cmd.Parameters.Add(new() { Value = sequence });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            readings[reader.GetString(0)].Add(new CounterReading(new DateTimeOffset(reader.GetDateTime(1), TimeSpan.Zero), reader.GetDecimal(2)));
        }

        return readings;
    }

    /// <summary>A hand-filled source's amounts in force at the sequence, each spread evenly over its period.</summary>
    private async Task<ConsumptionCurve> ManualCurveAsync(string source, long sequence, CancellationToken ct)
    {
        var parts = source.Split(':');
        var meter = long.Parse(parts[1], CultureInfo.InvariantCulture);
        var kind = parts[2] == "day" ? ManualPeriodKind.Day : ManualPeriodKind.Month;
        await using var cmd = dataSource.CreateCommand($"""
            SELECT DISTINCT ON (label) label, amount FROM {EnergyTables.Manual}
            WHERE meter_id = $1 AND period_kind = $2 AND seq_id <= $3 ORDER BY label, seq_id DESC
            """);
        cmd.Parameters.Add(new() { Value = meter });
        cmd.Parameters.Add(new() { Value = (int)kind });
        cmd.Parameters.Add(new() { Value = sequence });
        var points = new List<CounterReading>();
        decimal total = 0;
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            // Consecutive periods: a cumulative curve rising by each period's amount across that period.
            var (start, end) = EnergyProjection.ManualPeriod(kind, reader.GetString(0));
            points.Add(new CounterReading(new DateTimeOffset(start, zone.Info.GetUtcOffset(start)), total));
            total += reader.GetDecimal(1);
            points.Add(new CounterReading(new DateTimeOffset(end, zone.Info.GetUtcOffset(end)), total));
        }

        return new ConsumptionCurve(points);
    }
}
