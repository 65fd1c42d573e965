using Dapper;
using Energy.Domain.Energy;
using Energy.Domain.Readings;
using Energy.Projections.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Energy.Projections.Tests.Energy;

/// <summary>
/// Hour, day and month rows follow the plant's calendar (Energy:TimeZone): windows on plant days and months read
/// them, so a row keyed on the wrong boundary shows as a total that differs from the slots'.
/// </summary>
public sealed class EnergyRollupTests
{
    [Theory]
    [InlineData("Asia/Shanghai", "2025-01-24 00:00", "2025-02-04 00:00")] // a month end, no DST
    [InlineData("Europe/Berlin", "2025-03-24 00:00", "2025-04-04 00:00")] // a 23-hour day (30 March) and a month end
    [InlineData("Europe/Berlin", "2025-10-22 00:00", "2025-11-03 00:00")] // a 25-hour day (26 October) and a month end
    public async Task Totals_of_plant_days_months_and_the_year_equal_the_sum_of_their_slots(string zone, string first, string last)
    {
        await using var energy = await EnergyScenario.StartAsync(zone);
        var (start, end) = (energy.At(first), energy.At(last));
        var readings = VaryingReadings(energy, "d", start, end, new Random(7));
        foreach (var chunk in readings.OrderBy(_ => Guid.NewGuid()).Chunk(25))
        {
            await energy.PushAsync(chunk);
        }

        var oracle = new ConsumptionCurve(readings.Select(r => new CounterReading(r.ReadAt, r.Parameters["EP"])));
        var day0 = DateTime.Parse(first, System.Globalization.CultureInfo.InvariantCulture).Date;
        var windows = new List<(DateTimeOffset From, DateTimeOffset To)>();
        for (var day = day0.AddDays(-1); day <= day0.AddDays(14); day = day.AddDays(1))
        {
            windows.Add((energy.At(day), energy.At(day.AddDays(1))));
        }

        var month0 = new DateTime(day0.Year, day0.Month, 1);
        windows.Add((energy.At(month0), energy.At(month0.AddMonths(1))));
        windows.Add((energy.At(month0.AddMonths(1)), energy.At(month0.AddMonths(2))));
        windows.Add((energy.At(new DateTime(day0.Year, 1, 1)), energy.At(new DateTime(day0.Year + 1, 1, 1))));
        windows.Add((energy.At(day0.AddDays(5).AddHours(7).AddMinutes(45)), energy.At(day0.AddDays(9).AddHours(19).AddMinutes(15))));

        var read = await energy.ConsumptionAsync(null, "d", [.. windows]);
        for (var i = 0; i < windows.Count; i++)
        {
            var (from, to) = windows[i];
            read[i].ShouldBe(await energy.SlotSumAsync("d", from, to), $"{zone} [{from:o}, {to:o})");
            read[i].ShouldBe(oracle.Between(from, to), $"{zone} [{from:o}, {to:o})");
        }

        read[^2].ShouldBe(oracle.Between(start, end));
        read[^2].ShouldBeGreaterThan(0m);
        await RollupRowsLieOnPlantBoundariesAsync(energy, "d");
    }

    [Fact]
    public async Task A_late_reading_inside_an_old_month_changes_that_months_total()
    {
        await using var energy = await EnergyScenario.StartAsync();
        var days = Enumerable.Range(0, 70).Select(d => new DateTime(2025, 1, 1).AddDays(d)).ToArray();
        await energy.PushAsync([.. days.Select((d, i) => energy.Reading("d", energy.At(d), 1000 + (10 * i)))]);
        (string, string) january = ("2025-01-01 00:00", "2025-02-01 00:00"), february = ("2025-02-01 00:00", "2025-03-01 00:00");
        (await energy.ConsumptionAsync("d", january, february)).ShouldBe([310m, 280m]);

        // The counter drops and climbs back within 14 January: 40 more than 10 that day, a day of an old month.
        await energy.PushAsync(energy.Reading("d", "2025-01-14 12:00", 1090));

        (await energy.ConsumptionAsync("d", january, february, ("2025-01-14 00:00", "2025-01-15 00:00"))).ShouldBe([350m, 280m, 50m]);
        (await energy.RowsAsync("energy_months", "month", "d")).ShouldContain((energy.At("2025-01-01 00:00"), 350m));
        await RollupRowsLieOnPlantBoundariesAsync(energy, "d");
    }

    [Fact]
    public async Task A_rebuild_gives_identical_rows()
    {
        await using var energy = await EnergyScenario.StartAsync("Europe/Berlin");
        var readings = VaryingReadings(energy, "a", energy.At("2025-03-25 00:00"), energy.At("2025-04-03 00:00"), new Random(11));
        await energy.PushAsync([.. readings.Skip(1).Where((_, i) => i % 2 == 0)]);
        await energy.PushAsync([.. readings.Skip(1).Where((_, i) => i % 2 == 1), readings[0]]);
        await energy.AppendAsync("manual-consumption-7", new ManualConsumptionRecorded(7, ManualPeriodKind.Month, "2025-03", 310m, DateTimeOffset.UtcNow, "li"));
        await energy.Host.CatchUpAsync("energy");
        var before = await SnapshotAsync(energy);

        await energy.Host.RebuildAsync("energy");

        var after = await SnapshotAsync(energy);
        after.ShouldBe(before);
        before.Count(r => r.StartsWith("energy_months", StringComparison.Ordinal)).ShouldBe(3); // a: March, April; manual: March
        before.ShouldContain("energy_calendar Europe/Berlin");
    }

    [Fact]
    public async Task Rollups_built_in_another_zone_are_not_read_until_a_rebuild_and_a_warning_says_so()
    {
        var logs = new LogRecorder();
        string database;
        DateTimeOffset start, end;
        List<MeterReadingReceived> readings;
        await using (var shanghai = await EnergyScenario.StartAsync("Asia/Shanghai"))
        {
            (start, end) = (shanghai.At("2025-03-25 00:00"), shanghai.At("2025-04-03 00:00"));
            readings = VaryingReadings(shanghai, "d", start, end, new Random(3));
            await shanghai.PushAsync([.. readings]);
            await shanghai.Host.CatchUpAsync("energy");
            database = shanghai.Database;
        }

        await using var berlin = await EnergyScenario.StartAsync("Europe/Berlin", database, logs);
        var oracle = new ConsumptionCurve(readings.Select(r => new CounterReading(r.ReadAt, r.Parameters["EP"])));
        (DateTimeOffset, DateTimeOffset)[] windows = [
            .. Enumerable.Range(0, 10).Select(d => (berlin.At(new DateTime(2025, 3, 25).AddDays(d)), berlin.At(new DateTime(2025, 3, 26).AddDays(d)))),
            (berlin.At("2025-03-01 00:00"), berlin.At("2025-04-01 00:00")),
            (berlin.At("2025-01-01 00:00"), berlin.At("2026-01-01 00:00")),
        ];
        decimal[] expected = [.. windows.Select(w => oracle.Between(w.Item1, w.Item2))];

        (await berlin.ConsumptionAsync(null, "d", windows)).ShouldBe(expected);
        (await berlin.ConsumptionAsync(null, "d", windows)).ShouldBe(expected);
        var warnings = logs.Entries.Where(e => e.Level == LogLevel.Warning && e.Category.EndsWith("ConsumptionReader", StringComparison.Ordinal)).ToArray();
        warnings.Length.ShouldBe(1);
        warnings[0].Message.ShouldContain("Asia/Shanghai");
        warnings[0].Message.ShouldContain("/api_3/ops/projections/energy/rebuild");
        (await berlin.CalendarZoneAsync()).ShouldBe("Asia/Shanghai");

        await berlin.Host.RebuildAsync("energy");

        (await berlin.CalendarZoneAsync()).ShouldBe("Europe/Berlin");
        (await berlin.ConsumptionAsync(null, "d", windows)).ShouldBe(expected);
        await RollupRowsLieOnPlantBoundariesAsync(berlin, "d");
    }

    [Fact]
    public async Task Tables_that_hold_slots_but_no_recorded_zone_are_read_from_their_slots()
    {
        var logs = new LogRecorder();
        await using var energy = await EnergyScenario.StartAsync(logs: logs);
        await energy.PushAsync(energy.Reading("d", "2025-01-01 00:00", 0), energy.Reading("d", "2025-03-01 00:00", 590));
        await energy.Host.CatchUpAsync("energy");

        // As tables built before the zone was recorded look: UTC rollups, no months, no calendar row.
        await using (var conn = await energy.Host.DataSource.OpenConnectionAsync())
        {
            await conn.ExecuteAsync("""
                DELETE FROM energy_calendar; DELETE FROM energy_months; DELETE FROM energy_days; DELETE FROM energy_hours;
                INSERT INTO energy_hours SELECT device, date_trunc('hour', slot, 'UTC'), sum(amount) FROM energy_slots GROUP BY 1, 2;
                INSERT INTO energy_days SELECT device, date_trunc('day', hour, 'UTC'), sum(amount) FROM energy_hours GROUP BY 1, 2;
                """);
        }

        (await energy.ConsumptionAsync("d", ("2025-01-01 00:00", "2025-02-01 00:00"), ("2025-01-10 00:00", "2025-01-11 00:00"))).ShouldBe([310m, 10m]);
        logs.Entries.Single(e => e.Level == LogLevel.Warning && e.Category.EndsWith("ConsumptionReader", StringComparison.Ordinal)).Message.ShouldContain("no recorded zone");

        // A later page does not claim those rows for the configured zone.
        await energy.PushAsync(energy.Reading("d", "2025-03-02 00:00", 600));
        (await energy.ConsumptionAsync("d", ("2025-01-10 00:00", "2025-01-11 00:00"))).ShouldBe([10m]);
        (await energy.CalendarZoneAsync()).ShouldBeNull();
    }

    /// <summary>Readings every 5 to 180 minutes from <paramref name="from"/> to <paramref name="to"/>, at a rate that keeps changing, with a reset now and then.</summary>
    private static List<MeterReadingReceived> VaryingReadings(EnergyScenario energy, string device, DateTimeOffset from, DateTimeOffset to, Random random)
    {
        var readings = new List<MeterReadingReceived>();
        var value = 1000m;
        for (var at = from; at <= to; at = at.AddMinutes(random.Next(5, 180)))
        {
            value = random.Next(60) == 0 ? random.Next(0, 10) : value + Math.Round((decimal)random.NextDouble() * 20, 3);
            readings.Add(energy.Reading(device, at, value));
        }

        return readings;
    }

    /// <summary>Every hour, day and month row starts on its plant-local boundary and holds exactly its slots.</summary>
    private static async Task RollupRowsLieOnPlantBoundariesAsync(EnergyScenario energy, string source)
    {
        foreach (var (table, column, unit) in new[] { ("energy_hours", "hour", Resolution.Hour), ("energy_days", "day", Resolution.Day), ("energy_months", "month", Resolution.Month) })
        {
            var rows = await energy.RowsAsync(table, column, source);
            rows.ShouldNotBeEmpty(table);
            foreach (var (key, amount) in rows)
            {
                var wall = TimeZoneInfo.ConvertTime(key, energy.Zone).DateTime;
                var next = unit switch
                {
                    Resolution.Hour => key.AddHours(1),
                    Resolution.Day => energy.At(wall.AddDays(1)),
                    _ => energy.At(wall.AddMonths(1)),
                };
                (unit switch
                {
                    Resolution.Hour => wall.Minute == 0 && wall.Second == 0,
                    Resolution.Day => wall.TimeOfDay == TimeSpan.Zero,
                    _ => wall.TimeOfDay == TimeSpan.Zero && wall.Day == 1,
                }).ShouldBeTrue($"{table} {key:o} in {energy.Zone.Id}");
                amount.ShouldBe(await energy.SlotSumAsync(source, key, next), $"{table} {key:o}");
            }
        }
    }

    private static async Task<List<string>> SnapshotAsync(EnergyScenario energy)
    {
        await using var conn = await energy.Host.DataSource.OpenConnectionAsync();
        var rows = new List<string>();
        foreach (var table in new[] { "energy_slots", "energy_hours", "energy_days", "energy_months" })
        {
            rows.AddRange(await conn.QueryAsync<string>($"SELECT '{table} ' || t::text FROM {table} t ORDER BY 1"));
        }

        rows.AddRange(await conn.QueryAsync<string>("SELECT 'energy_calendar ' || zone FROM energy_calendar"));
        return rows;
    }
}
