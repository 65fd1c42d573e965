using System.Text.Json;
using Energy.Http.Tests.Contract;
using Energy.Http.Tests.Meters;
using Energy.Http.Tests.Support;
using Energy.Http.Tests.Vendor.Support;

namespace Energy.Http.Tests.Measurements;

/// <summary>Seed 3.3 over readings pushed through the vendor webhook.</summary>
public sealed class MeasureTests
{
    private const string Device = "111800000901";

    private static async Task PushAsync(VendorHost host, string dataId, string at, decimal ua)
    {
        var reading = Pushes.Reading(sjsj: at);
        reading["axdy"] = ua;
        (await host.CreateClient().PostJsonAsync("/api/bbi/push", Pushes.Push(Device, dataId, reading))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static async Task<JsonElement[]> MeasureAsync(HttpClient client, string query, Func<JsonElement[], bool> ready)
    {
        for (var attempt = 0; ; attempt++)
        {
            var answer = await client.GetAnswer("/api_3/measure?" + query);
            answer.ErrNo.ShouldBe("0", answer.Body);
            var rows = answer.Json.GetProperty("Data").EnumerateArray().ToArray();
            if (ready(rows) || attempt == 200)
            {
                return rows;
            }

            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task A_day_shows_the_latest_sample_at_each_point_and_a_month_the_average_per_day()
    {
        await using var host = new VendorHost();
        var client = await host.AdminClientAsync();
        await client.CreateMeterAsync("冲床电表", await client.CreateMachineAsync("冲床"), $",\"Meter_Code\":\"{Device}\"");
        await PushAsync(host, "m1", "2019-04-01 00:00:00", 220m);
        await PushAsync(host, "m2", "2019-04-01 00:40:00", 230m);
        await PushAsync(host, "m3", "2019-04-01 01:10:00", 240m);
        await PushAsync(host, "m4", "2019-04-02 12:00:00", 250m);

        // The window is the whole reporting day Time_Start names (CONTRACT §6), one point an hour.
        // Waits until all three of the day's samples show (pages are not one per push), not where they show.
        var day = await MeasureAsync(client, "Time_Type=3&Meter_Name=冲床电表&Time_Start=2019-04-01 00:00:00&Time_End=2019-04-01 03:00:00&Measure_Name=UA",
            rows => rows.Length == 24 && rows.Select(r => r.GetProperty("Measure_Value").GetString()).Where(v => v != "").Distinct().Count() == 3);
        day.Take(3).Select(r => (r.GetProperty("TIme").GetString(), r.GetProperty("Measure_Value").GetString()))
            .ShouldBe([("2019-04-01 00:00:00", "220"), ("2019-04-01 01:00:00", "230"), ("2019-04-01 02:00:00", "240")]);
        day[^1].GetProperty("Measure_Value").GetString().ShouldBe("240", "the latest sample holds until the next");

        // The whole reporting month, one point a day: days without samples have no average.
        // Wait for the second day's sample too: the day query above only waited for the first day's.
        var month = await MeasureAsync(client, "Time_Type=2&Meter_Name=冲床电表&Time_Start=2019-04-01 00:00:00&Time_End=2019-04-03 00:00:00&Measure_Name=UA",
            rows => rows.Length == 30 && rows[1].GetProperty("Measure_Value").GetString() != "");
        month.Select(r => r.GetProperty("Measure_Value").GetString()).ShouldBe(["230", "250", .. Enumerable.Repeat("", 28)]);

        var meter = (await client.GetAnswer("/api_3/meters?Meter_Code=" + Device)).Json.GetProperty("Data")[0];
        meter.GetProperty("Meter_Parameter").GetString()!.Split(',').ShouldContain("UA");
        meter.GetProperty("Meter_Parameter").GetString()!.Split(',').ShouldNotContain("EP");
    }

    [Fact]
    public async Task An_unknown_meter_is_4002_and_a_missing_time_type_is_4103()
    {
        await using var host = new VendorHost();
        var client = await host.AdminClientAsync();

        (await client.GetAnswer("/api_3/measure?Time_Type=3&Meter_Name=nothing&Time_Start=2019-04-01 00:00:00&Time_End=2019-04-02 00:00:00")).ErrNo.ShouldBe("4002");
        var missing = await client.GetAnswer("/api_3/measure?Meter_Name=nothing&Time_Start=2019-04-01 00:00:00&Time_End=2019-04-02 00:00:00");
        missing.ErrNo.ShouldBe("4103");
        missing.ErrMsg.ShouldContain("Time_Type");
    }
}
