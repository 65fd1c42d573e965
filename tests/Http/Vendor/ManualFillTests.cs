using Energy.Domain.Readings;
using Energy.Application.EventStore;
using Energy.Http.Tests.Meters;
using Energy.Http.Tests.Support;
using Energy.Http.Tests.Vendor.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Energy.Http.Tests.Vendor;

/// <summary>Seed 5.6 <c>POST /api_3/PRP_manual_energy_measure_datas</c>.</summary>
public sealed class ManualFillTests(VendorHost host) : IClassFixture<VendorHost>
{
    private const string Url = "/api_3/PRP_manual_energy_measure_datas";

    private static Dictionary<string, object> Fill(long meterId, object amount, string dateType = "3", string dateTime = "2019-04-01 00:00:00") => new()
    {
        ["Meter_id"] = meterId, ["Date_Time"] = dateTime, ["Date_Type"] = dateType, ["Data_Amount"] = amount,
    };

    /// <summary>A hand-work meter (Is_HandWork=1) on a machine of its own, created through 2.6 and 2.1.</summary>
    private static async Task<long> HandWorkMeterAsync(HttpClient client, string name, int handWork = 1) =>
        await client.CreateMeterAsync(name, await client.CreateMachineAsync(name + "-machine"), $",\"Is_HandWork\":{handWork}");

    private async Task<IReadOnlyList<object>> HistoryAsync(long meterId) =>
        (await host.Services.GetRequiredService<IEventStore>().ReadStreamAsync(ManualConsumption.StreamId(meterId))).Select(e => e.Data).ToList();

    [Fact]
    public async Task A_correction_replaces_the_amount_and_both_stay_in_the_history()
    {
        var client = await host.AdminClientAsync();
        var meter = await HandWorkMeterAsync(client, "hand-12");

        (await client.PostAsJsonAsync(Url, Fill(meter, "10.50"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PostAsJsonAsync(Url, Fill(meter, 11.25m, dateTime: "2019-04-01 15:30:00"))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var history = await HistoryAsync(meter);
        history.Count.ShouldBe(2);
        var recorded = history[0].ShouldBeOfType<ManualConsumptionRecorded>();
        recorded.ShouldBe(recorded with { MeterId = meter, PeriodKind = ManualPeriodKind.Day, PeriodLabel = "2019-04-01", Amount = 10.50m, RecordedBy = Scenarios.AdminName });
        var corrected = history[1].ShouldBeOfType<ManualConsumptionCorrected>();
        corrected.Amount.ShouldBe(11.25m);
        corrected.Replaces.ShouldBe(10.50m);
        corrected.PeriodLabel.ShouldBe("2019-04-01");
        (await HistoryAsync(meter)).Aggregate(ManualConsumptionState.Initial, ManualConsumption.Evolve)
            .Amounts[(ManualPeriodKind.Day, "2019-04-01")].ShouldBe(11.25m);
    }

    [Fact]
    public async Task A_month_is_labelled_by_its_month_and_the_same_amount_again_records_nothing()
    {
        var client = await host.AdminClientAsync();
        var meter = await HandWorkMeterAsync(client, "hand-13");

        (await client.PostAsJsonAsync(Url, Fill(meter, "300", dateType: "2", dateTime: "2019-04-17 08:00:00"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PostAsJsonAsync(Url, Fill(meter, 300, dateType: "2", dateTime: "2019-04-01"))).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await HistoryAsync(meter)).ShouldHaveSingleItem().ShouldBeOfType<ManualConsumptionRecorded>().PeriodLabel.ShouldBe("2019-04");
    }

    [Theory]
    [InlineData("Date_Type", "1")]
    [InlineData("Date_Time", "April")]
    [InlineData("Data_Amount", "-1")]
    [InlineData("Data_Amount", "lots")]
    [InlineData("Meter_id", "0")]
    public async Task A_bad_fill_is_400_naming_the_field_and_records_nothing(string field, string value)
    {
        var client = await host.AdminClientAsync();
        var meter = await HandWorkMeterAsync(client, $"hand-bad-{field}-{value}");
        var fill = Fill(meter, "1");
        fill[field] = value;

        var response = await client.PostAsJsonAsync(Url, fill);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.EnvelopeAsync()).GetProperty("Err_Msg").GetString()!.ShouldContain(field);
        (await HistoryAsync(meter)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Filling_needs_a_login()
    {
        (await host.CreateClient().PostAsJsonAsync(Url, Fill(15, "1"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_unknown_meter_is_4002_and_a_meter_read_from_its_device_is_4004()
    {
        var client = await host.AdminClientAsync();
        var byDevice = await HandWorkMeterAsync(client, "read-by-device", handWork: 0);

        (await client.PostAsJsonAsync(Url, Fill(999_999, "5"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var notHandWork = await client.PostAsJsonAsync(Url, Fill(byDevice, "5"));
        notHandWork.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await notHandWork.EnvelopeAsync()).GetProperty("Err_Msg").GetString()!.ShouldContain("Is_HandWork");
        (await HistoryAsync(byDevice)).ShouldBeEmpty();
    }
}
