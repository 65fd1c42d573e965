using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Energy.Http.Tests.Contract;
using Energy.Http.Tests.Meters;
using Energy.Http.Tests.Support;
using Energy.Http.Tests.Vendor.Support;
using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace Energy.Http.Tests.Alarms;

/// <summary>The service with the vendor's secrets and fast notification retries, optionally over an existing database.</summary>
public sealed class AlarmHost(string? database = null, IReadOnlyDictionary<string, string>? settings = null) : EnergyHost
{
    public string Database => database ?? ConnectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ConnectionStrings:Energy", Database);
        builder.UseSetting("Energy:Vendor:Username", VendorHost.Username);
        builder.UseSetting("Energy:Vendor:Password", VendorHost.Password);
        builder.UseSetting("Energy:Vendor:SecretKey", VendorHost.SecretKey);
        builder.UseSetting("Energy:Notify:RetryBackoff", "00:00:00.100");
        builder.UseSetting("Energy:Notify:SendTimeout", "00:00:05");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(Database);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}

/// <summary>Alarm scenarios through the API, as a client and the collector make them.</summary>
public static class AlarmCalls
{
    private static readonly TimeZoneInfo Plant = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>The plant's wall clock now, to the minute, so readings fall after the meter's binding.</summary>
    public static DateTime PlantMinuteNow()
    {
        var now = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Plant).DateTime;
        return new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, DateTimeKind.Unspecified);
    }

    public static string Wall(DateTime wallClock) => wallClock.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>A machine and a meter bound to <paramref name="device"/>; returns the meter id.</summary>
    public static async Task<long> MeterOnDeviceAsync(this HttpClient client, string name, string device)
    {
        var machine = await client.CreateMachineAsync("机器-" + name);
        return await client.CreateMeterAsync(name, machine, $",\"Meter_Code\":\"{device}\"");
    }

    public static async Task<long> CreateAsync(this HttpClient client, string url, string json)
    {
        var answer = await client.PostJson(url, json);
        answer.ErrNo.ShouldBe("0", answer.Body);
        return answer.Json.GetProperty("Data")[0].GetProperty("id").GetInt64();
    }

    public static Task<long> AlarmAsync(this HttpClient client, string name, int type, int level = 3, int notify = 1, string address = "") =>
        client.CreateAsync("/api_3/alarm_status",
            $$"""{"Alarm_Name":"{{name}}","Alarm_Type":{{type}},"Alarm_Level":{{level}},"Alarm_Notify":{{notify}},"Notify_Address":"{{address}}"}""");

    public static Task<long> RuleAsync(this HttpClient client, string name, long alarm, long meter, decimal lower, decimal upper, string? parameter = null) =>
        client.CreateAsync("/api_3/alarm_status_rules",
            $$"""{"Rule_Name":"{{name}}","Alarm_id":{{alarm}},"Meter_id":{{meter}},{{(parameter is null ? "" : $"\"Meter_Parameter\":\"{parameter}\",")}}"LowerLimit":{{lower}},"UpperLimit":{{upper}}}""");

    /// <summary>A signed push of one reading: UA and the EP counter at a plant wall-clock time, with event codes.</summary>
    public static async Task PushAsync(this EnergyHost host, string device, DateTime at, decimal ua = 230, decimal ep = 10, string sjzt = "0")
    {
        var item = Pushes.Reading(Wall(at), ep, sjzt);
        item["axdy"] = JsonValue.Create(ua);
        var dataId = $"{device}-{at:yyyyMMddHHmmss}-{Guid.NewGuid():N}";
        var response = await host.CreateClient().PostJsonAsync("/api/bbi/push", Pushes.Push(device, dataId, item));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>6.9 over a wide window, polled until <paramref name="done"/> holds (bounded).</summary>
    public static async Task<Answer> RecordsAsync(this HttpClient client, Func<Answer, bool> done, string filter = "")
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var answer = await client.GetAnswer($"/api_3/alarm_message?Time_Start=2000-01-01%2000:00:00&Time_End=2100-01-01%2000:00:00&Per_Page_Counts=100{filter}");
            if (done(answer) || DateTime.UtcNow > deadline)
            {
                return answer;
            }

            await Task.Delay(50);
        }
    }

    public static async Task<Answer> UntilAsync(this HttpClient client, string url, Func<Answer, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var answer = await client.GetAnswer(url);
            if (done(answer) || DateTime.UtcNow > deadline)
            {
                return answer;
            }

            await Task.Delay(50);
        }
    }

    public static int Count(this Answer answer) => answer.Json.TryGetProperty("Data", out var data) ? data.GetArrayLength() : -1;

    public static JsonElement Row(this Answer answer, int index = 0) => answer.Json.GetProperty("Data")[index];
}
