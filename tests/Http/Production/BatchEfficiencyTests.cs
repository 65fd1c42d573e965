using System.Globalization;
using Energy.Http.Tests.Contract;
using Energy.Http.Tests.Meters;
using Energy.Http.Tests.Support;
using Energy.Http.Tests.Vendor.Support;
using Microsoft.Extensions.DependencyInjection;
using static Energy.Http.Tests.Production.ProductionCalls;

namespace Energy.Http.Tests.Production;

/// <summary>
/// 8.9 and 8.14 over readings pushed through the signed vendor webhook, checked against figures computed by hand.
/// One machine, one counted electricity meter; counter 100, 110, 130, 160, 200 at 08:00, 08:15 … 09:00, so the
/// four slots used 10, 20, 30, 40 kWh. Output A: 40 of 螺栓 over 08:00–09:00 (10 per slot); B: 60 of 螺母 over
/// 08:30–09:00 (30 per slot). A gets 10 + 20 + 30·10/40 + 40·10/40 = 47.5 kWh, B 30·30/40 + 40·30/40 = 52.5 kWh.
/// </summary>
public sealed class BatchEfficiencyTests(VendorHost host) : IClassFixture<VendorHost>
{
    // In the future, so the meter (bound at its creation, now) counts these readings.
    private static readonly DateTime Day = DateTime.UtcNow.Date.AddDays(3);

    private static string Statistic(string query) =>
        $"/api_3/product_output_energy_statistic?Time_Type=3&Time_Start={Uri.EscapeDataString(Wall(Day))}&Time_End={Uri.EscapeDataString(Wall(Day.AddDays(1)))}&{query}";

    [Fact]
    public async Task Two_overlapping_outputs_share_the_machine_consumption_by_amount_and_a_correction_moves_the_figures_and_stays_in_the_history()
    {
        var client = await host.AdminClientAsync();
        var (a, b) = await StartingStateAsync(client, "甲");
        var products = "Product_Name=甲螺栓,甲螺母&Summary_Type=1&Return_Format=1";

        var unit = await client.Until(Statistic($"{products}&Amount_Type=4&Energy_Type=0"), r => r.Amounts("Product_Name").GetValueOrDefault("甲螺母") == "0.875");
        unit.Amounts("Product_Name").ShouldBe(new Dictionary<string, string> { ["甲螺栓"] = "1.1875", ["甲螺母"] = "0.875" }, ignoreOrder: true);
        (await client.GetAnswer(Statistic($"{products}&Amount_Type=1"))).Amounts("Product_Name")
            .ShouldBe(new Dictionary<string, string> { ["甲螺栓"] = "40", ["甲螺母"] = "60" }, ignoreOrder: true);
        (await client.GetAnswer(Statistic($"{products}&Amount_Type=2&Energy_Type=0"))).Amounts("Product_Name")
            .ShouldBe(new Dictionary<string, string> { ["甲螺栓"] = "47.5", ["甲螺母"] = "52.5" }, ignoreOrder: true);
        var kgce = await client.GetAnswer(Statistic($"{products}&Amount_Type=3"));
        kgce.Amounts("Product_Name").ShouldBe(new Dictionary<string, string> { ["甲螺栓"] = "5.8378", ["甲螺母"] = "6.4523" }, ignoreOrder: true); // × 0.1229
        kgce.Rows().ShouldAllBe(r => r.GetProperty("Coal_Factor_Set").GetString() == "GB/T 2589-2020");
        kgce.Rows().ShouldAllBe(r => r.GetProperty("Time").GetString() == Wall(Day) && r.GetProperty("Meter_Superior").GetString() == "");
        (await client.GetAnswer(Statistic($"{products}&Amount_Type=5"))).Amounts("Product_Name")
            .ShouldBe(new Dictionary<string, string> { ["甲螺栓"] = "0.1459", ["甲螺母"] = "0.1075" }, ignoreOrder: true);

        // Sorting and cutting on Total_Amount; by machine; per hour.
        var top = await client.GetAnswer(Statistic($"{products}&Amount_Type=2&Energy_Type=0&Is_Order=1&Order_Type=2&Limit=1"));
        top.Amounts("Product_Name").ShouldBe(new Dictionary<string, string> { ["甲螺母"] = "52.5" });
        (await client.GetAnswer(Statistic("Meter_Superior=甲机器&Summary_Type=2&Return_Format=1&Amount_Type=2&Energy_Type=0"))).Amounts("Meter_Superior")
            .ShouldBe(new Dictionary<string, string> { ["甲机器"] = "100" });
        var hourly = await client.GetAnswer(Statistic($"{products}&Amount_Type=1&Return_Format=2".Replace("&Return_Format=1", "", StringComparison.Ordinal)));
        hourly.Rows().Length.ShouldBe(48);
        hourly.Rows().Where(r => r.Text("Total_Amount") != "0").Select(r => (r.Text("Product_Name"), r.Text("Time"), r.Text("Total_Amount")))
            .ShouldBe([("甲螺母", Wall(Day.AddHours(8)), "60"), ("甲螺栓", Wall(Day.AddHours(8)), "40")], ignoreOrder: true);
        (await client.GetAnswer(Statistic($"{products}&Amount_Type=2"))).ErrMsg.ShouldContain("Energy_Type");

        // Correct A to 80 (20 per slot): A = 10 + 20 + 30·20/50 + 40·20/50 = 58 → 0.725; B = 42 → 0.7.
        (await client.PutJson("/api_3/product_output", OutputJson(a.Product, "80", a.Machine, Day.AddHours(8), Day.AddHours(9), a.Batch, a.Id))).ErrNo.ShouldBe("0");
        var corrected = await client.Until(Statistic($"{products}&Amount_Type=4&Energy_Type=0"), r => r.Amounts("Product_Name").GetValueOrDefault("甲螺栓") == "0.725");
        corrected.Amounts("Product_Name").ShouldBe(new Dictionary<string, string> { ["甲螺栓"] = "0.725", ["甲螺母"] = "0.7" }, ignoreOrder: true);
        var history = await host.Services.GetRequiredService<Energy.Application.EventStore.IEventStore>().ReadStreamAsync($"output-{a.Id}");
        history.Select(e => e.Type).ShouldBe(["OutputRecorded", "OutputCorrected"]);
        ((Energy.Domain.Production.OutputRecorded)history[0].Data).Details.Amount.ShouldBe(40m);
        history[^1].UserName.ShouldBe(Scenarios.AdminName);

        // Removing B gives A the whole of every slot: 100 kWh over 80.
        (await client.Delete($"/api_3/product_output?id={b}")).ErrNo.ShouldBe("0");
        (await client.Until(Statistic($"{products}&Amount_Type=4&Energy_Type=0"), r => r.Amounts("Product_Name").GetValueOrDefault("甲螺母") is null && r.Amounts("Product_Name").GetValueOrDefault("甲螺栓") == "1.25"))
            .Amounts("Product_Name").ShouldBe(new Dictionary<string, string> { ["甲螺栓"] = "1.25" });
    }

    [Fact]
    public async Task A_batch_efficiency_and_a_zero_output_answer_by_hand_and_a_rebuild_gives_the_same_figures()
    {
        var client = await host.AdminClientAsync();
        await StartingStateAsync(client, "乙");
        var idle = await client.CreateMachineAsync("乙空机");
        var product = await client.PostProduct("乙零件").CreatedId();
        var batch = await client.PostBatch("乙空批", Day.AddHours(8), Day.AddHours(9)).CreatedId();
        await client.PostJson("/api_3/product_output", OutputJson(product, "0", idle, Day.AddHours(8), Day.AddHours(9), batch)).CreatedId();

        const string Batches = "/api_3/productsBatch_output_energy_statistic?Production_Batch=乙批次,乙空批&Summary_Type=3";
        // 乙批次 runs 08:00–10:00: 100 pieces in 2 h; kgce 100 kWh × 0.1229 over 100 pieces.
        var efficiency = await client.Until(Batches + "&Amount_Type=5", r => r.Amounts("Production_Batch").Count == 2 && r.Amounts("Production_Batch").GetValueOrDefault("乙批次") == "0.1229");
        efficiency.Amounts("Production_Batch").ShouldBe(new Dictionary<string, string> { ["乙批次"] = "0.1229", ["乙空批"] = "" }, ignoreOrder: true);
        (await client.GetAnswer(Batches + "&Amount_Type=6")).Amounts("Production_Batch")
            .ShouldBe(new Dictionary<string, string> { ["乙批次"] = "50", ["乙空批"] = "0" }, ignoreOrder: true);
        var perProduct = await client.GetAnswer("/api_3/productsBatch_output_energy_statistic?Production_Batch=乙批次&Summary_Type=0&Amount_Type=2&Energy_Type=0");
        perProduct.Amounts("Production_Batch", "Product_Name", "Meter_Superior").ShouldBe(
            new Dictionary<string, string> { ["乙批次/乙螺栓/乙机器"] = "47.5", ["乙批次/乙螺母/乙机器"] = "52.5" }, ignoreOrder: true);
        (await client.GetAnswer("/api_3/productsBatch_output_energy_statistic?Summary_Type=3&Amount_Type=1")).ErrMsg.ShouldContain("Production_Batch");

        var before = await TableOidAsync();
        (await client.PostJson("/api_3/ops/projections/batch_efficiency/rebuild", "{}")).ErrNo.ShouldBe("0");
        await client.Until("/api_3/ops/projections", r => r.Rows().Any(p => p.Text("Name") == "batch_efficiency" && p.Text("State") == "running") && TableOidAsync().Result != before);
        (await TableOidAsync()).ShouldNotBe(before);
        (await client.GetAnswer(Batches + "&Amount_Type=5")).Amounts("Production_Batch")
            .ShouldBe(new Dictionary<string, string> { ["乙批次"] = "0.1229", ["乙空批"] = "" }, ignoreOrder: true);
        (await client.GetAnswer(Batches.Replace("Summary_Type=3", "Summary_Type=1", StringComparison.Ordinal) + "&Amount_Type=4&Energy_Type=0")).Amounts("Product_Name")
            .ShouldBe(new Dictionary<string, string> { ["乙螺栓"] = "1.1875", ["乙螺母"] = "0.875", ["乙零件"] = "" }, ignoreOrder: true);
    }

    private sealed record OutputRef(long Id, long Product, long Machine, long Batch);

    /// <summary>The machine, meter, readings, products, batch and outputs A and B of the class comment, names prefixed.</summary>
    private async Task<(OutputRef A, long B)> StartingStateAsync(HttpClient client, string prefix)
    {
        var device = "1118" + Random.Shared.NextInt64(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
        var machine = await client.CreateMachineAsync(prefix + "机器");
        await client.CreateMeterAsync(prefix + "电表", machine, $$""","Meter_IsCount":"1","Meter_Code":"{{device}}" """);
        var readings = new[] { 100m, 110m, 130m, 160m, 200m }
            .Select((value, i) => (System.Text.Json.Nodes.JsonNode)Pushes.Reading(Wall(Day.AddHours(8).AddMinutes(15 * i)), value)).ToArray();
        var pushed = await host.CreateClient().PostJsonAsync("/api/bbi/push", Pushes.Push(device, prefix + "-readings", readings));
        pushed.IsSuccessStatusCode.ShouldBeTrue(await pushed.Content.ReadAsStringAsync());
        var bolt = await client.PostProduct(prefix + "螺栓").CreatedId();
        var nut = await client.PostProduct(prefix + "螺母").CreatedId();
        var batch = await client.PostBatch(prefix + "批次", Day.AddHours(8), Day.AddHours(10)).CreatedId();
        var a = await client.PostJson("/api_3/product_output", OutputJson(bolt, "40", machine, Day.AddHours(8), Day.AddHours(9), batch)).CreatedId();
        var b = await client.PostJson("/api_3/product_output", OutputJson(nut, "60", machine, Day.AddHours(8.5), Day.AddHours(9), batch)).CreatedId();
        return (new OutputRef(a, bolt, machine, batch), b);
    }

    private async Task<long> TableOidAsync()
    {
        await using var conn = new Npgsql.NpgsqlConnection(host.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand("SELECT 'production_output_slots'::regclass::oid::bigint", conn);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}
