using System.Text.Json;
using Energy.Application.Common;
using Energy.Application.Rates;
using Energy.Domain.Rates;
using Energy.Application.EventStore;
using Energy.Http.Tests.Contract;
using Energy.Http.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Energy.Http.Tests.Settings;

public sealed class RateTests
{
    private static async Task<RateSchedule> ScheduleAsync(EnergyHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RateQueries>().ScheduleAsync();
    }

    private static JsonElement Rate(Answer list, int id) =>
        list.Json.GetProperty("Data").EnumerateArray().Single(r => r.GetProperty("id").GetInt64() == id);

    [Fact]
    public async Task Nine_rates_one_per_energy_type_exist_from_the_start()
    {
        using var host = new EnergyHost();
        var admin = await host.AdminClientAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => admin.GetAnswer("/api_3/rate")));

        var rows = answers[0].Json.GetProperty("Data").EnumerateArray().ToList();
        rows.Select(r => r.GetProperty("id").GetInt64()).ShouldBe([1, 2, 3, 4, 5, 6, 7, 8, 9]);
        rows.Select(r => r.GetProperty("Rate_Type").GetString()).ShouldBe(["0", "1", "2", "3", "4", "5", "6", "7", "8"]);
        rows[0].GetProperty("Rate_Name").GetString().ShouldBe("电费");
        rows[0].GetProperty("Rate_Unit").GetString().ShouldBe("元/kWh");
        rows[0].GetProperty("isSegmentation").GetString().ShouldBe("1");
        rows[0].GetProperty("Rate_Value").GetString().ShouldBe("0");

        // Concurrent first reads seeded each rate once, and new ids start after the nine.
        var store = host.Services.GetRequiredService<IEventStore>();
        foreach (var id in Enumerable.Range(1, 9))
        {
            (await store.StreamVersionAsync($"rate-{id}")).ShouldBe(1);
        }

        (await host.Services.GetRequiredService<Ids>().NextAsync("rate")).ShouldBe(10);
    }

    [Fact]
    public async Task A_rate_change_applies_from_its_instant_and_earlier_consumption_keeps_the_old_price()
    {
        using var host = new EnergyHost();
        var admin = await host.AdminClientAsync();
        await admin.GetAnswer("/api_3/rate");
        var before = DateTimeOffset.UtcNow;
        await Task.Delay(20);

        (await admin.PutBody("/api_3/rate", """
            {"id":1,"Rate_Name":"电费","Rate_Type":"0","Rate_Value":"0.85","isSegmentation":"1","Rate_Unit":"元/kWh"}
            """)).ErrNo.ShouldBe("0");
        var after = DateTimeOffset.UtcNow;

        Rate(await admin.GetAnswer("/api_3/rate"), 1).GetProperty("Rate_Value").GetString().ShouldBe("0.85");
        var schedule = await ScheduleAsync(host);
        schedule.PriceAt(0, before).ShouldBe(0m);
        schedule.PriceAt(0, after).ShouldBe(0.85m);
        schedule.PriceAt(1, after).ShouldBe(0m);
    }

    [Fact]
    public async Task A_segmented_rate_prices_its_segment_at_the_begin_rate_and_the_rest_of_the_day_at_the_end_rate()
    {
        using var host = new EnergyHost();
        var admin = await host.AdminClientAsync();

        (await admin.PutBody("/api_3/rate", """
            {"id":1,"Rate_Name":"峰谷电价","Rate_Type":0,"isSegmentation":"0","Seg_Begin":"08:00:00","Seg_Begin_Rate":1.2,
             "Seg_End":"22:00:00","Seg_End_Rate":"0.4","Rate_Unit":"元/kWh"}
            """)).ErrNo.ShouldBe("0");

        var row = Rate(await admin.GetAnswer("/api_3/rate"), 1);
        row.GetProperty("isSegmentation").GetString().ShouldBe("0");
        row.GetProperty("Seg_Begin").GetString().ShouldBe("08:00:00");
        row.GetProperty("Seg_End_Rate").GetString().ShouldBe("0.4");

        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(1);
        DateTimeOffset Plant(int hour, int minute) => new DateTimeOffset(tomorrow.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.FromHours(8));
        var schedule = await ScheduleAsync(host);
        schedule.PriceAt(0, Plant(7, 59)).ShouldBe(0.4m);
        schedule.PriceAt(0, Plant(8, 0)).ShouldBe(1.2m);
        schedule.PriceAt(0, Plant(21, 59)).ShouldBe(1.2m);
        schedule.PriceAt(0, Plant(22, 0)).ShouldBe(0.4m);
        schedule.Pieces(0, Plant(7, 0), Plant(9, 0)).Select(p => p.Price).ShouldBe([0.4m, 1.2m]);
    }

    [Theory]
    [InlineData("""{"id":10,"Rate_Name":"x","Rate_Type":"0","Rate_Value":"1","isSegmentation":"1","Rate_Unit":"元"}""", "4002", null)]
    [InlineData("""{"id":1,"Rate_Name":"x","Rate_Type":"1","Rate_Value":"1","isSegmentation":"1","Rate_Unit":"元"}""", "4103", "Rate_Type")]
    [InlineData("""{"id":1,"Rate_Name":"x","Rate_Type":"0","isSegmentation":"1","Rate_Unit":"元"}""", "4103", "Rate_Value")]
    [InlineData("""{"id":1,"Rate_Name":"x","Rate_Type":"0","isSegmentation":"0","Seg_Begin_Rate":"1","Seg_End":"22:00:00","Seg_End_Rate":"1","Rate_Unit":"元"}""", "4103", "Seg_Begin")]
    [InlineData("""{"id":1,"Rate_Name":"x","Rate_Type":"0","isSegmentation":"2","Rate_Value":"1","Rate_Unit":"元"}""", "4103", "isSegmentation")]
    [InlineData("""{"id":1,"Rate_Name":"x","Rate_Type":"0","isSegmentation":"1","Rate_Value":"abc","Rate_Unit":"元"}""", "4103", "Rate_Value")]
    public async Task Bad_rate_changes_are_refused_naming_the_field_and_change_nothing(string body, string errNo, string? field)
    {
        using var host = new EnergyHost();
        var admin = await host.AdminClientAsync();

        var answer = await admin.PutBody("/api_3/rate", body);

        answer.ErrNo.ShouldBe(errNo);
        if (field is not null)
        {
            answer.ErrMsg.ShouldContain(field);
        }

        (await host.Services.GetRequiredService<IEventStore>().StreamVersionAsync(Energy.Domain.Rates.Rate.StreamId(1))).ShouldBeLessThanOrEqualTo(1);
        (await ScheduleAsync(host)).PriceAt(0, DateTimeOffset.UtcNow).ShouldBe(0m);
    }
}
