using Energy.Domain.Calendar;
using static Energy.Domain.Tests.Calendar.CalendarTestData;

namespace Energy.Domain.Tests.Calendar;

public class ReportingPeriodsTests
{
    private static readonly DateTimeOffset Now = new(2019, 4, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1, -1, 1, 1, "Year_End")]
    [InlineData(3, 2, 1, 1, "Year_End")]
    [InlineData(1, 1, -26, 26, "Month_End")]
    [InlineData(0, 0, 1, 1, "Year_Start")]
    [InlineData(13, 13, 1, 1, "Year_Start")]
    [InlineData(1, 1, 32, 32, "Month_Start")]
    [InlineData(1, 1, -32, -32, "Month_Start")]
    public void Settings_out_of_range_or_that_do_not_tile_time_are_refused_naming_the_field(int ys, int ye, int ms, int me, string field)
    {
        var periods = new ReportingPeriods(ys, ye, ms, me, DayBoundary.Midnight, DayBoundary.Midnight);
        Should.Throw<DomainRuleException>(() => periods.Validate()).Field.ShouldBe(field);
    }

    [Theory]
    [InlineData("07:30:00", "-07:30:00")]
    [InlineData("07:30:00", "08:30:00")]
    public void A_day_end_other_than_the_day_start_is_refused_naming_Day_End(string start, string end)
    {
        var periods = ReportingPeriods.Default with { DayStart = Day(start), DayEnd = Day(end) };
        Should.Throw<DomainRuleException>(() => periods.Validate()).Field.ShouldBe("Day_End");
    }

    [Theory]
    [InlineData("07:30:00", false, 7, 30)]
    [InlineData("-07:30:00", true, 7, 30)]
    [InlineData("7:05:00", false, 7, 5)]
    [InlineData("-00:00:00", true, 0, 0)]
    [InlineData("23:59:59", false, 23, 59)]
    public void Day_boundaries_read_the_seed_form(string text, bool negative, int hours, int minutes)
    {
        var boundary = Day(text);
        boundary.Negative.ShouldBe(negative);
        boundary.TimeOfDay.ShouldBe(new TimeSpan(hours, minutes, boundary.TimeOfDay.Seconds));
    }

    [Theory]
    [InlineData("24:00:00")]
    [InlineData("07:60:00")]
    [InlineData("7:30")]
    [InlineData("+07:30:00")]
    [InlineData("")]
    public void Day_boundaries_refuse_anything_else(string text) => DayBoundary.TryParse(text).ShouldBeNull();

    [Fact]
    public void Given_default_settings_when_setting_other_ones_then_they_are_changed()
    {
        var wanted = new ReportingPeriods(4, 4, -26, -26, Day("07:30:00"), Day("07:30:00"));
        ReportingPeriodsSettings.Decide(new ChangeReportingPeriods(wanted, Now), ReportingPeriodsSettings.Initial)
            .ShouldBe([new ReportingPeriodsChanged(4, 4, -26, -26, "07:30:00", "07:30:00", Now)]);
    }

    [Fact]
    public void Given_settings_when_setting_the_same_again_then_nothing_happens()
    {
        var events = new object[] { new ReportingPeriodsChanged(4, 4, -26, -26, "07:30:00", "07:30:00", Now) };
        var state = events.Aggregate(ReportingPeriodsSettings.Initial, ReportingPeriodsSettings.Evolve);
        var again = new ReportingPeriods(4, 4, -26, -26, Day("07:30:00"), Day("07:30:00"));
        ReportingPeriodsSettings.Decide(new ChangeReportingPeriods(again, Now), state).ShouldBeEmpty();
    }

    [Fact]
    public void Given_settings_when_setting_ones_that_do_not_tile_then_the_command_is_refused()
    {
        var bad = new ReportingPeriods(4, 5, 1, 1, DayBoundary.Midnight, DayBoundary.Midnight);
        Should.Throw<DomainRuleException>(() => ReportingPeriodsSettings.Decide(new ChangeReportingPeriods(bad, Now), ReportingPeriodsSettings.Initial))
            .Field.ShouldBe("Year_End");
    }
}
