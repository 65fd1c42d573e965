using Energy.Http.Tests.Meters;
using Energy.Http.Tests.Settings;
using Energy.Http.Tests.Support;

namespace Energy.Http.Tests.Consumption;

/// <summary>CONTRACT §6 reporting periods as the queries count them (own host: the settings are plant-wide).</summary>
public sealed class ReportingPeriodTests
{
    [Fact]
    public async Task With_Day_Start_07_30_a_month_query_cuts_its_days_at_07_30()
    {
        using var host = new EnergyQueryHost();
        var client = await host.AdminClientAsync();
        (await client.PutBody("/api_3/personalise", SettingsRequests.Periods("1", "1", "1", "1", "07:30:00", "07:30:00"))).ErrNo.ShouldBe("0");
        var machine = await client.CreateMachineAsync("早班机");
        await client.MeterAsync(machine, "早班表", ",\"Meter_Code\":\"D-DAY\"");
        await host.PushAsync("D-DAY", ("2019-04-02 07:00:00", 0m), ("2019-04-02 08:00:00", 60m));
        await host.EnergyCaughtUpAsync();

        var daily = (await client.QueryAsync("detailenergy",
            ("Time_Type", "2"), ("Time_Start", "2019-04-01 00:00:00"), ("Time_End", "2019-05-01 00:00:00"),
            ("Amount_Type", "2"), ("Amount_SortName", "早班表"))).Points("早班表");

        daily.Count.ShouldBe(30);
        daily.Keys.First().ShouldBe("2019-04-01 07:30:00");
        daily["2019-04-01 07:30:00"].ShouldBe("30.00");
        daily["2019-04-02 07:30:00"].ShouldBe("30.00");
        daily["2019-04-03 07:30:00"].ShouldBe("0.00");
    }
}
