using Energy.Http.Tests.Meters;
using Energy.Http.Tests.Settings;
using Energy.Http.Tests.Support;

namespace Energy.Http.Tests.Consumption;

/// <summary>(ext) Total_Cost at the rate in force at each moment (CONTRACT §6 4.1/4.2). Readings are after the rate changes.</summary>
public sealed class CostTests
{
    [Fact]
    public async Task A_flat_rate_prices_every_unit_alike_and_a_segmented_rate_prices_its_segment_apart()
    {
        using var host = new EnergyQueryHost();
        var client = await host.AdminClientAsync();
        (await client.PutBody("/api_3/rate", """
            {"id":1,"Rate_Name":"电费","Rate_Type":"0","Rate_Value":"0.85","isSegmentation":"1","Rate_Unit":"元/kWh"}
            """)).ErrNo.ShouldBe("0");
        (await client.PutBody("/api_3/rate", """
            {"id":2,"Rate_Name":"水费","Rate_Type":"1","isSegmentation":"0","Seg_Begin":"08:00:00","Seg_Begin_Rate":"1.2",
             "Seg_End":"22:00:00","Seg_End_Rate":"0.4","Rate_Unit":"元/t"}
            """)).ErrNo.ShouldBe("0");
        var machine = await client.CreateMachineAsync("计费机");
        await client.MeterAsync(machine, "计费电", ",\"Meter_Code\":\"C-E\"");
        await client.MeterAsync(machine, "计费水", ",\"Meter_Code\":\"C-W\"", type: "\"1\"");
        var day = DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await host.PushAsync("C-E", ($"{day} 07:00:00", 0m), ($"{day} 09:00:00", 20m));
        await host.PushAsync("C-W", ($"{day} 07:00:00", 0m), ($"{day} 09:00:00", 20m));
        await host.EnergyCaughtUpAsync();

        (string, string)[] query = [("Time_Type", "3"), ("Time_Start", $"{day} 00:00:00"), ("Time_End", $"{day} 23:59:59"), ("Amount_Type", "2")];
        var totals = (await client.QueryAsync("allenergy", query)).Rows().ToDictionary(r => r.Text("Meter_Name"));
        totals["计费电"].Text("Total_Amount").ShouldBe("20.00");
        totals["计费电"].Text("Total_Cost").ShouldBe("17.00");
        totals["计费水"].Text("Total_Cost").ShouldBe("16.00"); // 10 t × 0.4 before 08:00, 10 t × 1.2 after

        var water = (await client.QueryAsync("detailenergy", [.. query, ("Amount_SortName", "计费水")])).Rows()
            .ToDictionary(r => r.Text("Time")[11..], r => r.Text("Total_Cost"));
        water["07:00:00"].ShouldBe("4.00");
        water["08:00:00"].ShouldBe("12.00");
    }
}
