using Energy.Http.Tests.Contract;
using Energy.Http.Tests.Meters;
using Energy.Http.Tests.Support;

namespace Energy.Http.Tests.Oee;

public sealed class OeeRuleTests(CatalogHost host) : IClassFixture<CatalogHost>
{
    [Fact]
    public async Task A_rule_is_added_listed_with_every_field_and_paging_changed_and_removed()
    {
        var client = await host.AdminClientAsync();
        var machine = await client.CreateMachineAsync("规则-压机");
        var meter = await client.CreateMeterAsync("规则-电表", machine);
        var stop = await client.CreateRuleAsync("规则-停机", "停机", machine, meter, "P", "0", "0.999");
        var run = await client.CreateRuleAsync("规则-运行", "运行", machine, meter, "IA", "10.5", "1000");

        var page = await client.GetAnswer($"/api_3/OEE_status_rules?Meter_Superior_id={machine}&Per_Page_Counts=1&Page_Counts=2");
        page.Total().ShouldBe(2);
        var row = page.Rows().Single();
        row.GetProperty("id").GetInt64().ShouldBe(run);
        row.Text("Rule_Name").ShouldBe("规则-运行");
        row.Text("Status_Name").ShouldBe("运行");
        row.GetProperty("Meter_id").GetInt64().ShouldBe(meter);
        row.Text("Meter_Parameter").ShouldBe("IA");
        row.GetProperty("LowerLimit").GetDecimal().ShouldBe(10.5m);
        row.GetProperty("UpperLimit").GetDecimal().ShouldBe(1000m);
        row.GetProperty("Meter_Superior_id").GetString().ShouldBe(machine.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var changed = await client.PutJson("/api_3/OEE_status_rules", $$"""
            {"id":{{stop}},"Rule_Name":"规则-停机2","Status_Name":"关机","Meter_id":"{{meter}}","Meter_Parameter":"UA",
             "LowerLimit":"0","UpperLimit":5,"Meter_Superior_id":{{machine}}}
            """);
        changed.ErrNo.ShouldBe("0", changed.Body);
        var first = (await client.GetAnswer($"/api_3/OEE_status_rules?Meter_Superior_id={machine}")).Rows()[0];
        (first.Text("Rule_Name"), first.Text("Status_Name"), first.Text("Meter_Parameter"), first.GetProperty("UpperLimit").GetDecimal())
            .ShouldBe(("规则-停机2", "关机", "UA", 5m));

        (await client.Delete($"/api_3/OEE_status_rules?id={stop}")).ErrNo.ShouldBe("0");
        (await client.GetAnswer($"/api_3/OEE_status_rules?Meter_Superior_id={machine}")).Total().ShouldBe(1);
        (await host.StreamTypesAsync($"oee_rule-{stop}")).ShouldBe(["OeeRuleAdded", "OeeRuleChanged", "OeeRuleRemoved"]);
        await client.CreateRuleAsync("规则-停机2", "停机", machine, meter, "P", "0", "1");
    }

    [Fact]
    public async Task Bad_rules_get_their_code_naming_the_field_and_append_nothing()
    {
        var client = await host.AdminClientAsync();
        var machine = await client.CreateMachineAsync("坏规则-压机");
        var other = await client.CreateMachineAsync("坏规则-焊机");
        var meter = await client.CreateMeterAsync("坏规则-电表", machine);
        var elsewhere = await client.CreateMeterAsync("坏规则-焊机表", other);
        var rule = await client.CreateRuleAsync("坏规则-运行", "运行", machine, meter, "P", "10", "1000");
        var before = await host.CatalogEventCountAsync();
        var rulesBefore = (await client.GetAnswer("/api_3/OEE_status_rules?Per_Page_Counts=1000")).Total();

        var unknownParameter = await client.PostRuleAsync("坏-1", "运行", machine, meter, "kW", "0", "1");
        unknownParameter.ShouldSatisfyAllConditions(a => a.ErrNo.ShouldBe("4103"), a => a.ErrMsg.ShouldContain("Meter_Parameter"));
        var reversed = await client.PostRuleAsync("坏-2", "运行", machine, meter, "P", "10", "1");
        reversed.ShouldSatisfyAllConditions(a => a.ErrNo.ShouldBe("4103"), a => a.ErrMsg.ShouldContain("LowerLimit"));
        var missing = await client.PostJson("/api_3/OEE_status_rules", $$"""{"Rule_Name":"坏-3","Status_Name":"运行","Meter_id":{{meter}},"Meter_Parameter":"P","LowerLimit":0,"Meter_Superior_id":{{machine}}}""");
        missing.ShouldSatisfyAllConditions(a => a.ErrNo.ShouldBe("4103"), a => a.ErrMsg.ShouldContain("UpperLimit"));
        var noMachine = await client.PostRuleAsync("坏-4", "运行", 999999, meter, "P", "0", "1");
        noMachine.ShouldSatisfyAllConditions(a => a.ErrNo.ShouldBe("4004"), a => a.ErrMsg.ShouldContain("Meter_Superior_id"));
        var noMeter = await client.PostRuleAsync("坏-5", "运行", machine, 999999, "P", "0", "1");
        noMeter.ShouldSatisfyAllConditions(a => a.ErrNo.ShouldBe("4004"), a => a.ErrMsg.ShouldContain("Meter_id"));
        var wrongMachine = await client.PostRuleAsync("坏-6", "运行", machine, elsewhere, "P", "0", "1");
        wrongMachine.ShouldSatisfyAllConditions(a => a.ErrNo.ShouldBe("4004"), a => a.ErrMsg.ShouldContain("belongs to machine"));
        (await client.PostRuleAsync("坏规则-运行", "运行", machine, meter, "P", "0", "1")).ErrNo.ShouldBe("4003");
        var unknownRule = await client.PutJson("/api_3/OEE_status_rules", $$"""
            {"id":999999,"Rule_Name":"x","Status_Name":"运行","Meter_id":{{meter}},"Meter_Parameter":"P","LowerLimit":0,"UpperLimit":1,"Meter_Superior_id":{{machine}}}
            """);
        unknownRule.ErrNo.ShouldBe("4002");
        (await client.Delete("/api_3/OEE_status_rules?id=999999")).ErrNo.ShouldBe("4002");

        (await host.StreamTypesAsync($"oee_rule-{rule}")).ShouldBe(["OeeRuleAdded"]);
        (await host.CatalogEventCountAsync()).ShouldBe(before);
        (await client.GetAnswer("/api_3/OEE_status_rules?Per_Page_Counts=1000")).Total().ShouldBe(rulesBefore);
    }
}
