using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Energy.Http.Tests.Contract;
using Energy.Http.Tests.Meters;
using Energy.Http.Tests.Vendor.Support;

namespace Energy.Http.Tests.Oee;

/// <summary>A clock that ticks in real time from wherever the test sets it (rules are made "before" a scripted day).</summary>
public sealed class ShiftedClock : TimeProvider
{
    private long offsetTicks;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddTicks(Interlocked.Read(ref offsetTicks));

    public void Set(DateTimeOffset now) => Interlocked.Exchange(ref offsetTicks, (now - base.GetUtcNow()).Ticks);
}

/// <summary>OEE starting states and waits, as clients (the web front end and the vendor) reach them.</summary>
public static class OeeScenario
{
    /// <summary>2024-03-01 00:00 in Asia/Shanghai, the scripted day.</summary>
    public static readonly DateTimeOffset Day = new(2024, 3, 1, 0, 0, 0, TimeSpan.FromHours(8));

    public static string Wall(DateTimeOffset instant) =>
        instant.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static Task<Answer> PostRuleAsync(this HttpClient client, string name, string status, long machine, long meter, string parameter, string lower, string upper) =>
        client.PostJson("/api_3/OEE_status_rules", $$"""
            {"Rule_Name":"{{name}}","Status_Name":"{{status}}","Meter_id":{{meter}},"Meter_Parameter":"{{parameter}}",
             "LowerLimit":{{lower}},"UpperLimit":{{upper}},"Meter_Superior_id":"{{machine}}"}
            """);

    public static async Task<long> CreateRuleAsync(this HttpClient client, string name, string status, long machine, long meter, string parameter, string lower, string upper)
    {
        var answer = await client.PostRuleAsync(name, status, machine, meter, parameter, lower, upper);
        answer.ErrNo.ShouldBe("0", answer.Body);
        return answer.Json.GetProperty("Data")[0].GetProperty("id").GetInt64();
    }

    /// <summary>A machine with one metered device and the three rules on its total active power P.</summary>
    public static async Task<long> PressWithPowerRulesAsync(this HttpClient client, string prefix, string device)
    {
        var machine = await client.CreateMachineAsync(prefix + "-压机");
        var meter = await client.CreateMeterAsync(prefix + "-电表", machine, $",\"Meter_Code\":\"{device}\"");
        // CONTRACT §7 limits are closed; [0,1) and [1,10) are written with the readings' 3 decimals.
        await client.CreateRuleAsync(prefix + "-停机", "停机", machine, meter, "P", "0", "0.999");
        await client.CreateRuleAsync(prefix + "-待机", "待机", machine, meter, "P", "1", "9.999");
        await client.CreateRuleAsync(prefix + "-运行", "运行", machine, meter, "P", "10", "1000");
        return machine;
    }

    /// <summary>One signed vendor push of a reading with total active power <paramref name="kw"/> at plant time <paramref name="at"/>.</summary>
    public static async Task PushPowerAsync(this HttpClient vendor, string device, DateTimeOffset at, decimal kw)
    {
        var reading = Pushes.Reading(Wall(at));
        reading["zyggl"] = JsonValue.Create(kw);
        using var response = await vendor.PostJsonAsync("/api/bbi/push", Pushes.Push(device, $"{device}-{at.ToUnixTimeSeconds()}", reading));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    public static async Task<(string Time, string Status)[]> RecordsAsync(this HttpClient client, long machine, DateTimeOffset start, DateTimeOffset end)
    {
        var answer = await client.GetAnswer($"/api_3/OEE_statistic_records?Meter_Superior_id={machine}&Time_Start={Wall(start)}&Time_End={Wall(end)}");
        answer.ErrNo.ShouldBe("0", answer.Body);
        return answer.Rows().Select(r => (r.Text("Time"), r.Text("Status_Name"))).ToArray();
    }

    /// <summary>Polls 7.5 (the daemon fills it asynchronously) until it shows <paramref name="expected"/>, at most 30 s.</summary>
    public static async Task<(string Time, string Status)[]> WaitForRecordsAsync(this HttpClient client, long machine, DateTimeOffset start, DateTimeOffset end, (string, string)[] expected)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var rows = await client.RecordsAsync(machine, start, end);
            if (rows.SequenceEqual(expected) || watch.Elapsed > TimeSpan.FromSeconds(30))
            {
                return rows;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>7.6 rows as (Time, Status_Name) → seconds.</summary>
    public static async Task<Dictionary<(string Time, string Status), long>> StatisticsAsync(this HttpClient client, long machine, int timeType, string start, string end, int format)
    {
        var answer = await client.GetAnswer($"/api_3/OEE_statistic?Meter_Superior_id={machine}&Time_Type={timeType}&Time_Start={start}&Time_End={end}&Return_Format={format}");
        answer.ErrNo.ShouldBe("0", answer.Body);
        return answer.Rows().ToDictionary(r => (r.Text("Time"), r.Text("Status_Name")), r => r.GetProperty("Total_Amount").GetInt64());
    }
}
