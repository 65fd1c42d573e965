using Energy.Http.Tests.Contract;
using Energy.Http.Tests.Support;

namespace Energy.Http.Tests.Meters;

public sealed class MeterFormulaTests : IClassFixture<CatalogHost>
{
    private readonly CatalogHost host;

    public MeterFormulaTests(CatalogHost host) => this.host = host;

    private static string Virtual(string formula) => $$""","Meter_IsVirtual":"1","Meter_Formula":"{{formula}}" """;

    [Fact]
    public async Task A_valid_formula_over_live_meters_is_accepted_and_listed_as_written()
    {
        var client = await host.AdminClientAsync();
        var machine = await client.CreateMachineAsync("公式-机器");
        var a = await client.CreateMeterAsync("公式-甲", machine);
        var b = await client.CreateMeterAsync("公式-乙", machine);

        var formula = $"{{{a}}}+{{{b}}}-0.5*({{{a}}}/2)";
        var id = await client.CreateMeterAsync("公式-虚拟", machine, Virtual(formula));
        var row = (await client.GetAnswer($"/api_3/meters?id={id}")).Rows().Single();
        row.Text("Meter_IsVirtual").ShouldBe("1");
        row.Text("Meter_Formula").ShouldBe(formula);
    }

    [Fact]
    public async Task Formulas_with_a_syntax_error_an_unknown_meter_or_a_missing_formula_are_refused_naming_the_problem()
    {
        var client = await host.AdminClientAsync();
        var machine = await client.CreateMachineAsync("坏公式-机器");
        var a = await client.CreateMeterAsync("坏公式-甲", machine);
        var events = await host.CatalogEventCountAsync();

        var syntax = await client.PostMeterAsync("坏公式-1", machine, Virtual($"{{{a}}}+*2"));
        syntax.ShouldSatisfyAllConditions(
            x => x.ErrNo.ShouldBe("4103"), x => x.ErrMsg.ShouldContain("Meter_Formula"), x => x.ErrMsg.ShouldContain($"position {a.ToString().Length + 4}"));
        var unknown = await client.PostMeterAsync("坏公式-2", machine, Virtual($"{{{a}}}+{{999999}}"));
        unknown.ShouldSatisfyAllConditions(
            x => x.ErrNo.ShouldBe("4103"), x => x.ErrMsg.ShouldContain("{999999}"), x => x.ErrMsg.ShouldContain($"position {a.ToString().Length + 4}"));
        var missing = await client.PostMeterAsync("坏公式-3", machine, ""","Meter_IsVirtual":"1" """);
        missing.ShouldSatisfyAllConditions(x => x.ErrNo.ShouldBe("4103"), x => x.ErrMsg.ShouldContain("Meter_Formula"));
        var notVirtual = await client.PostMeterAsync("坏公式-4", machine, $$""","Meter_Formula":"{{{a}}}" """);
        notVirtual.ErrMsg.ShouldContain("Meter_IsVirtual");

        (await host.CatalogEventCountAsync()).ShouldBe(events);
    }

    [Fact]
    public async Task A_formula_that_closes_a_cycle_through_other_virtual_meters_is_refused()
    {
        var client = await host.AdminClientAsync();
        var machine = await client.CreateMachineAsync("循环-机器");
        var real = await client.CreateMeterAsync("循环-实表", machine);
        var first = await client.CreateMeterAsync("循环-一", machine, Virtual($"{{{real}}}"));
        var second = await client.CreateMeterAsync("循环-二", machine, Virtual($"{{{first}}}*2"));
        var before = await host.StreamTypesAsync($"meter-{first}");

        var cycle = await client.PutJson("/api_3/meters",
            $$"""{"id":{{first}},"Meter_Name":"循环-一","Meter_Type":"0","Meter_Superior_id":{{machine}},"Meter_IsVirtual":"1","Meter_Formula":"{{{real}}}+{{{second}}}"}""");
        cycle.ShouldSatisfyAllConditions(
            x => x.ErrNo.ShouldBe("4103"), x => x.ErrMsg.ShouldContain("cycle"),
            x => x.ErrMsg.ShouldContain($"{{{first}}} → {{{second}}} → {{{first}}}"));
        var self = await client.PutJson("/api_3/meters",
            $$"""{"id":{{second}},"Meter_Name":"循环-二","Meter_Type":"0","Meter_Superior_id":{{machine}},"Meter_Formula":"{{{second}}}"}""");
        self.ShouldSatisfyAllConditions(x => x.ErrNo.ShouldBe("4103"), x => x.ErrMsg.ShouldContain("cycle"));

        (await host.StreamTypesAsync($"meter-{first}")).ShouldBe(before);
    }
}
