using System.Diagnostics;
using Energy.Application.Energy;
using Energy.Domain.Energy;
using Energy.Projections.Energy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;

namespace Energy.Bench;

/// <summary>
/// Year totals by department: the energy read model's rows for N meters (15-minute slots and the counter readings
/// they came from) are written directly with binary COPY — not through the projection — and the hour, day and
/// month rollups built from them by the projection's own commands (<see cref="EnergyRollups"/>, plant calendar);
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
        var zone = PlantZone.Of(null);
        var builtIn = await LoadAsync(bench.DataSource, devices, days, zone, ct);
        // Vacuumed as well as analyzed: a read model that has been in service is, and autovacuum working through the
        // freshly loaded tables (35M rows each in full mode) during the timed runs took a core from both sides.
        // The checkpoint then writes what the vacuum dirtied before the clock starts, not during the runs.
        await bench.ExecuteAsync("VACUUM (ANALYZE) energy_counter_readings, energy_slots, energy_hours, energy_days, energy_months", ct);
        await bench.ExecuteAsync("CHECKPOINT", ct);
        bench.Details.Add($"query data: {meters} meters × {days} days at 15 min ({(long)meters * days * 96:N0} slots and counter readings) COPYed, " +
            $"hour/day/month rollups built in {builtIn}, in {load.Elapsed.TotalSeconds:0} s" +
            (builtIn == zone.Id ? "" : $" — NOT the reader's zone {zone.Id}: it adds up slots instead"));

        var reader = new ConsumptionReader(bench.DataSource, new ConfigurationBuilder().Build(), NullLogger<ConsumptionReader>.Instance);
        var spans = Enumerable.Range(0, meters).ToDictionary(m => (long)m,
            m => (IReadOnlyList<SourceSpan>)[new SourceSpan(devices[m], YearStart.AddYears(-10), YearStart.AddYears(10))]);
        TimeWindow[] year = [new(YearStart, YearStart.AddYears(1))];
        bench.Details.Add($"query: the reader cuts the plant year ({zone.Id}) into " +
            string.Join(", ", WindowPieces.Of(year[0].From, year[0].To, zone.Info).Select(p => $"{p.Resolution} rows [{p.From:yyyy-MM-dd HH:mm}Z, {p.To:yyyy-MM-dd HH:mm}Z)")) + " per meter");

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
        var same = readerTotals.SequenceEqual(rawTotals);
        bench.Details.Add($"query: reader p50 {p50:0.0} ms p99 {p99:0.0} ms over {runs} runs (slowest {string.Join(", ", readerTimes.TakeLast(3).Select(t => t.ToString("0.0")))} ms); GROUP BY counter readings p50 {rawP50:0} ms; " +
            $"GROUP BY slots p50 {LagBench.Percentile(slotTimes, 0.5):0} ms; totals reader {readerTotals.Sum():N1} vs raw {rawTotals.Sum():N1} kWh " +
            (same ? "(equal in every department)" : "(DIFFERENT: the figure does not count)"));
        bench.Details.Add("query: reader statements inside PostgreSQL:");
        bench.Details.AddRange(readerStatements);
        return new Figure("query", $"year totals of {meters} meters by department ({days} days of 15-min data): IConsumptionReader vs GROUP BY max−min over counter readings",
            $"p50 {p50:0.0} ms / p99 {p99:0.0} ms", $"p50 {rawP50:0} ms", $"{faster:0}× faster", "p99 < 50 ms; ≥ 100×", same && p99 < 50 && faster >= 100);
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

    /// <summary>
    /// Per device a constant draw: counter readings every 15 minutes and their slots by COPY, then the rollups over
    /// the whole range by the projection's commands. Returns the zone the rollups are recorded in: the service may
    /// have recorded one already (the reader falls back to slots if it is not the configured one).
    /// </summary>
    private static async Task<string> LoadAsync(NpgsqlDataSource dataSource, string[] devices, int days, PlantZone zone, CancellationToken ct)
    {
        var from = YearStart.UtcDateTime;
        var slotCount = days * 96;
        await using (var record = dataSource.CreateCommand("INSERT INTO energy_calendar (id, zone) VALUES (1, $1) ON CONFLICT (id) DO NOTHING"))
        {
            record.Parameters.Add(new() { Value = zone.Id });
            await record.ExecuteNonQueryAsync(ct);
        }

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
        await CopyAsync(dataSource, "COPY energy_slots (device, slot, amount) FROM STDIN (FORMAT BINARY)", devices, async (w, d, device) =>
        {
            for (var k = 0; k < slotCount; k++)
            {
                await w.StartRowAsync(ct);
                await w.WriteAsync(device, NpgsqlDbType.Text, ct);
                await w.WriteAsync(from.AddMinutes(15 * k), NpgsqlDbType.TimestampTz, ct);
                await w.WriteAsync(Draw(d), NpgsqlDbType.Numeric, ct);
            }
        }, ct);

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using (var rollups = new NpgsqlBatch(connection))
        {
            var to = YearStart.AddDays(days);
            EnergyRollups.Add(rollups, table => table, zone, devices.Select(d => (d, YearStart, to)).ToArray());
            rollups.Timeout = 0;
            await rollups.ExecuteNonQueryAsync(ct);
        }

        await using var recorded = new NpgsqlCommand("SELECT zone FROM energy_calendar", connection);
        return (string)(await recorded.ExecuteScalarAsync(ct))!;
    }

    private static decimal Draw(int device) => 0.5m + (device % 10 * 0.05m);

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
