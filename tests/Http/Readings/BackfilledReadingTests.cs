using System.Globalization;
using System.Text.Json.Nodes;
using Energy.Domain.Alarms;
using Energy.Domain.Oee;
using Energy.Http.Tests.Alarms;
using Energy.Http.Tests.Contract;
using Energy.Http.Tests.Meters;
using Energy.Http.Tests.Oee;
using Energy.Http.Tests.Support;
using Energy.Http.Tests.Vendor.Support;
using Energy.Application.EventStore;
using Microsoft.Extensions.DependencyInjection;

namespace Energy.Http.Tests.Readings;

/// <summary>
/// docs/ATTRIBUTION.md: meters, alarm rules and OEE rules created now judge readings pushed afterwards with
/// timestamps from last month exactly as readings stamped after their creation — a reading belongs to the meter
/// its device's first binding reaches back to, and a rule's first version applies before it existed.
/// </summary>
public sealed class BackfilledReadingTests
{
    private static readonly TimeZoneInfo Plant = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>(minutes after the plant's base hour, UA, EP, P, event codes): two UA excursions, a 130 kWh hour, one device event, four OEE statuses.</summary>
    private static readonly (int Minutes, decimal Ua, decimal Ep, decimal Kw, string Events)[] Script =
    [
        (0, 230, 1000, 0, "0"), (30, 260, 1065, 5, "0"), (60, 270, 1130, 50, "0"),
        (90, 230, 1140, 50, "1001"), (120, 280, 1150, 0, "0"), (150, 240, 1160, 0, "0"),
    ];

    /// <summary>What each plant must show, as (type, minutes after base of the alarm, of its clearing or -1, name).</summary>
    private static readonly (int Type, int At, int Cleared, string Name)[] ExpectedAlarms =
    [
        (1, 0, -1, "小时能耗"), (2, 30, 90, "电压越限"), (3, 90, -1, "A相过压"), (2, 120, 150, "电压越限"),
    ];

    private static readonly (int At, string Status)[] ExpectedStatuses = [(0, "停机"), (30, "待机"), (60, "运行"), (120, "停机")];

    [Fact]
    public async Task Rules_created_now_judge_readings_stamped_last_month_as_they_judge_fresh_ones_and_a_restart_raises_nothing_again()
    {
        var host = new AlarmHost();
        var client = await host.AdminClientAsync();
        var voltage = await client.AlarmAsync("电压越限", type: 2);
        var hourly = await client.AlarmAsync("小时能耗", type: 1, level: 2);
        var events = await client.AlarmAsync("设备事件", type: 3, level: 2);
        var now = AlarmCalls.PlantMinuteNow();
        var past = (Device: "111800000931", Base: now.Date.AddDays(-30).AddHours(10));
        var fresh = (Device: "111800000932", Base: now.Date.AddHours(now.Hour + 2));
        var machines = new Dictionary<string, long>();
        foreach (var (device, name) in new[] { (past.Device, "回填"), (fresh.Device, "新鲜") })
        {
            var machine = machines[device] = await client.CreateMachineAsync(name + "-机");
            var meter = await client.CreateMeterAsync(name + "-表", machine, $",\"Meter_Code\":\"{device}\"");
            await client.RuleAsync(name + "-电压", voltage, meter, 200, 250, "UA");
            await client.RuleAsync(name + "-小时", hourly, meter, 0, 100);
            await client.RuleAsync(name + "-事件", events, meter, 0, 9999);
            await client.OeeRuleAsync(name + "-停机", "停机", machine, meter, "0", "0.999");
            await client.OeeRuleAsync(name + "-待机", "待机", machine, meter, "1", "9.999");
            await client.OeeRuleAsync(name + "-运行", "运行", machine, meter, "10", "1000");
        }

        foreach (var (device, start) in new[] { past, fresh })
        {
            foreach (var step in Script)
            {
                await PushAsync(host, device, start.AddMinutes(step.Minutes), step);
            }
        }

        foreach (var (device, start, name) in new[] { (past.Device, past.Base, "回填"), (fresh.Device, fresh.Base, "新鲜") })
        {
            // Wait for the clearings too: the last excursion's clearing is the last reading's effect.
            var records = await client.RecordsAsync(a => Alarms(a, name + "-表", start).SequenceEqual(ExpectedAlarms));
            Alarms(records, name + "-表", start).ShouldBe(ExpectedAlarms, name);
            var from = Instant(start);
            var statuses = ExpectedStatuses.Select(s => (OeeScenario.Wall(from.AddMinutes(s.At)), s.Status)).ToArray();
            (await client.WaitForRecordsAsync(machines[device], from, from.AddDays(1), statuses)).ShouldBe(statuses, name);
        }

        var seconds = await client.StatisticsAsync(machines[past.Device], 3, Wall(past.Base.Date), Wall(past.Base.Date.AddDays(1)), 2);
        seconds[(Wall(past.Base), "停机")].ShouldBe(1800);
        seconds[(Wall(past.Base), "待机")].ShouldBe(1800);
        seconds[(Wall(past.Base.AddHours(1)), "运行")].ShouldBe(3600);
        seconds[(Wall(past.Base.AddHours(2)), "停机")].ShouldBe(3600);

        var triggered = (await host.Services.EventsAsync(nameof(AlarmTriggered))).Count;
        var changes = (await host.Services.EventsAsync(nameof(OeeStatusChanged))).Count;
        triggered.ShouldBe(2 * ExpectedAlarms.Length);
        changes.ShouldBe(2 * ExpectedStatuses.Length);
        await host.DisposeAsync();

        await using var restarted = new AlarmHost(host.Database);
        await restarted.ReactorsCaughtUpAsync();
        (await restarted.Services.EventsAsync(nameof(AlarmTriggered))).Count.ShouldBe(triggered);
        (await restarted.Services.EventsAsync(nameof(OeeStatusChanged))).Count.ShouldBe(changes);
    }

    [Fact]
    public async Task An_edited_rule_judges_readings_stamped_before_the_edit_by_its_old_limits_and_later_ones_by_the_new_even_in_one_push()
    {
        await using var host = new AlarmHost();
        var client = await host.AdminClientAsync();
        const string device = "111800000933";
        var meter = await client.MeterOnDeviceAsync("改限表", device);
        var alarm = await client.AlarmAsync("电压越限", type: 2);
        var rule = await client.RuleAsync("改限", alarm, meter, 200, 250, "UA");
        var beforeEdit = AlarmCalls.PlantMinuteNow().AddMinutes(-20);
        await Task.Delay(50);
        (await client.PutJson("/api_3/alarm_status_rules",
            $$"""{"id":{{rule}},"Rule_Name":"改限","Alarm_id":{{alarm}},"Meter_id":{{meter}},"Meter_Parameter":"UA","LowerLimit":200,"UpperLimit":240}""")).ErrNo.ShouldBe("0");
        var afterEdit = AlarmCalls.PlantMinuteNow().AddMinutes(2);

        JsonNode Reading(DateTime at, decimal ua)
        {
            var item = Pushes.Reading(Wall(at));
            item["axdy"] = JsonValue.Create(ua);
            return item;
        }

        var response = await host.CreateClient().PostJsonAsync("/api/bbi/push", Pushes.Push(device, "edit-" + Guid.NewGuid().ToString("N"),
            Reading(beforeEdit, 245), Reading(beforeEdit.AddMinutes(1), 230), Reading(afterEdit, 245), Reading(afterEdit.AddMinutes(1), 230)));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);

        var records = await client.RecordsAsync(a => a.Count() == 1 && a.Row().Text("Cleared_Time").Length > 0);
        records.Total().ShouldBe(1);
        (records.Row().Text("Alarm_Time"), records.Row().Text("Cleared_Time")).ShouldBe((Wall(afterEdit), Wall(afterEdit.AddMinutes(1))));
        records.Row().Text("Alarm_Content").ShouldContain("[200, 240]");
        await Task.Delay(300);
        (await host.Services.EventsAsync(nameof(AlarmTriggered))).Count.ShouldBe(1);
    }

    /// <summary>A meter's alarm records as (type, minutes after <paramref name="start"/>, clearing or -1, name), by time.</summary>
    private static (int, int, int, string)[] Alarms(Answer answer, string meter, DateTime start) =>
        answer.Rows().Where(r => r.Text("Meter_Name") == meter)
            .Select(r => (r.GetProperty("Alarm_Type").GetInt32(), Minutes(r.Text("Alarm_Time"), start),
                r.Text("Cleared_Time").Length == 0 ? -1 : Minutes(r.Text("Cleared_Time"), start), r.Text("Alarm_Name")))
            .OrderBy(a => a.Item2).ThenBy(a => a.Item1).ToArray();

    private static int Minutes(string wall, DateTime start) =>
        (int)(DateTime.ParseExact(wall, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) - start).TotalMinutes;

    private static async Task PushAsync(EnergyHost host, string device, DateTime at, (int Minutes, decimal Ua, decimal Ep, decimal Kw, string Events) step)
    {
        var item = Pushes.Reading(Wall(at), step.Ep, step.Events);
        item["axdy"] = JsonValue.Create(step.Ua);
        item["zyggl"] = JsonValue.Create(step.Kw);
        var response = await host.CreateClient().PostJsonAsync("/api/bbi/push", Pushes.Push(device, $"{device}-{at:yyyyMMddHHmm}", item));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private static string Wall(DateTime wallClock) => AlarmCalls.Wall(wallClock);

    private static DateTimeOffset Instant(DateTime wallClock) => new(wallClock, Plant.GetUtcOffset(wallClock));
}

internal static class BackfillCalls
{
    public static Task<long> OeeRuleAsync(this HttpClient client, string name, string status, long machine, long meter, string lower, string upper) =>
        client.CreateRuleAsync(name, status, machine, meter, "P", lower, upper);

    /// <summary>Bounded wait until every reactor has applied every event appended so far.</summary>
    public static async Task ReactorsCaughtUpAsync(this AlarmHost host)
    {
        var operations = host.Services.GetRequiredService<ProjectionOperations>();
        var last = await host.ScalarAsync("SELECT coalesce(max(seq_id), 0) FROM mt_events");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var statuses = await operations.StatusAsync();
            if (statuses.Where(s => s.Name.StartsWith("alarm_", StringComparison.Ordinal) || s.Name == "oee_status").All(s => s.State == ProcessorState.Running && s.Floor >= last))
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("the reactors did not catch up");
    }
}
