using System.Globalization;
using Energy.Http.Tests.Contract;
using Energy.Http.Tests.Vendor.Support;

namespace Energy.Http.Tests.Hostile;

/// <summary>
/// Issue 17: readings outside the plausibility window (ReadingWindow: not after now + 1 day, not before 2000) or with a
/// negative cumulative counter are refused with 4103 naming the field, and nothing of the delivery is stored.
/// </summary>
public sealed class ReadingPlausibilityTests(HostileFixture fixture) : IClassFixture<HostileFixture>
{
    private static string NewDevice() => "1118" + Random.Shared.NextInt64(10_000_000, 99_999_999);

    /// <summary>A plant wall-clock time (Asia/Shanghai) <paramref name="offset"/> from now.</summary>
    private static string PlantIn(TimeSpan offset) =>
        (DateTime.UtcNow + offset + TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private async Task<Answer> PushAsync(string sjsj, decimal counter = 8.96m)
    {
        var device = NewDevice();
        var client = fixture.Host.CreateClient();
        var before = await Hostility.EventCountAsync(fixture.Host.Database);
        var answer = await Answer.Of(await client.PostJsonAsync("/api/bbi/push",
            Pushes.Push(device, "d-" + Guid.NewGuid().ToString("N"), Pushes.Reading(sjsj: "2021-09-28 09:04:00"), Pushes.Reading(sjsj, counter))));
        if (answer.ErrNo != "0")
        {
            (await Hostility.EventCountAsync(fixture.Host.Database)).ShouldBe(before, "a refused delivery stores none of its readings");
        }

        return answer;
    }

    [Fact]
    public async Task A_reading_dated_two_days_ahead_is_400_naming_its_sjsj()
    {
        (await PushAsync(PlantIn(TimeSpan.FromDays(2)))).ShouldBeBadParameter("data[1].sjsj");
    }

    [Fact]
    public async Task A_reading_dated_in_the_year_9999_is_400_naming_its_sjsj()
    {
        (await PushAsync("9999-12-31 23:59:59")).ShouldBeBadParameter("data[1].sjsj");
    }

    [Fact]
    public async Task A_reading_dated_before_2000_is_400_naming_its_sjsj()
    {
        (await PushAsync("1999-12-31 23:00:00")).ShouldBeBadParameter("data[1].sjsj");
    }

    [Fact]
    public async Task A_reading_an_hour_ahead_of_the_clock_is_accepted()
    {
        (await PushAsync(PlantIn(TimeSpan.FromHours(1)))).ErrNo.ShouldBe("0");
    }

    [Fact]
    public async Task A_negative_energy_counter_is_400_naming_the_counter()
    {
        (await PushAsync("2021-09-28 09:05:00", counter: -1m)).ShouldBeBadParameter("data[1].zxygzdl");
    }
}
