using Energy.Domain.Alarms;
using Energy.Http.Tests.Contract;
using Energy.Http.Tests.Meters;
using Energy.Http.Tests.Support;
using Energy.Http.Tests.Vendor.Support;

namespace Energy.Http.Tests.Alarms;

public sealed class AlarmEvaluationTests
{
    [Fact]
    public async Task A_voltage_outside_its_limits_raises_one_alarm_until_it_comes_back_and_is_counted_once_that_day()
    {
        await using var host = new AlarmHost();
        var client = await host.AdminClientAsync();
        const string device = "111800000921";
        var meter = await client.MeterOnDeviceAsync("电表UA", device);
        var alarm = await client.AlarmAsync("电压越限", type: 2, level: 3);
        await client.RuleAsync("A相电压", alarm, meter, 200, 250, "UA");
        var t0 = AlarmCalls.PlantMinuteNow().AddMinutes(1);

        await host.PushAsync(device, t0, ua: 260);
        var raised = await client.RecordsAsync(a => a.Count() == 1);

        var record = raised.Row();
        (record.Text("Alarm_Name"), record.Text("Rule_Name"), record.Text("Meter_Name"), record.GetProperty("Alarm_Level").GetInt32(),
            record.GetProperty("Alarm_Type").GetInt32(), record.Text("Alarm_Time")).ShouldBe(("电压越限", "A相电压", "电表UA", 3, 2, AlarmCalls.Wall(t0)));
        record.Text("Alarm_Content").ShouldSatisfyAllConditions(c => c.ShouldContain("A相电压"), c => c.ShouldContain("UA = 260"), c => c.ShouldContain("[200, 250]"));

        await host.PushAsync(device, t0.AddMinutes(1), ua: 255);
        await host.PushAsync(device, t0.AddMinutes(2), ua: 270);
        await host.PushAsync(device, t0.AddMinutes(3), ua: 300);
        await host.PushAsync(device, t0.AddMinutes(4), ua: 230);
        var cleared = await client.RecordsAsync(a => a.Count() == 1 && a.Row().Text("Cleared_Time").Length > 0);

        cleared.Total().ShouldBe(1);
        cleared.Row().Text("Cleared_Time").ShouldBe(AlarmCalls.Wall(t0.AddMinutes(4)));
        (await host.Services.EventsAsync(nameof(AlarmTriggered))).Count.ShouldBe(1);
        (await host.Services.EventsAsync(nameof(AlarmCleared))).Count.ShouldBe(1);

        var day = t0.Date;
        var url = $"/api_3/alarm_statistic_nums?Time_Type=3&Time_Start={AlarmCalls.Wall(day)}&Time_End={AlarmCalls.Wall(day.AddDays(1))}&Statistic_Method=0&Return_Format=1";
        var counted = await client.UntilAsync(url, a => a.Count() == 1 && a.Row().GetProperty("Total_Amount").GetInt64() == 1);
        counted.Row().GetProperty("Total_Amount").GetInt64().ShouldBe(1);
        counted.Row().Text("Time").ShouldBe(AlarmCalls.Wall(day));
        var byLevel = await client.GetAnswer(url.Replace("Statistic_Method=0&Return_Format=1", "Statistic_Method=1&Return_Format=2", StringComparison.Ordinal));
        byLevel.Count().ShouldBe(24 * 3);
        byLevel.Rows().Where(r => r.GetProperty("Alarm_Level").GetInt32() == 3).Sum(r => r.GetProperty("Total_Amount").GetInt64()).ShouldBe(1);

        // A rebuild of the counts gives the same answer and raises nothing new.
        (await client.PostJson("/api_3/ops/projections/alarm_counts/rebuild", "{}")).ErrNo.ShouldBe("0");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await host.ScalarAsync("SELECT count(*) FROM projection_control WHERE name = 'alarm_counts' AND (rebuild_requested_at IS NOT NULL OR rebuild_state IS NOT NULL)") > 0
            && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        (await client.GetAnswer(url)).Row().GetProperty("Total_Amount").GetInt64().ShouldBe(1);
        (await host.Services.EventsAsync(nameof(AlarmTriggered))).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_late_reading_is_judged_in_time_order_and_never_doubles_an_alarm()
    {
        await using var host = new AlarmHost();
        var client = await host.AdminClientAsync();
        const string device = "111800000922";
        var meter = await client.MeterOnDeviceAsync("电表late", device);
        var alarm = await client.AlarmAsync("电压越限", type: 2);
        await client.RuleAsync("A相电压", alarm, meter, 200, 250, "UA");
        var t0 = AlarmCalls.PlantMinuteNow().AddMinutes(1);

        await host.PushAsync(device, t0, ua: 230);
        await host.PushAsync(device, t0.AddMinutes(4), ua: 230);
        await host.PushAsync(device, t0.AddMinutes(2), ua: 280);      // late: an episode the log lacked
        await client.RecordsAsync(a => a.Count() == 1 && a.Row().Text("Cleared_Time").Length > 0);
        await host.PushAsync(device, t0.AddMinutes(3), ua: 290);      // late, inside the recorded episode

        await Task.Delay(500);
        var records = await client.RecordsAsync(a => a.Count() == 1);
        records.Total().ShouldBe(1);
        records.Row().Text("Alarm_Time").ShouldBe(AlarmCalls.Wall(t0.AddMinutes(2)));
        records.Row().Text("Cleared_Time").ShouldBe(AlarmCalls.Wall(t0.AddMinutes(4)));
        (await host.Services.EventsAsync(nameof(AlarmTriggered))).Count.ShouldBe(1);
    }

    [Fact]
    public async Task An_hour_of_130_kWh_against_a_0_to_100_rule_raises_one_alarm_for_that_hour()
    {
        await using var host = new AlarmHost();
        var client = await host.AdminClientAsync();
        const string device = "111800000923";
        var meter = await client.MeterOnDeviceAsync("电表hour", device);
        var alarm = await client.AlarmAsync("小时能耗", type: 1, level: 2);
        await client.RuleAsync("每小时能耗", alarm, meter, 0, 100);
        var now = AlarmCalls.PlantMinuteNow();
        var hour = now.Date.AddHours(now.Hour + 1);

        await host.PushAsync(device, hour, ep: 1000);
        await host.PushAsync(device, hour.AddMinutes(30), ep: 1065);
        await host.PushAsync(device, hour.AddHours(1), ep: 1130);     // completes the hour
        await host.PushAsync(device, hour.AddHours(1).AddMinutes(30), ep: 1140);
        var raised = await client.RecordsAsync(a => a.Count() == 1);

        raised.Total().ShouldBe(1);
        var record = raised.Row();
        (record.GetProperty("Alarm_Type").GetInt32(), record.GetProperty("Alarm_Level").GetInt32(), record.Text("Alarm_Time")).ShouldBe((1, 2, AlarmCalls.Wall(hour)));
        record.Text("Alarm_Content").ShouldSatisfyAllConditions(c => c.ShouldContain("130"), c => c.ShouldContain("[0, 100]"), c => c.ShouldContain("每小时能耗"));
        await Task.Delay(300);
        (await host.Services.EventsAsync(nameof(AlarmTriggered))).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_push_with_two_event_codes_raises_two_device_alarms_named_from_the_appendix()
    {
        await using var host = new AlarmHost();
        var client = await host.AdminClientAsync();
        const string device = "111800000924";
        var meter = await client.MeterOnDeviceAsync("电表event", device);
        var alarm = await client.AlarmAsync("设备事件", type: 3, level: 2);
        await client.RuleAsync("全部事件", alarm, meter, 0, 9999);

        await host.PushAsync(device, AlarmCalls.PlantMinuteNow().AddMinutes(1), sjzt: "1001,1016");
        var raised = await client.RecordsAsync(a => a.Count() == 2);

        raised.Rows().Select(r => r.Text("Alarm_Name")).Order().ShouldBe(["A相过压", "剩余电流"]);
        raised.Rows().ShouldAllBe(r => r.GetProperty("Alarm_Type").GetInt32() == 3 && r.Text("Rule_Name") == "全部事件");
        raised.Rows().Single(r => r.Text("Event_Name") == "剩余电流").Text("Alarm_Content").ShouldContain("1016");
        (await client.RecordsAsync(_ => true, "&Alarm_Type=3&Rule_Name=%E5%85%A8%E9%83%A8%E4%BA%8B%E4%BB%B6")).Total().ShouldBe(2);
        (await client.RecordsAsync(_ => true, "&Alarm_Type=2")).Total().ShouldBe(0);
    }
}
