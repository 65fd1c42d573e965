using Energy.Domain.Shifts;
using Energy.Application.EventStore;
using Energy.Http.Tests.Contract;
using Energy.Http.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Energy.Http.Tests.Settings;

public sealed class ShiftTests
{
    [Fact]
    public async Task The_default_shifts_are_day_and_night()
    {
        using var host = new EnergyHost();
        var admin = await host.AdminClientAsync();

        var answer = await admin.GetAnswer("/api_3/shifts");

        answer.Json.GetProperty("Data").EnumerateArray()
            .Select(s => $"{s.GetProperty("Shift_Name").GetString()} {s.GetProperty("Start").GetString()}-{s.GetProperty("End").GetString()}")
            .ShouldBe(["白班 08:00:00-20:00:00", "夜班 20:00:00-08:00:00"]);
    }

    [Fact]
    public async Task Three_shifts_around_the_clock_replace_the_defaults()
    {
        using var host = new EnergyHost();
        var admin = await host.AdminClientAsync();

        (await admin.PutBody("/api_3/shifts", """
            [{"Shift_Name":"早班","Start":"00:00:00","End":"08:00:00"},{"Shift_Name":"中班","Start":"08:00:00","End":"16:00:00"},
             {"Shift_Name":"晚班","Start":"16:00:00","End":"00:00:00"}]
            """)).ErrNo.ShouldBe("0");

        var names = (await admin.GetAnswer("/api_3/shifts")).Json.GetProperty("Data").EnumerateArray().Select(s => s.GetProperty("Shift_Name").GetString());
        names.ShouldBe(["早班", "中班", "晚班"]);
    }

    [Theory]
    [InlineData("""[{"Shift_Name":"白班","Start":"08:00:00","End":"20:00:00"},{"Shift_Name":"夜班","Start":"19:00:00","End":"08:00:00"}]""", "[0].End")]
    [InlineData("""[{"Shift_Name":"白班","Start":"08:00:00","End":"20:00:00"},{"Shift_Name":"夜班","Start":"20:00:00","End":"07:00:00"}]""", "[1].End")]
    [InlineData("""[{"Shift_Name":"白班","Start":"08:00:00","End":"20:00:00"},{"Shift_Name":"白班","Start":"20:00:00","End":"08:00:00"}]""", "[1].Shift_Name")]
    [InlineData("""[{"Shift_Name":"白班","Start":"25:00:00","End":"20:00:00"},{"Shift_Name":"夜班","Start":"20:00:00","End":"08:00:00"}]""", "[0].Start")]
    [InlineData("""[{"Shift_Name":"白班","Start":"08:00:00"}]""", "End")]
    public async Task Shifts_that_overlap_leave_gaps_repeat_a_name_or_are_malformed_are_refused_naming_the_entry(string body, string field)
    {
        using var host = new EnergyHost();
        var admin = await host.AdminClientAsync();

        var answer = await admin.PutBody("/api_3/shifts", body);

        answer.ErrNo.ShouldBe("4103");
        answer.ErrMsg.ShouldContain(field);
        (await host.Services.GetRequiredService<IEventStore>().StreamVersionAsync(ShiftSettings.StreamId)).ShouldBe(0);
    }
}
