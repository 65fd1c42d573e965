using Energy.Application.Meters;
using Energy.Http.Tests.Contract;
using Energy.Http.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Energy.Http.Tests.Meters;

public sealed class MeterTests : IClassFixture<CatalogHost>
{
    private readonly CatalogHost host;

    public MeterTests(CatalogHost host) => this.host = host;

    [Fact]
    public async Task A_meter_is_created_listed_by_every_filter_updated_and_deleted_under_the_seed_names()
    {
        var client = await host.AdminClientAsync();
        var boiler = await client.CreateMachineAsync("全程-锅炉", "全程-动力");
        var press = await client.CreateMachineAsync("全程-压机", "全程-冲压");
        var power = await client.CreateMeterAsync("全程-电表", boiler,
            ""","Meter_Remarks":"主进线","Meter_TotalAmount":"12.50","Meter_IsCount":"1","Meter_IsTotal":1,"Meter_Code":"111800000490" """);
        var water = await client.CreateMeterAsync("全程-水表", press, ""","Is_HandWork":1""", type: "1"); // a number where the seed says str
        var virtualMeter = await client.CreateMeterAsync("全程-虚拟表", boiler, $$""","Meter_IsVirtual":"1","Meter_Formula":"{{{power}}}+{{{water}}}*0.5" """);

        var row = (await client.GetAnswer($"/api_3/meters?id={power}")).Rows().Single();
        row.Text("Meter_Name").ShouldBe("全程-电表");
        row.GetProperty("Meter_Type").GetString().ShouldBe("0");
        row.Text("Meter_Superior").ShouldBe("全程-锅炉");
        row.Text("Meter_Department").ShouldBe("全程-动力");
        row.Text("Meter_Remarks").ShouldBe("主进线");
        row.GetProperty("Meter_TotalAmount").GetString().ShouldBe("12.5");
        row.GetProperty("Meter_IsVirtual").GetString().ShouldBe("0");
        row.Text("Meter_Formula").ShouldBe("");
        row.GetProperty("Meter_IsTotal").GetString().ShouldBe("1");
        row.GetProperty("Meter_IsCount").GetString().ShouldBe("1");
        row.GetProperty("Is_HandWork").GetInt32().ShouldBe(0);
        row.GetProperty("Meter_Superior_id").GetInt64().ShouldBe(boiler);
        row.Text("Meter_Parameter").ShouldBe("");
        row.Text("Meter_Code").ShouldBe("111800000490");

        var ids = new[] { power, water, virtualMeter };
        async Task<long[]> Listed(string query) =>
            [.. (await client.GetAnswer("/api_3/meters?" + query)).Rows().Select(r => r.GetProperty("id").GetInt64()).Where(ids.Contains)];
        (await Listed("Meter_Type=1")).ShouldBe([water]);
        (await Listed("Meter_Superior=全程-锅炉")).ShouldBe([power, virtualMeter]);
        (await Listed("Is_HandWork=1")).ShouldBe([water]);
        (await Listed("Meter_IsCount=1")).ShouldBe([power]);
        (await Listed("Meter_Code=111800000490")).ShouldBe([power]);
        (await client.GetAnswer("/api_3/meters?Meter_Type=9")).ErrMsg.ShouldContain("Meter_Type");
        var page = await client.GetAnswer("/api_3/meters?Meter_Superior=全程-锅炉&Per_Page_Counts=1&Page_Counts=2");
        page.Total().ShouldBe(2);
        page.Rows().Single().GetProperty("id").GetInt64().ShouldBe(virtualMeter);
        (await client.GetAnswer($"/api_3/meters?id={virtualMeter}")).Rows().Single().Text("Meter_IsVirtual").ShouldBe("1");

        var renamed = await client.PutJson("/api_3/meters",
            $$"""{"id":{{power}},"Meter_Name":"全程-电表2","Meter_Type":"8","Meter_Superior_id":{{press}},"Meter_TotalAmount":"20"}""");
        renamed.ErrNo.ShouldBe("0", renamed.Body);
        var after = (await client.GetAnswer($"/api_3/meters?id={power}")).Rows().Single();
        after.Text("Meter_Name").ShouldBe("全程-电表2");
        after.Text("Meter_Type").ShouldBe("8");
        after.Text("Meter_Department").ShouldBe("全程-冲压");
        after.Text("Meter_IsCount").ShouldBe("1"); // left out of the update: kept
        after.Text("Meter_TotalAmount").ShouldBe("20");

        // A meter named in a live formula cannot be deleted; once the virtual meter is gone it can.
        (await client.Delete($"/api_3/meters?id={water}")).ErrNo.ShouldBe("4004");
        (await client.DeleteJson("/api_3/meters", $$"""{"id":{{virtualMeter}}}""")).ErrNo.ShouldBe("0");
        (await client.Delete($"/api_3/meters?id={water}")).ErrNo.ShouldBe("0");
        (await Listed("Meter_Superior=全程-压机")).ShouldBe([power]);
        var deleted = await host.Store.ReadStreamAsync($"meter-{water}");
        deleted[^1].Type.ShouldBe("MeterDeleted");
        (await host.StreamTypesAsync($"meter-{power}")).ShouldBe(
            ["MeterRegistered", "MeterBoundToDevice", "MeterTotalAmountSet", "MeterChanged", "MeterTotalAmountSet"]);
    }

    [Fact]
    public async Task Bad_meter_requests_get_their_code_and_append_nothing()
    {
        var client = await host.AdminClientAsync();
        var machine = await client.CreateMachineAsync("坏表-机器");
        var meter = await client.CreateMeterAsync("坏表-电表", machine, ""","Meter_Code":"DEV-BAD-1" """);
        var events = await host.CatalogEventCountAsync();

        async Task Refused(Answer answer, string errNo, string mentions)
        {
            answer.ErrNo.ShouldBe(errNo, answer.Body);
            answer.ErrMsg.ShouldContain(mentions);
            (await host.CatalogEventCountAsync()).ShouldBe(events);
        }

        await Refused(await client.PostJson("/api_3/meters", $$"""{"Meter_Type":"0","Meter_Superior_id":{{machine}}}"""), "4103", "Meter_Name");
        await Refused(await client.PostJson("/api_3/meters", """{"Meter_Name":"x","Meter_Type":"0","Meter_Superior_id":"abc"}"""), "4103", "Meter_Superior_id");
        await Refused(await client.PostMeterAsync("x", machine, ""","Meter_IsCount":"2" """), "4103", "Meter_IsCount");
        await Refused(await client.PostMeterAsync("x", machine, type: "\"9\""), "4103", "Meter_Type");
        await Refused(await client.PostMeterAsync("x", machine, ""","Is_HandWork":"yes" """), "4103", "Is_HandWork");
        await Refused(await client.PostMeterAsync("x", machine, ""","Meter_TotalAmount":"lots" """), "4103", "Meter_TotalAmount");
        await Refused(await client.PostMeterAsync("坏表-电表", machine), "4003", "坏表-电表");
        await Refused(await client.PostMeterAsync("x", machine, ""","Meter_Code":"DEV-BAD-1" """), "4003", "Meter_Code");
        await Refused(await client.PostMeterAsync("x", 999999), "4004", "999999");
        await Refused(await client.PutJson("/api_3/meters", $$"""{"id":999999,"Meter_Name":"x","Meter_Type":"0","Meter_Superior_id":{{machine}}}"""), "4002", "999999");
        await Refused(await client.PutJson("/api_3/meters", $$"""{"Meter_Name":"x","Meter_Type":"0","Meter_Superior_id":{{machine}}}"""), "4103", "id");
        await Refused(await client.PutJson("/api_3/meters", $$"""{"id":{{meter}},"Meter_Name":"x","Meter_Type":"0","Meter_Superior_id":999999}"""), "4004", "999999");
        await Refused(await client.Delete("/api_3/meters?id=999999"), "4002", "999999");
        await Refused(await client.Delete("/api_3/meters?id=-3"), "4103", "id");
        (await host.StreamTypesAsync($"meter-{meter}")).ShouldBe(["MeterRegistered", "MeterBoundToDevice"]);
    }

    [Fact]
    public async Task Two_concurrent_updates_of_one_meter_both_survive_or_one_is_told_of_the_conflict()
    {
        var client = await host.AdminClientAsync();
        var other = await host.AdminClientAsync();
        var machine = await client.CreateMachineAsync("并发-机器");
        var meter = await client.CreateMeterAsync("并发-电表", machine);

        for (var round = 1; round <= 5; round++)
        {
            // Both clients read the meter, then each changes one field and sends the whole meter back.
            var seen = (await client.GetAnswer($"/api_3/meters?id={meter}")).Rows().Single();
            var name = seen.Text("Meter_Name");
            var type = seen.Text("Meter_Type");
            var version = seen.GetProperty("Meter_Version").GetInt64();
            var newName = $"并发-电表-{round}";
            var newType = (round % 8 + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var answers = await Task.WhenAll(
                client.PutJson("/api_3/meters", $$"""{"id":{{meter}},"Meter_Name":"{{newName}}","Meter_Type":"{{type}}","Meter_Superior_id":{{machine}},"Meter_Version":{{version}}}"""),
                other.PutJson("/api_3/meters", $$"""{"id":{{meter}},"Meter_Name":"{{name}}","Meter_Type":"{{newType}}","Meter_Superior_id":{{machine}},"Meter_Version":{{version}}}"""));

            answers.ShouldAllBe(a => a.ErrNo == "0" || a.ErrNo == "4004");
            var now = (await client.GetAnswer($"/api_3/meters?id={meter}")).Rows().Single();
            if (answers[0].ErrNo == "0")
            {
                now.Text("Meter_Name").ShouldBe(newName);
            }

            if (answers[1].ErrNo == "0")
            {
                now.Text("Meter_Type").ShouldBe(newType);
            }
        }
    }

    [Fact]
    public async Task An_update_against_an_old_version_that_changes_the_same_field_differently_is_a_conflict()
    {
        var client = await host.AdminClientAsync();
        var machine = await client.CreateMachineAsync("冲突-机器");
        var meter = await client.CreateMeterAsync("冲突-电表", machine);
        var version = (await client.GetAnswer($"/api_3/meters?id={meter}")).Rows().Single().GetProperty("Meter_Version").GetInt64();
        (await client.PutJson("/api_3/meters", $$"""{"id":{{meter}},"Meter_Name":"冲突-甲","Meter_Type":"0","Meter_Superior_id":{{machine}},"Meter_Version":{{version}}}""")).ErrNo.ShouldBe("0");

        var conflict = await client.PutJson("/api_3/meters", $$"""{"id":{{meter}},"Meter_Name":"冲突-乙","Meter_Type":"0","Meter_Superior_id":{{machine}},"Meter_Version":{{version}}}""");
        conflict.ShouldSatisfyAllConditions(a => a.ErrNo.ShouldBe("4004"), a => a.ErrMsg.ShouldContain("changed by someone else"));
        (await client.GetAnswer($"/api_3/meters?id={meter}")).Rows().Single().Text("Meter_Name").ShouldBe("冲突-甲");
        (await client.PutJson("/api_3/meters", $$"""{"id":{{meter}},"Meter_Name":"x","Meter_Type":"0","Meter_Superior_id":{{machine}},"Meter_Version":99}""")).ErrMsg.ShouldContain("Meter_Version");
    }

    [Fact]
    public async Task The_as_of_audit_shows_a_meter_with_its_old_name_before_a_rename_and_the_new_one_after()
    {
        var client = await host.AdminClientAsync();
        var machine = await client.CreateMachineAsync("审计表-机器", "审计表-部门");
        var meter = await client.CreateMeterAsync("审计表-旧名", machine);
        await Task.Delay(200);
        var between = DateTimeOffset.UtcNow;
        await Task.Delay(200);
        (await client.PutJson("/api_3/meters", $$"""{"id":{{meter}},"Meter_Name":"审计表-新名","Meter_Type":"0","Meter_Superior_id":{{machine}}}""")).ErrNo.ShouldBe("0");

        var then = (await client.GetAnswer($"/api_3/audit/meters/{meter}?As_Of={CatalogCalls.Iso(between)}")).Rows().Single();
        then.Text("Meter_Name").ShouldBe("审计表-旧名");
        then.Text("Meter_Department").ShouldBe("审计表-部门");
        (await client.GetAnswer($"/api_3/audit/meters/{meter}?As_Of={CatalogCalls.Iso(DateTimeOffset.UtcNow)}")).Rows().Single().Text("Meter_Name").ShouldBe("审计表-新名");
        (await client.GetAnswer($"/api_3/audit/meters/{meter}?As_Of=2000-01-01 00:00:00")).ErrNo.ShouldBe("4002");
    }

    [Fact]
    public async Task A_device_code_rebound_to_another_meter_is_found_on_the_right_meter_at_each_instant_and_its_first_binding_reaches_back()
    {
        var client = await host.AdminClientAsync();
        var machine = await client.CreateMachineAsync("绑定-机器");
        var first = await client.CreateMeterAsync("绑定-旧表", machine, ""","Meter_Code":"DEV-REBIND" """);
        await Task.Delay(100);
        var whileFirst = DateTimeOffset.UtcNow;
        (await client.PutJson("/api_3/meters", $$"""{"id":{{first}},"Meter_Name":"绑定-旧表","Meter_Type":"0","Meter_Superior_id":{{machine}},"Meter_Code":""}""")).ErrNo.ShouldBe("0");
        var second = await client.CreateMeterAsync("绑定-新表", machine, ""","Meter_Code":"DEV-REBIND" """);

        using var scope = host.Services.CreateScope();
        var queries = scope.ServiceProvider.GetRequiredService<MeterQueries>();
        (await queries.MeterOfReadingAsync("DEV-REBIND", whileFirst)).ShouldBe(first);
        (await queries.MeterOfReadingAsync("DEV-REBIND", DateTimeOffset.UtcNow)).ShouldBe(second);
        (await queries.MeterOfReadingAsync("DEV-REBIND", whileFirst.AddDays(-40))).ShouldBe(first, "the device's first binding reaches back before it");
        (await queries.MeterOfReadingAsync("DEV-NEVER-BOUND", whileFirst)).ShouldBeNull();
        var bindings = (await queries.AllBindingsAsync()).Where(b => b.DeviceCode == "DEV-REBIND").ToList();
        bindings.Select(b => b.MeterId).ShouldBe([first, second]);
        bindings[0].AttributedFrom.ShouldBe(DateTimeOffset.MinValue);
        bindings[1].AttributedFrom.ShouldBe(bindings[1].From);
        var facts = (await queries.FindAsync(second))!;
        facts.ShouldSatisfyAllConditions(f => f.MachineName.ShouldBe("绑定-机器"), f => f.DeviceCode.ShouldBe("DEV-REBIND"), f => f.IsCount.ShouldBeFalse());
        (await queries.OfMachineAsync(machine)).Select(f => f.MeterId).ShouldBe([first, second]);
    }
}
