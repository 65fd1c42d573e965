using Energy.Domain.Oee;
using Energy.Application.EventStore;
using Energy.Http.Tests.Contract;
using Energy.Http.Tests.Meters;
using Energy.Http.Tests.Support;
using Energy.Http.Tests.Vendor.Support;
using Microsoft.Extensions.DependencyInjection;
using static Energy.Http.Tests.Oee.OeeScenario;

namespace Energy.Http.Tests.Oee;

/// <summary>Readings pushed by the vendor become a machine's status timeline (CONTRACT §7).</summary>
public sealed class OeeStatusTests
{
    private const string Device = "111800000901";

    // P = 0, 5, 50, 50, 0, 5 kW at 00:00, 01:30, 02:00, 03:00, 04:15, 06:00 of the scripted day.
    private static readonly (double Hours, decimal Kw)[] Script = [(0, 0), (1.5, 5), (2, 50), (3, 50), (4.25, 0), (6, 5)];

    private static readonly (string, string)[] ExpectedRecords =
    [
        ("2024-03-01 00:00:00", "停机"), ("2024-03-01 01:30:00", "待机"), ("2024-03-01 02:00:00", "运行"),
        ("2024-03-01 04:15:00", "停机"), ("2024-03-01 06:00:00", "待机"),
    ];

    [Fact]
    public async Task A_scripted_day_gives_the_exact_changes_and_per_hour_seconds_and_a_rebuild_gives_the_same_numbers()
    {
        var clock = new ShiftedClock();
        clock.Set(Day.AddHours(-1));
        await using var host = VendorHost.Create(clock: clock);
        var client = await host.AdminClientAsync();
        var machine = await client.PressWithPowerRulesAsync("剧本", Device);
        var vendor = host.CreateClient();
        foreach (var (hours, kw) in Script)
        {
            await vendor.PushPowerAsync(Device, Day.AddHours(hours), kw);
        }

        (await client.WaitForRecordsAsync(machine, Day, Day.AddDays(1), ExpectedRecords)).ShouldBe(ExpectedRecords);
        (await client.RecordsAsync(machine, Day.AddHours(-1), Day.AddHours(2))).ShouldBe([
            ("2024-02-29 23:00:00", "未知"), ("2024-03-01 00:00:00", "停机"), ("2024-03-01 01:30:00", "待机")]);
        (await client.RecordsAsync(machine, Day.AddHours(3), Day.AddHours(4))).ShouldBe([("2024-03-01 03:00:00", "运行")]);
        var tooLong = await client.GetAnswer($"/api_3/OEE_statistic_records?Meter_Superior_id={machine}&Time_Start={Wall(Day)}&Time_End={Wall(Day.AddHours(24).AddSeconds(1))}");
        tooLong.ShouldSatisfyAllConditions(a => a.ErrNo.ShouldBe("4103"), a => a.ErrMsg.ShouldContain("Time_End"));

        clock.Set(Day.AddDays(1).AddHours(1));
        var hourly = await client.StatisticsAsync(machine, 3, "2024-03-01 00:00:00", "2024-03-02 00:00:00", 2);
        hourly.GroupBy(r => r.Key.Time).ShouldAllBe(hour => hour.Sum(r => r.Value) == 3600);
        hourly.Keys.Select(k => k.Time).Distinct().Count().ShouldBe(24);
        hourly[("2024-03-01 01:00:00", "停机")].ShouldBe(1800);
        hourly[("2024-03-01 01:00:00", "待机")].ShouldBe(1800);
        hourly[("2024-03-01 04:00:00", "运行")].ShouldBe(900);
        hourly[("2024-03-01 04:00:00", "停机")].ShouldBe(2700);
        hourly[("2024-03-01 23:00:00", "待机")].ShouldBe(3600);
        var totals = await client.StatisticsAsync(machine, 3, "2024-03-01 00:00:00", "2024-03-02 00:00:00", 1);
        totals.ShouldBe(new Dictionary<(string, string), long>
        {
            [("2024-03-01 00:00:00", "停机")] = 5400 + 6300, [("2024-03-01 00:00:00", "待机")] = 1800 + 18 * 3600,
            [("2024-03-01 00:00:00", "运行")] = 8100,
        });
        var availability = await client.GetAnswer($"/api_3/OEE_statistic?Meter_Superior_id={machine}&Time_Type=3&Time_Start=2024-03-01 00:00:00&Time_End=2024-03-02 00:00:00&Return_Format=1");
        availability.Rows()[0].GetProperty("Availability").GetDecimal().ShouldBe(Math.Round(8100m / 86400, 4));

        var operations = host.Services.GetRequiredService<ProjectionOperations>();
        (await operations.RequestRebuildAsync("oee_timeline")).ShouldBeTrue();
        (await operations.WaitForRebuildAsync("oee_timeline", null, TimeSpan.FromMilliseconds(50))).State.ShouldBe(ProcessorState.Running);
        (await client.StatisticsAsync(machine, 3, "2024-03-01 00:00:00", "2024-03-02 00:00:00", 2)).ShouldBe(hourly);
        (await client.RecordsAsync(machine, Day, Day.AddDays(1))).ShouldBe(ExpectedRecords);
    }

    [Fact]
    public async Task Restarting_the_host_mid_stream_neither_loses_nor_repeats_a_change()
    {
        var clock = new ShiftedClock();
        clock.Set(Day.AddHours(-1));
        string database;
        long machine;
        await using (var first = VendorHost.Create(clock: clock))
        {
            database = first.Database;
            var client = await first.AdminClientAsync();
            machine = await client.PressWithPowerRulesAsync("重启", Device);
            var vendor = first.CreateClient();
            foreach (var (hours, kw) in Script.Take(3))
            {
                await vendor.PushPowerAsync(Device, Day.AddHours(hours), kw);
            }

            await client.WaitForRecordsAsync(machine, Day, Day.AddDays(1), ExpectedRecords.Take(3).ToArray());
            await vendor.PushPowerAsync(Device, Day.AddHours(Script[3].Hours), Script[3].Kw);
        }

        await using var second = VendorHost.Create(database, clock: clock);
        var again = await second.LoggedInClientAsync(Scenarios.AdminName, Scenarios.Password);
        var vendorAgain = second.CreateClient();
        foreach (var (hours, kw) in Script.Skip(4))
        {
            await vendorAgain.PushPowerAsync(Device, Day.AddHours(hours), kw);
        }

        (await again.WaitForRecordsAsync(machine, Day, Day.AddDays(1), ExpectedRecords)).ShouldBe(ExpectedRecords);
        var stream = await second.Services.GetRequiredService<IEventStore>().ReadStreamAsync(OeeStatus.StreamId(machine));
        stream.Select(e => ((OeeStatusChanged)e.Data).To).ShouldBe(["停机", "待机", "运行", "停机", "待机"]);
    }

    [Fact]
    public async Task A_late_reading_is_judged_in_time_order_and_the_timeline_is_corrected_without_duplicates()
    {
        var clock = new ShiftedClock();
        clock.Set(Day.AddHours(-1));
        await using var host = VendorHost.Create(clock: clock);
        var client = await host.AdminClientAsync();
        var machine = await client.PressWithPowerRulesAsync("迟到", Device);
        var vendor = host.CreateClient();
        await vendor.PushPowerAsync(Device, Day, 0);
        await vendor.PushPowerAsync(Device, Day.AddHours(2), 50);
        await vendor.PushPowerAsync(Device, Day.AddHours(4), 0);
        await client.WaitForRecordsAsync(machine, Day, Day.AddDays(1),
            [("2024-03-01 00:00:00", "停机"), ("2024-03-01 02:00:00", "运行"), ("2024-03-01 04:00:00", "停机")]);

        // Late: standby at 01:00 and running at 03:00 (no change: it was running since 02:00).
        await vendor.PushPowerAsync(Device, Day.AddHours(1), 5);
        await vendor.PushPowerAsync(Device, Day.AddHours(3), 60);
        (string, string)[] corrected =
            [("2024-03-01 00:00:00", "停机"), ("2024-03-01 01:00:00", "待机"), ("2024-03-01 02:00:00", "运行"), ("2024-03-01 04:00:00", "停机")];
        (await client.WaitForRecordsAsync(machine, Day, Day.AddDays(1), corrected)).ShouldBe(corrected);

        var stream = (await host.Services.GetRequiredService<IEventStore>().ReadStreamAsync(OeeStatus.StreamId(machine))).Select(e => e.Data).ToList();
        OeeTimelineRevision.Fold(stream).Select(c => (c.From, c.To, c.At)).ShouldBe([
            ("未知", "停机", Day.ToUniversalTime()), ("停机", "待机", Day.AddHours(1).ToUniversalTime()),
            ("待机", "运行", Day.AddHours(2).ToUniversalTime()), ("运行", "停机", Day.AddHours(4).ToUniversalTime())]);
        stream.OfType<OeeStatusTimelineCorrected>().Single().Since.ShouldBe(Day.AddHours(1));
        // The 02:00 change now comes from 待机, so it is re-issued too; the 03:00 reading changed nothing and added nothing.
        stream.OfType<OeeStatusChanged>().Count().ShouldBe(3 + 3);

        clock.Set(Day.AddDays(1).AddHours(1));
        var hourly = await client.StatisticsAsync(machine, 3, "2024-03-01 00:00:00", "2024-03-02 00:00:00", 2);
        hourly[("2024-03-01 01:00:00", "待机")].ShouldBe(3600);
        hourly.GroupBy(r => r.Key.Time).ShouldAllBe(hour => hour.Sum(r => r.Value) == 3600);
    }
}
