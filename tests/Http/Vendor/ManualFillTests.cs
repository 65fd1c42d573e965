using Energy.Domain.Readings;
using Energy.EventStore;
using Energy.Http.Tests.Support;
using Energy.Http.Tests.Vendor.Support;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Energy.Http.Tests.Vendor;

/// <summary>Seed 5.6 <c>POST /api_3/PRP_manual_energy_measure_datas</c>.</summary>
public sealed class ManualFillTests(VendorHost host) : IClassFixture<VendorHost>
{
    private const string Url = "/api_3/PRP_manual_energy_measure_datas";

    private static Dictionary<string, object> Fill(long meterId, object amount, string dateType = "3", string dateTime = "2019-04-01 00:00:00") => new()
    {
        ["Meter_id"] = meterId, ["Date_Time"] = dateTime, ["Date_Type"] = dateType, ["Data_Amount"] = amount,
    };

    private async Task<IReadOnlyList<object>> HistoryAsync(long meterId) =>
        (await host.Services.GetRequiredService<IEventStore>().ReadStreamAsync(ManualConsumption.StreamId(meterId))).Select(e => e.Data).ToList();

    [Fact]
    public async Task A_correction_replaces_the_amount_and_both_stay_in_the_history()
    {
        var client = await host.AdminClientAsync();

        (await client.PostAsJsonAsync(Url, Fill(12, "10.50"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PostAsJsonAsync(Url, Fill(12, 11.25m, dateTime: "2019-04-01 15:30:00"))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var history = await HistoryAsync(12);
        history.Count.ShouldBe(2);
        var recorded = history[0].ShouldBeOfType<ManualConsumptionRecorded>();
        recorded.ShouldBe(recorded with { MeterId = 12, PeriodKind = ManualPeriodKind.Day, PeriodLabel = "2019-04-01", Amount = 10.50m, RecordedBy = Scenarios.AdminName });
        var corrected = history[1].ShouldBeOfType<ManualConsumptionCorrected>();
        corrected.Amount.ShouldBe(11.25m);
        corrected.Replaces.ShouldBe(10.50m);
        corrected.PeriodLabel.ShouldBe("2019-04-01");
        (await HistoryAsync(12)).Aggregate(ManualConsumptionState.Initial, ManualConsumption.Evolve)
            .Amounts[(ManualPeriodKind.Day, "2019-04-01")].ShouldBe(11.25m);
    }

    [Fact]
    public async Task A_month_is_labelled_by_its_month_and_the_same_amount_again_records_nothing()
    {
        var client = await host.AdminClientAsync();

        (await client.PostAsJsonAsync(Url, Fill(13, "300", dateType: "2", dateTime: "2019-04-17 08:00:00"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PostAsJsonAsync(Url, Fill(13, 300, dateType: "2", dateTime: "2019-04-01"))).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await HistoryAsync(13)).ShouldHaveSingleItem().ShouldBeOfType<ManualConsumptionRecorded>().PeriodLabel.ShouldBe("2019-04");
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
        var fill = Fill(14, "1");
        fill[field] = value;

        var response = await client.PostAsJsonAsync(Url, fill);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.EnvelopeAsync()).GetProperty("Err_Msg").GetString()!.ShouldContain(field);
        (await HistoryAsync(14)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Filling_needs_a_login()
    {
        (await host.CreateClient().PostAsJsonAsync(Url, Fill(15, "1"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Once_a_meters_read_model_exists_an_unknown_meter_is_4002_and_a_meter_read_from_its_device_is_4004()
    {
        // Stands in for the meter catalog's read model (being written on another branch).
        await using var other = new VendorHost();
        var client = await other.AdminClientAsync();
        await using (var conn = new NpgsqlConnection(other.Database))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("""
                CREATE TABLE IF NOT EXISTS meters (id bigint PRIMARY KEY, code text, deleted_at timestamptz, is_handwork int NOT NULL DEFAULT 0);
                INSERT INTO meters (id, code, is_handwork) VALUES (1, NULL, 1), (2, '111800000490', 0);
                """, conn);
            await cmd.ExecuteNonQueryAsync();
        }

        (await client.PostAsJsonAsync(Url, Fill(1, "5"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PostAsJsonAsync(Url, Fill(99, "5"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var notHandWork = await client.PostAsJsonAsync(Url, Fill(2, "5"));
        notHandWork.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await notHandWork.EnvelopeAsync()).GetProperty("Err_Msg").GetString()!.ShouldContain("Is_HandWork");
    }
}
