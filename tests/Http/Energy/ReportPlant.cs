using System.Globalization;
using Energy.Application.Energy.Reports;
using Energy.Http.Tests.Contract;
using Energy.Http.Tests.Meters;
using Energy.Http.Tests.Settings;
using Energy.Http.Tests.Support;

namespace Energy.Http.Tests.Consumption;

/// <summary>
/// A plant as a report shows it: an incoming meter 进线总表 (Meter_IsTotal, not counted), two counted electricity
/// meters on two machines, a virtual meter adding them (not counted), and a counted water meter; hourly readings for
/// three days from <see cref="Day"/> (the day after tomorrow, so the prices set first apply to all of them), busier
/// 08:00–20:00. 电 0.85 元/kWh, 自来水 3.5 元/t.
/// </summary>
public sealed class ReportPlant : IAsyncLifetime
{
    public EnergyQueryHost Host { get; } = new();

    public HttpClient Client { get; private set; } = null!;

    public DateOnly Day { get; } = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).Date).AddDays(2);

    public long Sequence { get; private set; }

    public async Task InitializeAsync()
    {
        Client = await Host.AdminClientAsync();
        (await Client.PutBody("/api_3/rate", """{"id":1,"Rate_Name":"电费","Rate_Type":"0","Rate_Value":"0.85","isSegmentation":"1","Rate_Unit":"元/kWh"}"""))
            .ErrNo.ShouldBe("0");
        (await Client.PutBody("/api_3/rate", """{"id":2,"Rate_Name":"水费","Rate_Type":"1","Rate_Value":"3.5","isSegmentation":"1","Rate_Unit":"元/t"}"""))
            .ErrNo.ShouldBe("0");
        var press = await Client.CreateMachineAsync("1号冲压线", "冲压车间");
        var mould = await Client.CreateMachineAsync("2号注塑机", "注塑车间");
        await Client.MeterAsync(press, "进线总表", ",\"Meter_Code\":\"RP-IN\",\"Meter_IsTotal\":\"1\"");
        var a = await Client.MeterAsync(press, "冲压线电表", ",\"Meter_Code\":\"RP-A\",\"Meter_IsCount\":\"1\"");
        var b = await Client.MeterAsync(mould, "注塑机电表", ",\"Meter_Code\":\"RP-B\",\"Meter_IsCount\":\"1\"");
        await Client.MeterAsync(press, "生产用电（虚拟）", $",\"Meter_IsVirtual\":\"1\",\"Meter_Formula\":\"{{{a}}}+{{{b}}}\"");
        await Client.MeterAsync(press, "冲压线水表", ",\"Meter_Code\":\"RP-W\",\"Meter_IsCount\":\"1\"", type: "\"1\"");

        await Host.PushAsync("RP-A", Readings(h => 8m + (Busy(h) ? 12m : 0m) + (h % 3)));
        await Host.PushAsync("RP-B", Readings(h => 5m + (Busy(h) ? 6m : 0m) + (h % 2 * 1.5m)));
        await Host.PushAsync("RP-IN", Readings(h => 8m + (Busy(h) ? 12m : 0m) + (h % 3) + 5m + (Busy(h) ? 6m : 0m) + (h % 2 * 1.5m) + 1.2m));
        await Host.PushAsync("RP-W", Readings(h => 0.5m + (Busy(h) ? 1.5m : 0m)));
        Sequence = await Host.EnergyCaughtUpAsync();
    }

    public Task DisposeAsync()
    {
        Host.Dispose();
        return Task.CompletedTask;
    }

    public string At(int days) => Text(Day.AddDays(days));

    /// <summary>The day, month and year reports' windows (Time_Type, Time_Start, Time_End) around <see cref="Day"/>.</summary>
    public (string Type, string Start, string End) Window(string kind) => kind switch
    {
        "day" => ("3", At(0), At(1)),
        "month" => ("2", Text(new DateOnly(Day.Year, Day.Month, 1)), Text(new DateOnly(Day.Year, Day.Month, 1).AddMonths(1))),
        _ => ("1", $"{Day.Year}-01-01 00:00:00", $"{Day.Year + 1}-01-01 00:00:00"),
    };

    /// <summary>Writes a by-meter report of the window and downloads it: its name, bytes and As_Of_Sequence.</summary>
    public async Task<(string Name, byte[] Bytes, long Sequence)> ReportAsync(string kind)
    {
        var (type, start, end) = Window(kind);
        var created = await Client.PostJson("/api_3/report",
            $$"""{"Time_Type":"{{type}}","Time_Start":"{{start}}","Time_End":"{{end}}","Amount_Type":"2"}""");
        created.ErrNo.ShouldBe("0", created.Body);
        var row = created.Rows().ShouldHaveSingleItem();
        var name = row.Text("File_Name");
        ReportNames.IsValid(name).ShouldBeTrue(name);
        var download = await Client.GetAsync(new Uri("/api_3/report?File_Name=" + Uri.EscapeDataString(name), UriKind.Relative));
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (name, await download.Content.ReadAsByteArrayAsync(), row.GetProperty("As_Of_Sequence").GetInt64());
    }

    private static string Text(DateOnly day) => day.ToDateTime(TimeOnly.MinValue).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static bool Busy(int hour) => hour is >= 8 and < 20;

    private (string At, decimal Kwh)[] Readings(Func<int, decimal> perHour)
    {
        var result = new List<(string, decimal)>();
        var counter = 1000m;
        var start = Day.ToDateTime(TimeOnly.MinValue);
        for (var h = 0; h <= 72; h++)
        {
            result.Add((start.AddHours(h).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), counter));
            counter += perHour(h % 24);
        }

        return [.. result];
    }
}
