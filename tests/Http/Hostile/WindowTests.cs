using Energy.Http.Tests.Contract;
using Energy.Http.Tests.Support;

namespace Energy.Http.Tests.Hostile;

/// <summary>
/// Issue 17: 3.1/3.2 windows that step off the calendar (year 0001 to 9999) were an ArgumentOutOfRangeException
/// in the rate schedule; every request time is now bounded (PlantTime.Earliest/Latest), a 4103 naming the field.
/// </summary>
public sealed class WindowTests(HostileFixture fixture) : IClassFixture<HostileFixture>
{
    [Theory]
    [InlineData("allenergy", "0001-01-01 00:00:00", "9999-12-31 00:00:00", "Time_Start")]
    [InlineData("detailenergy", "0001-01-01 00:00:00", "9999-12-31 00:00:00", "Time_Start")]
    [InlineData("allenergy", "2019-01-01 00:00:00", "9999-12-31 23:59:59", "Time_End")]
    [InlineData("detailenergy", "1969-12-31 00:00:00", "2019-01-01 00:00:00", "Time_Start")]
    [InlineData("allenergy", "0001-01-01T00:00:00+08:00", "2019-01-01 00:00:00", "Time_Start")]
    public async Task A_window_beyond_the_calendar_is_400_naming_the_time(string endpoint, string start, string end, string field)
    {
        var client = await fixture.Host.AdminClientAsync();

        var answer = await client.GetAnswer($"/api_3/{endpoint}?Time_Type=1&Amount_Type=1&Time_Start={Uri.EscapeDataString(start)}&Time_End={Uri.EscapeDataString(end)}");

        answer.ShouldBeBadParameter(field);
    }

    [Fact]
    public async Task The_widest_allowed_window_is_answered()
    {
        var client = await fixture.Host.AdminClientAsync();

        var answer = await client.GetAnswer("/api_3/allenergy?Time_Type=1&Amount_Type=1&Time_Start=1970-01-02%2000:00:00&Time_End=2199-01-01%2000:00:00");

        answer.Status.ShouldBe(HttpStatusCode.OK, answer.Body);
        answer.ErrNo.ShouldBe("0");
    }
}
