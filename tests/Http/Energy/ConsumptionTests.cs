using Energy.Http.Tests.Contract;
using Energy.Http.Tests.Meters;
using Energy.Http.Tests.Support;

namespace Energy.Http.Tests.Consumption;

/// <summary>Hand-computed figures of 3.1/3.2 from signed pushes (CONTRACT §6 Consumption), each test on its own meters.</summary>
public sealed class ConsumptionTests(EnergyQueryHost host) : IClassFixture<EnergyQueryHost>
{
    private static readonly (string, string)[] Day = [("Time_Type", "3"), ("Time_Start", "2019-04-01 00:00:00"), ("Time_End", "2019-04-02 00:00:00")];

    private static (string, string)[] ByMeter(string name, params (string, string)[] more) =>
        [.. Day, ("Amount_Type", "2"), ("Amount_SortName", name), .. more];

    [Fact]
    public async Task Two_readings_100_and_140_kWh_two_hours_apart_give_20_kWh_in_each_hour_and_nothing_after_the_last()
    {
        var client = await host.AdminClientAsync();
        var machine = await client.CreateMachineAsync("两读数机");
        await client.MeterAsync(machine, "两读数表", ",\"Meter_Code\":\"D-TWO\"");
        await host.PushAsync("D-TWO", ("2019-04-01 10:00:00", 100m), ("2019-04-01 12:00:00", 140m));
        await host.EnergyCaughtUpAsync();

        var hourly = (await client.QueryAsync("detailenergy", ByMeter("两读数表"))).Points("两读数表");
        hourly.Count.ShouldBe(24);
        hourly["2019-04-01 09:00:00"].ShouldBe("0.00");
        hourly["2019-04-01 10:00:00"].ShouldBe("20.00");
        hourly["2019-04-01 11:00:00"].ShouldBe("20.00");
        hourly["2019-04-01 12:00:00"].ShouldBe("0.00");
        hourly["2019-04-01 23:00:00"].ShouldBe("0.00");

        var halfHourly = (await client.QueryAsync("detailenergy", ByMeter("两读数表", ("Time_Interval", "30")))).Points("两读数表");
        halfHourly.Count.ShouldBe(48);
        halfHourly["2019-04-01 10:30:00"].ShouldBe("10.00");
        halfHourly["2019-04-01 12:00:00"].ShouldBe("0.00");

        (await client.QueryAsync("allenergy", ByMeter("两读数表"))).Total("两读数表", "两读数机", department: "冲压车间").ShouldBe("40.00");
    }

    [Fact]
    public async Task A_counter_that_goes_down_is_a_reset_and_the_new_counter_counts_from_its_first_reading()
    {
        var client = await host.AdminClientAsync();
        var machine = await client.CreateMachineAsync("换表机");
        await client.MeterAsync(machine, "换表表", ",\"Meter_Code\":\"D-RESET\"");
        await host.PushAsync("D-RESET", ("2019-04-01 10:00:00", 100m), ("2019-04-01 11:00:00", 150m), ("2019-04-01 12:00:00", 5m), ("2019-04-01 13:00:00", 25m));
        await host.EnergyCaughtUpAsync();

        var hourly = (await client.QueryAsync("detailenergy", ByMeter("换表表"))).Points("换表表");
        hourly["2019-04-01 10:00:00"].ShouldBe("50.00");
        hourly["2019-04-01 11:00:00"].ShouldBe("0.00");
        hourly["2019-04-01 12:00:00"].ShouldBe("20.00");
        (await client.QueryAsync("allenergy", ByMeter("换表表"))).Total("换表表", "换表机", department: "冲压车间").ShouldBe("70.00");
    }

    [Fact]
    public async Task A_virtual_meter_is_its_formula_over_the_referenced_meters_in_each_interval()
    {
        var client = await host.AdminClientAsync();
        var machine = await client.CreateMachineAsync("虚拟机");
        var a = await client.MeterAsync(machine, "虚A", ",\"Meter_Code\":\"D-VA\"");
        var b = await client.MeterAsync(machine, "虚B", ",\"Meter_Code\":\"D-VB\"");
        var c = await client.MeterAsync(machine, "虚C", ",\"Meter_Code\":\"D-VC\"");
        await client.MeterAsync(machine, "虚合", $",\"Meter_IsVirtual\":\"1\",\"Meter_Formula\":\"{{{a}}}+{{{b}}}-{{{c}}}\"");
        await host.PushAsync("D-VA", ("2019-04-01 10:00:00", 0m), ("2019-04-01 12:00:00", 40m));
        await host.PushAsync("D-VB", ("2019-04-01 10:00:00", 0m), ("2019-04-01 11:00:00", 6m));
        await host.PushAsync("D-VC", ("2019-04-01 11:00:00", 0m), ("2019-04-01 12:00:00", 4m));
        await host.EnergyCaughtUpAsync();

        var hourly = (await client.QueryAsync("detailenergy", ByMeter("虚合"))).Points("虚合");
        hourly["2019-04-01 10:00:00"].ShouldBe("26.00"); // 20 + 6 - 0
        hourly["2019-04-01 11:00:00"].ShouldBe("16.00"); // 20 + 0 - 4
        (await client.QueryAsync("allenergy", ByMeter("虚合"))).Total("虚合", "虚拟机", department: "冲压车间").ShouldBe("42.00");
    }

    [Fact]
    public async Task A_hand_filled_day_amount_is_spread_evenly_over_its_hours()
    {
        var client = await host.AdminClientAsync();
        var machine = await client.CreateMachineAsync("填报机");
        var meter = await client.MeterAsync(machine, "填报表", ",\"Is_HandWork\":1", type: "\"1\"");
        (await client.PostJson("/api_3/PRP_manual_energy_measure_datas",
            $$"""{"Meter_id":{{meter}},"Date_Time":"2019-04-01 00:00:00","Date_Type":"3","Data_Amount":"48"}""")).ErrNo.ShouldBe("0");
        await host.EnergyCaughtUpAsync();

        var answer = await client.QueryAsync("detailenergy", ByMeter("填报表"));
        var hourly = answer.Points("填报表");
        hourly.Values.ShouldAllBe(v => v == "2.00");
        answer.Rows().First().Text("Ene_Name").ShouldBe("自来水");
    }

    [Fact]
    public async Task As_Of_Sequence_reproduces_a_figure_after_a_late_reading_changed_it()
    {
        var client = await host.AdminClientAsync();
        var machine = await client.CreateMachineAsync("迟到机");
        await client.MeterAsync(machine, "迟到表", ",\"Meter_Code\":\"D-LATE\"");
        await host.PushAsync("D-LATE", ("2019-04-01 10:00:00", 100m), ("2019-04-01 12:00:00", 140m));
        var printed = await host.EnergyCaughtUpAsync();

        await host.PushAsync("D-LATE", ("2019-04-01 11:00:00", 130m));
        await host.EnergyCaughtUpAsync();

        (await client.QueryAsync("detailenergy", ByMeter("迟到表"))).Points("迟到表")["2019-04-01 10:00:00"].ShouldBe("30.00");
        var then = ("As_Of_Sequence", printed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        (await client.QueryAsync("detailenergy", ByMeter("迟到表", then))).Points("迟到表")["2019-04-01 10:00:00"].ShouldBe("20.00");
        (await client.QueryAsync("allenergy", ByMeter("迟到表", then))).Total("迟到表", "迟到机", department: "冲压车间").ShouldBe("40.00");
    }

    [Fact]
    public async Task A_deleted_meter_stops_counting_at_its_deletion_and_keeps_what_it_counted_before()
    {
        var client = await host.AdminClientAsync();
        var machine = await client.CreateMachineAsync("删除机");
        var meter = await client.MeterAsync(machine, "删除表", ",\"Meter_Code\":\"D-DEL\"");
        var now = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));
        string Plant(DateTimeOffset t) => t.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        await host.PushAsync("D-DEL", (Plant(now.AddHours(-1)), 0m), (Plant(now.AddHours(1)), 20m));
        (await client.Delete($"/api_3/meters?id={meter}")).ErrNo.ShouldBe("0");
        await host.EnergyCaughtUpAsync();

        var total = decimal.Parse((await client.QueryAsync("allenergy", ("Time_Type", "3"), ("Time_Start", Plant(now.AddDays(-1))),
            ("Time_End", Plant(now.AddDays(1))), ("Amount_Type", "2"), ("Amount_SortName", "删除表"))).Total("删除表", "删除机", department: "冲压车间"),
            System.Globalization.CultureInfo.InvariantCulture);

        // 10 kWh per hour from an hour before "now" until the deletion a moment after it: about 10, never the whole 20.
        total.ShouldBeInRange(10m, 15m);
    }

    [Theory]
    [InlineData("Time_Type", "Time_Start=2019-04-01 00:00:00&Time_End=2019-04-02 00:00:00&Amount_Type=1")]
    [InlineData("Time_Type", "Time_Type=4&Time_Start=2019-04-01 00:00:00&Time_End=2019-04-02 00:00:00&Amount_Type=1")]
    [InlineData("Time_End", "Time_Type=3&Time_Start=2019-04-02 00:00:00&Time_End=2019-04-01 00:00:00&Amount_Type=1")]
    [InlineData("Time_Start", "Time_Type=3&Time_Start=yesterday&Time_End=2019-04-01 00:00:00&Amount_Type=1")]
    [InlineData("Amount_Type", "Time_Type=3&Time_Start=2019-04-01 00:00:00&Time_End=2019-04-02 00:00:00&Amount_Type=5")]
    [InlineData("Amount_Type", "Time_Type=3&Time_Start=2019-04-01 00:00:00&Time_End=2019-04-02 00:00:00")]
    [InlineData("Amount_Combination", "Time_Type=3&Time_Start=2019-04-01 00:00:00&Time_End=2019-04-02 00:00:00&Amount_Type=3&Amount_Combination=3")]
    [InlineData("Amount_Value", "Time_Type=3&Time_Start=2019-04-01 00:00:00&Time_End=2019-04-02 00:00:00&Amount_Type=1&Amount_Value=0,9")]
    [InlineData("Time_Interval", "Time_Type=3&Time_Start=2019-04-01 00:00:00&Time_End=2019-04-02 00:00:00&Amount_Type=1&Time_Interval=0")]
    [InlineData("Time_Interval", "Time_Type=3&Time_Start=2019-01-01 00:00:00&Time_End=2019-02-01 00:00:00&Amount_Type=1&Time_Interval=1")]
    [InlineData("As_Of_Sequence", "Time_Type=3&Time_Start=2019-04-01 00:00:00&Time_End=2019-04-02 00:00:00&Amount_Type=1&As_Of_Sequence=999999999")]
    public async Task An_invalid_query_is_4103_naming_the_field(string field, string query)
    {
        var client = await host.AdminClientAsync();

        var answer = await client.GetAnswer("/api_3/detailenergy?" + query.Replace(" ", "%20", StringComparison.Ordinal));

        answer.ErrNo.ShouldBe("4103", answer.Body);
        answer.Status.ShouldBe(HttpStatusCode.BadRequest);
        answer.ErrMsg.ShouldContain(field);
    }
}
