using System.Diagnostics;
using Energy.Application.Energy;
using Energy.Projections.Energy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;

namespace Energy.Bench;

/// <summary>
/// Year totals by department: the energy read model's rows for N meters (15-minute slots, hour and day rollups,
/// and the counter readings they came from) are written directly with binary COPY — not through the projection —
/// then <see cref="ConsumptionReader.ReadAsync"/> over one plant year is timed against a GROUP BY over the raw
/// counter readings (per-device max − min, summed per department).
/// </summary>
public static class QueryBench
{
    private const int Departments = 10;
    private static readonly DateTimeOffset YearStart = new(2025, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));

    public static async Task<Figure> RunAsync(BenchContext bench, CancellationToken ct)
    {
        var (meters, days, runs) = (bench.Sizes.QueryMeters, bench.Sizes.QueryDays, bench.Sizes.QueryRuns);
        var devices = Enumerable.Range(0, meters).Select(d => PushBodies.Device("Q", d)).ToArray();
        var load = Stopwatch.StartNew();
        await LoadAsync(bench.DataSource, devices, days, ct);
        await bench.ExecuteAsync("ANALYZE energy_counter_readings; ANALYZE energy_slots; ANALYZE energy_hours; ANALYZE energy_days", ct);
        bench.Details.Add($"query data: {meters} meters × {days} days at 15 min ({(long)meters * days * 96:N0} slots and counter readings) COPYed in {load.Elapsed.TotalSeconds:0} s");

        var reader = new ConsumptionReader(bench.DataSource, new ConfigurationBuilder().Build(), NullLogger<ConsumptionReader>.Instance);
        var spans = Enumerable.Range(0, meters).ToDictionary(m => (long)m,
            m => (IReadOnlyList<SourceSpan>)[new SourceSpan(devices[m], YearStart.AddYears(-10), YearStart.AddYears(10))]);
        TimeWindow[] year = [new(YearStart, YearStart.AddYears(1))];

        async Task<decimal[]> ReaderTotals()
        {
            var totals = new decimal[Departments];
            foreach (var (meter, amounts) in await reader.ReadAsync(spans, year, null, ct))
            {
                totals[meter % Departments] += amounts[0];
            }

            return totals;
        }

        async Task<decimal[]> RawTotals(string sql)
        {
            var totals = new decimal[Departments];
            await using var cmd = bench.DataSource.CreateCommand(sql);
            cmd.CommandTimeout = 0;
            cmd.Parameters.Add(new() { Value = devices });
            cmd.Parameters.Add(new() { Value = year[0].From.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            cmd.Parameters.Add(new() { Value = year[0].To.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            await using var rows = await cmd.ExecuteReaderAsync(ct);
            while (await rows.ReadAsync(ct))
            {
                totals[int.Parse(rows.GetString(0)[1..]) % Departments] += rows.GetDecimal(1);
            }

            return totals;
        }

        await bench.Profile.ResetStatementsAsync(ct);
        var (readerTimes, readerTotals) = await TimeAsync(runs, ReaderTotals);
        var readerStatements = await bench.Profile.TopStatementsAsync(2, ct);
        var (rawTimes, rawTotals) = await TimeAsync(Math.Max(3, runs / 10), () => RawTotals(
            "SELECT device, max(value) - min(value) FROM energy_counter_readings WHERE device = ANY($1) AND read_at >= $2 AND read_at <= $3 GROUP BY device"));
        var (slotTimes, _) = await TimeAsync(3, () => RawTotals(
            "SELECT device, sum(amount) FROM energy_slots WHERE device = ANY($1) AND slot >= $2 AND slot < $3 GROUP BY device"));

        var (p50, p99) = (LagBench.Percentile(readerTimes, 0.5), LagBench.Percentile(readerTimes, 0.99));
        var rawP50 = LagBench.Percentile(rawTimes, 0.5);
        var faster = rawP50 / p50;
        bench.Details.Add($"query: reader p50 {p50:0.0} ms p99 {p99:0.0} ms over {runs} runs; GROUP BY counter readings p50 {rawP50:0} ms; " +
            $"GROUP BY slots p50 {LagBench.Percentile(slotTimes, 0.5):0} ms; totals reader {readerTotals.Sum():N1} vs raw {rawTotals.Sum():N1} kWh");
        bench.Details.Add("query: reader statements inside PostgreSQL:");
        bench.Details.AddRange(readerStatements);
        return new Figure("query", $"year totals of {meters} meters by department ({days} days of 15-min data): IConsumptionReader vs GROUP BY max−min over counter readings",
            $"p50 {p50:0.0} ms / p99 {p99:0.0} ms", $"p50 {rawP50:0} ms", $"{faster:0}× faster", "p99 < 50 ms; ≥ 100×", p99 < 50 && faster >= 100);
    }

    private static async Task<(List<double> Millis, decimal[] Last)> TimeAsync(int runs, Func<Task<decimal[]>> query)
    {
        var last = await query(); // warm-up: plans, caches, JIT
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            last = await query();
            times.Add(stopwatch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return (times, last);
    }

    /// <summary>Per device a constant draw: counter readings every 15 minutes, slots, UTC hour and day sums of those slots.</summary>
    private static async Task LoadAsync(NpgsqlDataSource dataSource, string[] devices, int days, CancellationToken ct)
    {
        var from = YearStart.UtcDateTime;
        var slotCount = days * 96;
        await CopyAsync(dataSource, "COPY energy_counter_readings (device, read_at, value, seq_id) FROM STDIN (FORMAT BINARY)", devices, async (w, d, device) =>
        {
            for (var k = 0; k <= slotCount; k++)
            {
                await w.StartRowAsync(ct);
                await w.WriteAsync(device, NpgsqlDbType.Text, ct);
                await w.WriteAsync(from.AddMinutes(15 * k), NpgsqlDbType.TimestampTz, ct);
                await w.WriteAsync(1000m + (k * Draw(d)), NpgsqlDbType.Numeric, ct);
                await w.WriteAsync(0L, NpgsqlDbType.Bigint, ct);
            }
        }, ct);
        await CopyUnitsAsync(dataSource, "energy_slots", "slot", devices, from, slotCount, TimeSpan.FromMinutes(15), ct);
        await CopyUnitsAsync(dataSource, "energy_hours", "hour", devices, from, slotCount, TimeSpan.FromHours(1), ct);
        await CopyUnitsAsync(dataSource, "energy_days", "day", devices, from, slotCount, TimeSpan.FromDays(1), ct);
    }

    private static decimal Draw(int device) => 0.5m + (device % 10 * 0.05m);

    private static Task CopyUnitsAsync(NpgsqlDataSource dataSource, string table, string column, string[] devices, DateTime from, int slotCount, TimeSpan unit, CancellationToken ct) =>
        CopyAsync(dataSource, $"COPY {table} (device, {column}, amount) FROM STDIN (FORMAT BINARY)", devices, async (w, d, device) =>
        {
            // Slots grouped into UTC-aligned units, as the projection's rollups are (date_trunc in UTC).
            foreach (var group in Enumerable.Range(0, slotCount).GroupBy(k => { var t = from.AddMinutes(15 * k); return new DateTime(t.Ticks - (t.Ticks % unit.Ticks), DateTimeKind.Utc); }))
            {
                await w.StartRowAsync(ct);
                await w.WriteAsync(device, NpgsqlDbType.Text, ct);
                await w.WriteAsync(group.Key, NpgsqlDbType.TimestampTz, ct);
                await w.WriteAsync(group.Count() * Draw(d), NpgsqlDbType.Numeric, ct);
            }
        }, ct);

    private static async Task CopyAsync(NpgsqlDataSource dataSource, string copy, string[] devices, Func<NpgsqlBinaryImporter, int, string, Task> rows, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var writer = await connection.BeginBinaryImportAsync(copy, ct);
        for (var d = 0; d < devices.Length; d++)
        {
            await rows(writer, d, devices[d]);
        }

        await writer.CompleteAsync(ct);
    }
}
