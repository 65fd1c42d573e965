using Energy.Application.Settings;
using Energy.Domain.Calendar;
using Energy.Application.EventStore;
using Energy.Http.Tests.Contract;
using Energy.Http.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Energy.Http.Tests.Settings.SettingsRequests;

namespace Energy.Http.Tests.Settings;

public sealed class ReportingPeriodsTests
{
    [Fact]
    public async Task Until_someone_sets_them_the_periods_are_natural_years_months_and_days()
    {
        using var host = new EnergyHost();
        var admin = await host.AdminClientAsync();

        var row = (await admin.GetAnswer("/api_3/personalise")).Json.GetProperty("Data")[0];
        row.GetProperty("Year_Start").GetString().ShouldBe("1");
        row.GetProperty("Month_End").GetString().ShouldBe("1");
        row.GetProperty("Day_Start").GetString().ShouldBe("00:00:00");
        row.GetProperty("Day_End").GetString().ShouldBe("00:00:00");
    }

    [Theory]
    [InlineData("1", "-1", "1", "1", "00:00:00", "00:00:00", "Year_End")]
    [InlineData("1", "1", "-26", "26", "00:00:00", "00:00:00", "Month_End")]
    [InlineData("1", "1", "1", "1", "07:30:00", "-07:30:00", "Day_End")]
    [InlineData("0", "0", "1", "1", "00:00:00", "00:00:00", "Year_Start")]
    [InlineData("1", "1", "32", "32", "00:00:00", "00:00:00", "Month_Start")]
    [InlineData("1", "1", "1", "1", "24:00:00", "24:00:00", "Day_Start")]
    [InlineData("x", "1", "1", "1", "00:00:00", "00:00:00", "Year_Start")]
    public async Task Settings_that_are_out_of_range_or_do_not_tile_time_are_refused_with_4103_naming_the_field(
        string ys, string ye, string ms, string me, string ds, string de, string field)
    {
        using var host = new EnergyHost();
        var admin = await host.AdminClientAsync();

        var answer = await admin.PutBody("/api_3/personalise", Periods(ys, ye, ms, me, ds, de));

        answer.ErrNo.ShouldBe("4103");
        answer.Status.ShouldBe(HttpStatusCode.BadRequest);
        answer.ErrMsg.ShouldContain(field);
        (await host.Services.GetRequiredService<IEventStore>().StreamVersionAsync(ReportingPeriodsSettings.StreamId)).ShouldBe(0);
    }

    [Fact]
    public async Task Accepted_settings_are_returned_by_the_get_and_change_the_calendar()
    {
        using var host = new EnergyHost();
        var admin = await host.AdminClientAsync();

        (await admin.PutBody("/api_3/personalise", """
            {"Year_Start":4,"Year_End":4,"Month_Start":"-26","Month_End":"-26","Day_Start":"07:30:00","Day_End":"07:30:00"}
            """)).ErrNo.ShouldBe("0");

        var row = (await admin.GetAnswer("/api_3/personalise")).Json.GetProperty("Data")[0];
        row.GetProperty("Year_Start").GetString().ShouldBe("4");
        row.GetProperty("Month_Start").GetString().ShouldBe("-26");
        row.GetProperty("Day_End").GetString().ShouldBe("07:30:00");

        await using var scope = host.Services.CreateAsyncScope();
        var calendar = await scope.ServiceProvider.GetRequiredService<SettingsQueries>().CalendarAsync();
        calendar.Window(TimeType.Day, new DateTime(2019, 4, 1), new DateTime(2019, 4, 2))
            .ShouldBe(new Period(new DateTime(2019, 4, 1, 7, 30, 0), new DateTime(2019, 4, 2, 7, 30, 0)));
        calendar.PeriodOf(PeriodLabel.Month(2019, 4))
            .ShouldBe(new Period(new DateTime(2019, 3, 26, 7, 30, 0), new DateTime(2019, 4, 26, 7, 30, 0)));
        calendar.PeriodOf(PeriodLabel.Year(2019)).Start.ShouldBe(new DateTime(2019, 3, 26, 7, 30, 0));
    }

    [Fact]
    public async Task Setting_the_same_periods_again_appends_nothing()
    {
        using var host = new EnergyHost();
        var admin = await host.AdminClientAsync();
        var body = Periods("1", "1", "-26", "-26", "00:00:00", "00:00:00");

        (await admin.PutBody("/api_3/personalise", body)).ErrNo.ShouldBe("0");
        (await admin.PutBody("/api_3/personalise", body)).ErrNo.ShouldBe("0");

        (await host.Services.GetRequiredService<IEventStore>().StreamVersionAsync(ReportingPeriodsSettings.StreamId)).ShouldBe(1);
    }

    [Fact]
    public async Task Settings_need_a_logged_in_user()
    {
        using var host = new EnergyHost();
        (await host.CreateClient().GetAnswer("/api_3/personalise")).ErrNo.ShouldBe("4101");
    }
}
