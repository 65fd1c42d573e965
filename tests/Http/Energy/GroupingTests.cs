using System.Text.Json;
using Energy.Http.Tests.Contract;
using Energy.Http.Tests.Meters;
using Energy.Http.Tests.Support;

namespace Energy.Http.Tests.Consumption;

/// <summary>
/// Amount_Type 1–4 × Amount_Combination with Meter_IsCount (CONTRACT §4, §6). One plant: 机A (东车间) has counted
/// electricity 10 kWh and water 5 t and an uncounted electricity meter of 100 kWh; 机B (西车间) counted electricity 7 kWh.
/// </summary>
public sealed class GroupingTests(GroupingTests.Plant plant) : IClassFixture<GroupingTests.Plant>
{
    private static readonly (string, string)[] Day = [("Time_Type", "3"), ("Time_Start", "2019-04-01 00:00:00"), ("Time_End", "2019-04-02 00:00:00")];

    public sealed class Plant : IAsyncLifetime
    {
        public EnergyQueryHost Host { get; } = new();

        public HttpClient Client { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Client = await Host.AdminClientAsync();
            var a = await Client.CreateMachineAsync("机A", "东车间");
            var b = await Client.CreateMachineAsync("机B", "西车间");
            await Client.MeterAsync(a, "a电", ",\"Meter_Code\":\"G-A1\",\"Meter_IsCount\":\"1\"");
            await Client.MeterAsync(a, "a水", ",\"Meter_Code\":\"G-A2\",\"Meter_IsCount\":\"1\"", type: "\"1\"");
            await Client.MeterAsync(a, "a不计", ",\"Meter_Code\":\"G-A3\"");
            await Client.MeterAsync(b, "b电", ",\"Meter_Code\":\"G-B1\",\"Meter_IsCount\":\"1\"");
            foreach (var (device, amount) in new[] { ("G-A1", 10m), ("G-A2", 5m), ("G-A3", 100m), ("G-B1", 7m) })
            {
                await Host.PushAsync(device, ("2019-04-01 10:00:00", 0m), ("2019-04-01 11:00:00", amount));
            }

            await Host.EnergyCaughtUpAsync();
        }

        public Task DisposeAsync()
        {
            Host.Dispose();
            return Task.CompletedTask;
        }
    }

    private Task<Answer> All(params (string, string)[] more) => plant.Client.QueryAsync("allenergy", [.. Day, .. more]);

    [Fact]
    public async Task By_energy_type_adds_up_the_counted_meters_only()
    {
        var answer = await All(("Amount_Type", "1"));
        answer.Rows().Length.ShouldBe(2);
        answer.Total(energyType: "0").ShouldBe("17.00");
        answer.Total(energyType: "1").ShouldBe("5.00");
        answer.Rows().First().Text("Ene_Name").ShouldBe("电");

        var water = await All(("Amount_Type", "1"), ("Amount_Value", "1"));
        water.Rows().ShouldHaveSingleItem().Text("Total_Amount").ShouldBe("5.00");
    }

    [Fact]
    public async Task By_machine_is_machine_times_energy_type_and_the_name_filter_picks_machines()
    {
        var answer = await All(("Amount_Type", "3"));
        answer.Rows().Length.ShouldBe(3);
        answer.Total(machine: "机A", department: "东车间").ShouldBe("10.00");
        answer.Total(machine: "机A", department: "东车间", energyType: "1").ShouldBe("5.00");
        answer.Total(machine: "机B", department: "西车间").ShouldBe("7.00");

        (await All(("Amount_Type", "3"), ("Amount_SortName", "机B"))).Rows().ShouldHaveSingleItem().Text("Meter_Superior").ShouldBe("机B");
    }

    [Fact]
    public async Task By_department_leaves_machine_and_meter_empty_unless_combined_with_meters()
    {
        var answer = await All(("Amount_Type", "4"));
        answer.Rows().Length.ShouldBe(3);
        answer.Total(department: "东车间").ShouldBe("10.00");
        answer.Total(department: "西车间").ShouldBe("7.00");

        var byMeter = await All(("Amount_Type", "4"), ("Amount_Combination", "2"), ("Amount_SortName", "东车间"));
        byMeter.Rows().Select(r => r.Text("Meter_Name")).OrderBy(n => n, StringComparer.Ordinal).ShouldBe(["a水", "a电"]);
    }

    [Fact]
    public async Task By_meter_shows_an_uncounted_meter_it_names()
    {
        (await All(("Amount_Type", "2"), ("Amount_SortName", "a不计"))).Total("a不计", "机A", department: "东车间").ShouldBe("100.00");
    }

    [Fact]
    public async Task The_report_form_gives_each_row_its_points_and_its_shift_amounts()
    {
        var answer = await plant.Client.PostJson("/api_3/form_detailenergy",
            """{"Time_Type":3,"Time_Start":"2019-04-01 00:00:00","Time_End":"2019-04-02 00:00:00","Amount_Type":"3","Amount_SortName":"机B"}""");

        answer.ErrNo.ShouldBe("0", answer.Body);
        var row = answer.Rows().ShouldHaveSingleItem();
        row.Text("Meter_Department").ShouldBe("西车间");
        row.Text("Meter_Name").ShouldBe("");
        var shifts = row.GetProperty("Shift_Amounts").EnumerateArray().ToDictionary(s => s.Text("Shift_Name"), s => s.Text("Shift_Amount"));
        shifts.ShouldBe(new Dictionary<string, string> { ["白班"] = "7.00", ["夜班"] = "0.00" });
        var details = row.GetProperty("Detail_Amounts").EnumerateArray().ToList();
        details.Count.ShouldBe(24);
        details[10].Text("Time").ShouldBe("2019-04-01 10:00:00");
        details[10].Text("Total_Amount").ShouldBe("7.00");
        details[10].GetProperty("Total_Amount").ValueKind.ShouldBe(JsonValueKind.String);
    }
}
