using Energy.Domain.Energy;
using Energy.Domain.Readings;
using Energy.Projections.Energy;

namespace Energy.Projections.Tests.Energy;

public sealed class EnergyProjectionTests
{
    [Fact]
    public async Task Two_readings_give_twenty_per_hour_ten_for_a_half_hour_and_nothing_after_the_last()
    {
        await using var energy = await EnergyScenario.StartAsync();
        await energy.PushAsync(energy.Reading("111800000490", "2019-04-01 10:00", 100), energy.Reading("111800000490", "2019-04-01 12:00", 140));

        var amounts = await energy.ConsumptionAsync("111800000490",
            ("2019-04-01 10:00", "2019-04-01 11:00"),
            ("2019-04-01 11:00", "2019-04-01 12:00"),
            ("2019-04-01 10:30", "2019-04-01 11:00"),
            ("2019-04-01 12:00", "2019-04-01 18:00"),
            ("2019-04-01 00:00", "2019-04-02 00:00"));

        amounts.ShouldBe([20m, 20m, 10m, 0m, 40m]);
    }

    [Fact]
    public async Task A_counter_reset_is_not_negative_consumption()
    {
        await using var energy = await EnergyScenario.StartAsync();
        await energy.PushAsync(energy.Reading("d", "2019-04-01 10:00", 100), energy.Reading("d", "2019-04-01 11:00", 130));
        await energy.PushAsync(energy.Reading("d", "2019-04-01 12:00", 5), energy.Reading("d", "2019-04-01 13:00", 25));

        (await energy.ConsumptionAsync("d", ("2019-04-01 00:00", "2019-04-02 00:00"), ("2019-04-01 11:00", "2019-04-01 12:00")))
            .ShouldBe([50m, 0m]);
    }

    [Fact]
    public async Task A_late_reading_is_spread_as_if_it_had_come_in_order()
    {
        await using var energy = await EnergyScenario.StartAsync();
        await energy.PushAsync(energy.Reading("d", "2019-04-01 10:00", 100), energy.Reading("d", "2019-04-01 12:00", 140));
        await energy.ConsumptionAsync("d", ("2019-04-01 10:00", "2019-04-01 11:00"));
        await energy.PushAsync(energy.Reading("d", "2019-04-01 10:30", 130));

        (await energy.ConsumptionAsync("d", ("2019-04-01 10:00", "2019-04-01 10:30"), ("2019-04-01 10:30", "2019-04-01 12:00"), ("2019-04-01 10:00", "2019-04-01 11:00")))
            .ShouldBe([30m, 10m, 33.333333333m]);
    }

    [Fact]
    public async Task Four_pushes_of_one_reading_each_projected_one_by_one_give_the_whole_rise_of_the_counter()
    {
        await using var energy = await EnergyScenario.StartAsync();
        foreach (var (at, ep) in new[] { ("2019-04-01 00:00", 0m), ("2019-04-01 00:03", 3m), ("2019-04-01 00:06", 6m), ("2019-04-01 00:09", 9m) })
        {
            await energy.PushAsync(energy.Reading("d", at, ep));
            await energy.Host.CatchUpAsync("energy");
        }

        (await energy.ConsumptionAsync("d", ("2019-04-01 00:00", "2019-04-02 00:00"), ("2019-04-01 00:00", "2019-04-01 00:15")))
            .ShouldBe([9m, 9m]);
    }

    [Fact]
    public async Task A_late_reading_before_the_first_ones_of_its_slot_counts_up_to_the_last_reading()
    {
        await using var energy = await EnergyScenario.StartAsync();
        foreach (var (at, ep) in new[] { ("2019-04-01 00:04", 24m), ("2019-04-01 00:07", 27m), ("2019-04-01 00:11", 33m), ("2019-04-01 00:01", 18m) })
        {
            await energy.PushAsync(energy.Reading("d", at, ep));
            await energy.Host.CatchUpAsync("energy");
        }

        (await energy.ConsumptionAsync("d", ("2019-04-01 00:00", "2019-04-02 00:00"))).ShouldBe([15m]);
        (await energy.SlotSumAsync("d", energy.At("2019-04-01 00:00"), energy.At("2019-04-02 00:00"))).ShouldBe(15m);
    }

    [Fact]
    public async Task A_hand_filled_day_is_spread_evenly_and_a_correction_replaces_it()
    {
        await using var energy = await EnergyScenario.StartAsync();
        var source = ConsumptionSources.Manual(12, ManualPeriodKind.Day);
        await energy.AppendAsync("manual-consumption-12", new ManualConsumptionRecorded(12, ManualPeriodKind.Day, "2019-04-01", 48m, DateTimeOffset.UtcNow, "li"));

        (await energy.ConsumptionAsync(source, ("2019-04-01 08:00", "2019-04-01 09:00"), ("2019-04-01 00:00", "2019-04-02 00:00"), ("2019-04-02 00:00", "2019-04-03 00:00")))
            .ShouldBe([2m, 48m, 0m]);

        await energy.AppendAsync("manual-consumption-12", new ManualConsumptionCorrected(12, ManualPeriodKind.Day, "2019-04-01", 24m, 48m, DateTimeOffset.UtcNow, "li"));
        (await energy.ConsumptionAsync(source, ("2019-04-01 08:00", "2019-04-01 09:00"), ("2019-04-01 00:00", "2019-04-02 00:00")))
            .ShouldBe([1m, 24m]);
    }

    [Fact]
    public async Task Any_arrival_order_and_any_split_into_pushes_give_the_same_totals_and_intervals_add_up_to_the_window()
    {
        var random = new Random(2019);
        for (var trial = 0; trial < 4; trial++)
        {
            await using var energy = await EnergyScenario.StartAsync();
            var start = EnergyScenario.Plant("2019-04-01 00:00");
            var value = 1000m;
            var readings = new List<MeterReadingReceived>();
            for (var at = start.AddMinutes(random.Next(0, 50)); at < start.AddDays(2); at = at.AddMinutes(random.Next(5, 180)))
            {
                value = random.Next(30) == 0 ? random.Next(0, 10) : value + Math.Round((decimal)random.NextDouble() * 20, 3);
                readings.Add(energy.Reading("d", at.ToOffset(EnergyScenario.Shanghai).ToString("yyyy-MM-dd HH:mm"), value));
            }

            var inOrder = new ConsumptionCurveOracle(readings);
            var shuffled = readings.OrderBy(_ => random.Next()).ToList();
            while (shuffled.Count > 0)
            {
                var take = Math.Min(shuffled.Count, random.Next(1, 12));
                await energy.PushAsync(shuffled.Take(take).ToArray());
                shuffled.RemoveRange(0, take);
            }

            var hours = Enumerable.Range(0, 48).Select(h => (start.AddHours(h), start.AddHours(h + 1))).ToArray();
            var read = await energy.ConsumptionAsync("d", [.. hours.Select(h => (Format(h.Item1), Format(h.Item2))), (Format(start), Format(start.AddDays(2)))]);

            read[^1].ShouldBe(inOrder.Between(start, start.AddDays(2)), $"trial {trial}");
            read[..^1].Sum().ShouldBe(read[^1], $"trial {trial}: the hours add up to the window");
            for (var h = 0; h < hours.Length; h++)
            {
                read[h].ShouldBe(inOrder.Between(hours[h].Item1, hours[h].Item2), $"trial {trial}, hour {h}");
            }
        }
    }

    [Fact]
    public async Task Rebuilding_the_energy_projection_gives_identical_results()
    {
        await using var energy = await EnergyScenario.StartAsync();
        await energy.PushAsync(energy.Reading("a", "2019-04-01 10:00", 100), energy.Reading("a", "2019-04-01 12:05", 141.5m));
        await energy.PushAsync(energy.Reading("a", "2019-04-02 09:10", 300), energy.Reading("a", "2019-04-01 11:20", 120));
        await energy.AppendAsync("manual-consumption-7", new ManualConsumptionRecorded(7, ManualPeriodKind.Month, "2019-04", 300m, DateTimeOffset.UtcNow, "li"));
        (string, string)[] windows = [("2019-04-01 00:00", "2019-04-03 00:00"), ("2019-04-01 11:00", "2019-04-01 11:45"), ("2019-04-01 23:00", "2019-04-02 01:00")];
        var before = await energy.ConsumptionAsync("a", windows);
        var manualBefore = await energy.ConsumptionAsync(ConsumptionSources.Manual(7, ManualPeriodKind.Month), ("2019-04-01 00:00", "2019-05-01 00:00"));

        await energy.Host.RebuildAsync("energy");

        (await energy.ConsumptionAsync("a", windows)).ShouldBe(before);
        (await energy.ConsumptionAsync(ConsumptionSources.Manual(7, ManualPeriodKind.Month), ("2019-04-01 00:00", "2019-05-01 00:00"))).ShouldBe(manualBefore);
        manualBefore[0].ShouldBe(300m);
    }

    [Fact]
    public async Task A_figure_reported_earlier_is_reproduced_as_of_its_sequence_after_a_late_reading_changed_it()
    {
        await using var energy = await EnergyScenario.StartAsync();
        await energy.PushAsync(energy.Reading("d", "2019-04-01 10:00", 100), energy.Reading("d", "2019-04-01 12:00", 140));
        await energy.AppendAsync("manual-consumption-3", new ManualConsumptionRecorded(3, ManualPeriodKind.Day, "2019-04-01", 96m, DateTimeOffset.UtcNow, "li"));
        var printed = await energy.ConsumptionAsync("d", ("2019-04-01 10:00", "2019-04-01 11:00"));
        var printedManual = await energy.ConsumptionAsync(ConsumptionSources.Manual(3, ManualPeriodKind.Day), ("2019-04-01 10:00", "2019-04-01 11:00"));
        var printedAt = await energy.Reader.CurrentSequenceAsync();

        await energy.PushAsync(energy.Reading("d", "2019-04-01 10:30", 130));
        await energy.AppendAsync("manual-consumption-3", new ManualConsumptionCorrected(3, ManualPeriodKind.Day, "2019-04-01", 48m, 96m, DateTimeOffset.UtcNow, "li"));

        (await energy.ConsumptionAsync("d", ("2019-04-01 10:00", "2019-04-01 11:00"))).ShouldBe([33.333333333m]);
        (await energy.ConsumptionAsOfAsync(printedAt, "d", ("2019-04-01 10:00", "2019-04-01 11:00"))).ShouldBe(printed);
        printed.ShouldBe([20m]);
        (await energy.ConsumptionAsOfAsync(printedAt, ConsumptionSources.Manual(3, ManualPeriodKind.Day), ("2019-04-01 10:00", "2019-04-01 11:00"))).ShouldBe(printedManual);
        printedManual.ShouldBe([4m]);
        (await energy.ConsumptionAsOfAsync(null, ConsumptionSources.Manual(3, ManualPeriodKind.Day), ("2019-04-01 10:00", "2019-04-01 11:00"))).ShouldBe([2m]);
    }

    private static string Format(DateTimeOffset t) => t.ToOffset(EnergyScenario.Shanghai).ToString("yyyy-MM-dd HH:mm");

    /// <summary>The expected figures, from the domain's curve over all readings at once.</summary>
    private sealed class ConsumptionCurveOracle(IEnumerable<MeterReadingReceived> readings)
    {
        private readonly Domain.Energy.ConsumptionCurve curve = new(readings.Select(r => new Domain.Energy.CounterReading(r.ReadAt, r.Parameters["EP"])));

        public decimal Between(DateTimeOffset from, DateTimeOffset to) => curve.Between(from, to);
    }
}
