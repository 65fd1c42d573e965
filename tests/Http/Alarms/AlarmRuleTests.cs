using Energy.Http.Tests.Contract;
using Energy.Http.Tests.Meters;
using Energy.Http.Tests.Support;

namespace Energy.Http.Tests.Alarms;

public sealed class AlarmRuleTests
{
    [Fact]
    public async Task Alarms_and_rules_are_listed_with_every_field_and_rules_filter_by_alarm()
    {
        await using var host = new AlarmHost();
        var client = await host.AdminClientAsync();
        var meter = await client.MeterOnDeviceAsync("电表1", "111800000911");
        var over = await client.AlarmAsync("过压", type: 2, level: 3, notify: 3, address: "ops@example.com");
        var hourly = await client.AlarmAsync("能耗", type: 1, level: 1);
        await client.RuleAsync("A相电压", over, meter, 200, 250, "UA");
        await client.RuleAsync("小时能耗", hourly, meter, 0, 100);

        var alarms = await client.GetAnswer("/api_3/alarm_status");
        alarms.Total().ShouldBe(2);
        var first = alarms.Row();
        (first.Text("Alarm_Name"), first.GetProperty("Alarm_Level").GetInt32(), first.GetProperty("Alarm_Type").GetInt32(),
            first.GetProperty("Alarm_Notify").GetInt32(), first.Text("Notify_Address")).ShouldBe(("过压", 3, 2, 3, "ops@example.com"));

        var rules = await client.GetAnswer($"/api_3/alarm_status_rules?Alarm_id={over}");
        rules.Total().ShouldBe(1);
        var rule = rules.Row();
        (rule.Text("Rule_Name"), rule.GetProperty("Alarm_id").GetInt64(), rule.GetProperty("Meter_id").GetInt64(), rule.Text("Meter_Parameter"),
            rule.GetProperty("LowerLimit").GetDecimal(), rule.GetProperty("UpperLimit").GetDecimal()).ShouldBe(("A相电压", over, meter, "UA", 200m, 250m));
        (await client.GetAnswer("/api_3/alarm_status_rules?Per_Page_Counts=1&Page_Counts=2")).ShouldSatisfyAllConditions(
            a => a.Total().ShouldBe(2), a => a.Row().Text("Rule_Name").ShouldBe("小时能耗"));
    }

    [Fact]
    public async Task Refused_rules_name_their_fault_and_append_nothing()
    {
        await using var host = new AlarmHost();
        var client = await host.AdminClientAsync();
        var meter = await client.MeterOnDeviceAsync("电表2", "111800000912");
        var over = await client.AlarmAsync("过压", type: 2);
        var before = await host.ScalarAsync("SELECT count(*) FROM mt_events WHERE stream_id LIKE 'alarm-rule-%'");

        var missingMeter = await client.PostJson("/api_3/alarm_status_rules", $$"""{"Rule_Name":"r1","Alarm_id":{{over}},"Meter_id":999,"Meter_Parameter":"UA","LowerLimit":1,"UpperLimit":2}""");
        var noParameter = await client.PostJson("/api_3/alarm_status_rules", $$"""{"Rule_Name":"r2","Alarm_id":{{over}},"Meter_id":{{meter}},"LowerLimit":1,"UpperLimit":2}""");
        var reversed = await client.PostJson("/api_3/alarm_status_rules", $$"""{"Rule_Name":"r3","Alarm_id":{{over}},"Meter_id":{{meter}},"Meter_Parameter":"UA","LowerLimit":3,"UpperLimit":2}""");

        (missingMeter.ErrNo, noParameter.ErrNo, reversed.ErrNo).ShouldBe(("4004", "4103", "4103"));
        missingMeter.ErrMsg.ShouldContain("Meter_id");
        noParameter.ErrMsg.ShouldContain("Meter_Parameter");
        reversed.ErrMsg.ShouldContain("LowerLimit");
        (await host.ScalarAsync("SELECT count(*) FROM mt_events WHERE stream_id LIKE 'alarm-rule-%'")).ShouldBe(before);
    }

    [Fact]
    public async Task Names_are_unique_and_a_deleted_alarm_frees_its_name()
    {
        await using var host = new AlarmHost();
        var client = await host.AdminClientAsync();
        var first = await client.AlarmAsync("过压", type: 2);
        (await client.PostJson("/api_3/alarm_status", """{"Alarm_Name":"过压","Alarm_Type":2,"Alarm_Level":1,"Alarm_Notify":1,"Notify_Address":""}""")).ErrNo.ShouldBe("4003");

        (await client.PutJson("/api_3/alarm_status", $$"""{"id":{{first}},"Alarm_Name":"过压2","Alarm_Type":2,"Alarm_Level":2,"Alarm_Notify":2,"Notify_Address":"13800000000"}""")).ErrNo.ShouldBe("0");
        (await client.GetAnswer("/api_3/alarm_status")).Row().Text("Alarm_Name").ShouldBe("过压2");
        (await client.Delete($"/api_3/alarm_status?id={first}")).ErrNo.ShouldBe("0");
        (await client.GetAnswer("/api_3/alarm_status")).Total().ShouldBe(0);
        await client.AlarmAsync("过压2", type: 2);
    }
}
