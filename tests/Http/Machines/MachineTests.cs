using Energy.Http.Tests.Contract;
using Energy.Http.Tests.Meters;
using Energy.Http.Tests.Support;

namespace Energy.Http.Tests.Machines;

public sealed class MachineTests : IClassFixture<CatalogHost>
{
    private readonly CatalogHost host;

    public MachineTests(CatalogHost host) => this.host = host;

    [Fact]
    public async Task A_machine_is_created_listed_with_filters_and_paging_updated_and_deleted_under_the_seed_names()
    {
        var client = await host.AdminClientAsync();
        var press = await client.CreateMachineAsync("生命周期-压机", "生命周期-冲压");
        await client.CreateMachineAsync("生命周期-焊机", "生命周期-冲压");
        await client.CreateMachineAsync("生命周期-空压机", "生命周期-动力");

        var stamping = await client.GetAnswer("/api_3/metersuperiors?Meter_Department=生命周期-冲压");
        stamping.Total().ShouldBe(2);
        stamping.Rows().Select(r => r.Text("Meter_Superior")).ShouldBe(["生命周期-压机", "生命周期-焊机"]);
        var row = stamping.Rows()[0];
        row.GetProperty("id").GetInt64().ShouldBe(press);
        row.Text("Meter_Department").ShouldBe("生命周期-冲压");
        row.Text("Machine_Image_Url").ShouldBe("");
        row.Text("equipmentCode").ShouldBe("01");
        row.Text("equipmentUnitCode").ShouldBe("0001");

        var secondPage = await client.GetAnswer("/api_3/metersuperiors?Meter_Department=生命周期-冲压&Per_Page_Counts=1&Page_Counts=2");
        secondPage.Total().ShouldBe(2);
        secondPage.Rows().Single().Text("Meter_Superior").ShouldBe("生命周期-焊机");
        (await client.GetAnswer("/api_3/metersuperiors?Meter_Department=生命周期-冲压&Per_Page_Counts=1&Page_Counts=9")).Rows().ShouldBeEmpty();

        var updated = await client.PutJson("/api_3/metersuperiors",
            $$"""{"id":{{press}},"Meter_Superior":"生命周期-压机2","Meter_Department":"生命周期-动力","equipmentCode":"02","equipmentUnitCode":"0002"}""");
        updated.ErrNo.ShouldBe("0", updated.Body);
        var byId = (await client.GetAnswer($"/api_3/metersuperiors?id={press}")).Rows().Single();
        byId.Text("Meter_Superior").ShouldBe("生命周期-压机2");
        byId.Text("Meter_Department").ShouldBe("生命周期-动力");
        byId.Text("equipmentCode").ShouldBe("02");

        (await client.Delete($"/api_3/metersuperiors?id={press}")).ErrNo.ShouldBe("0");
        (await client.GetAnswer($"/api_3/metersuperiors?id={press}")).Total().ShouldBe(0);
        (await client.GetAnswer("/api_3/metersuperiors?Meter_Department=生命周期-动力")).Total().ShouldBe(1);
        (await host.StreamTypesAsync($"machine-{press}")).ShouldBe(["MachineRegistered", "MachineChanged", "MachineDeleted"]);

        // The name is free again once its machine is deleted.
        await client.CreateMachineAsync("生命周期-压机2");
    }

    [Fact]
    public async Task Bad_machine_requests_get_their_code_and_append_nothing()
    {
        var client = await host.AdminClientAsync();
        var id = await client.CreateMachineAsync("坏请求-压机");
        await client.CreateMachineAsync("坏请求-焊机");
        var before = await host.Store.ReadStreamAsync($"machine-{id}");
        var eventsBefore = await host.CatalogEventCountAsync();

        var missing = await client.PostJson("/api_3/metersuperiors", """{"Meter_Superior":"新机器","equipmentCode":"01","equipmentUnitCode":"1"}""");
        missing.ShouldSatisfyAllConditions(a => a.ErrNo.ShouldBe("4103"), a => a.ErrMsg.ShouldContain("Meter_Department"));
        var wrongType = await client.PutJson("/api_3/metersuperiors",
            """{"id":"abc","Meter_Superior":"x","Meter_Department":"d","equipmentCode":"01","equipmentUnitCode":"1"}""");
        wrongType.ShouldSatisfyAllConditions(a => a.ErrNo.ShouldBe("4103"), a => a.ErrMsg.ShouldContain("id"));
        var unknown = await client.PutJson("/api_3/metersuperiors",
            """{"id":999999,"Meter_Superior":"x","Meter_Department":"d","equipmentCode":"01","equipmentUnitCode":"1"}""");
        unknown.ShouldSatisfyAllConditions(a => a.ErrNo.ShouldBe("4002"), a => a.Status.ShouldBe(HttpStatusCode.NotFound));
        (await client.Delete("/api_3/metersuperiors?id=999999")).ErrNo.ShouldBe("4002");
        (await client.Delete("/api_3/metersuperiors")).ErrMsg.ShouldContain("id");
        var duplicate = await client.PutJson("/api_3/metersuperiors",
            $$"""{"id":{{id}},"Meter_Superior":"坏请求-焊机","Meter_Department":"d","equipmentCode":"01","equipmentUnitCode":"1"}""");
        duplicate.ShouldSatisfyAllConditions(a => a.ErrNo.ShouldBe("4003"), a => a.Status.ShouldBe(HttpStatusCode.Conflict));
        var duplicateCreate = await client.PostJson("/api_3/metersuperiors",
            """{"Meter_Superior":"坏请求-焊机","Meter_Department":"d","equipmentCode":"01","equipmentUnitCode":"1"}""");
        duplicateCreate.ErrNo.ShouldBe("4003");

        (await host.Store.ReadStreamAsync($"machine-{id}")).Count.ShouldBe(before.Count);
        (await host.Store.StreamVersionAsync("machine-999999")).ShouldBe(0);
        (await host.CatalogEventCountAsync()).ShouldBe(eventsBefore);
    }

    [Fact]
    public async Task A_machine_that_still_has_meters_cannot_be_deleted_until_they_are()
    {
        var client = await host.AdminClientAsync();
        var machine = await client.CreateMachineAsync("有表的机器");
        var meter = await client.CreateMeterAsync("有表的机器-电表", machine);

        var refused = await client.DeleteJson("/api_3/metersuperiors", $$"""{"id":{{machine}}}""");
        refused.ShouldSatisfyAllConditions(a => a.ErrNo.ShouldBe("4004"), a => a.Status.ShouldBe((HttpStatusCode)422), a => a.ErrMsg.ShouldContain("meter"));
        (await host.StreamTypesAsync($"machine-{machine}")).ShouldBe(["MachineRegistered"]);

        (await client.Delete($"/api_3/meters?id={meter}")).ErrNo.ShouldBe("0");
        (await client.DeleteJson("/api_3/metersuperiors", $$"""{"id":{{machine}}}""")).ErrNo.ShouldBe("0");
    }

    [Fact]
    public async Task Anonymous_calls_to_machines_and_meters_are_refused_with_4101()
    {
        var anonymous = host.CreateClient();
        foreach (var answer in new[]
        {
            await anonymous.GetAnswer("/api_3/metersuperiors"),
            await anonymous.PostJson("/api_3/metersuperiors", """{"Meter_Superior":"x","Meter_Department":"d","equipmentCode":"01","equipmentUnitCode":"1"}"""),
            await anonymous.GetAnswer("/api_3/meters"),
            await anonymous.PostJson("/api_3/meters", """{"Meter_Name":"x","Meter_Type":"0","Meter_Superior_id":1}"""),
            await anonymous.Delete("/api_3/meters?id=1"),
            await anonymous.GetAnswer("/api_3/audit/meters/1?As_Of=2024-01-01 00:00:00"),
        })
        {
            answer.ErrNo.ShouldBe("4101", answer.Body);
            answer.Status.ShouldBe(HttpStatusCode.Unauthorized);
        }
    }

    [Fact]
    public async Task The_as_of_audit_shows_the_old_name_before_a_rename_and_the_new_one_after()
    {
        var client = await host.AdminClientAsync();
        var id = await client.CreateMachineAsync("审计-旧名");
        await Task.Delay(200);
        var between = DateTimeOffset.UtcNow;
        await Task.Delay(200);
        (await client.PutJson("/api_3/metersuperiors",
            $$"""{"id":{{id}},"Meter_Superior":"审计-新名","Meter_Department":"冲压车间","equipmentCode":"01","equipmentUnitCode":"0001"}""")).ErrNo.ShouldBe("0");

        var before = await client.GetAnswer($"/api_3/audit/machines/{id}?As_Of={CatalogCalls.Iso(between)}");
        before.ErrNo.ShouldBe("0", before.Body);
        before.Rows().Single().Text("Meter_Superior").ShouldBe("审计-旧名");
        var now = await client.GetAnswer($"/api_3/audit/machines/{id}?As_Of={CatalogCalls.Iso(DateTimeOffset.UtcNow)}");
        now.Rows().Single().Text("Meter_Superior").ShouldBe("审计-新名");
        (await client.GetAnswer($"/api_3/audit/machines/{id}?As_Of=2000-01-01 00:00:00")).ErrNo.ShouldBe("4002");
        (await client.GetAnswer($"/api_3/audit/machines/{id}")).ErrMsg.ShouldContain("As_Of");
    }
}
