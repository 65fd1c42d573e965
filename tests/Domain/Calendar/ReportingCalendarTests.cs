using Energy.Domain.Calendar;
using static Energy.Domain.Tests.Calendar.CalendarTestData;

namespace Energy.Domain.Tests.Calendar;

public class ReportingCalendarTests
{
    [Fact]
    public void Day_start_0730_makes_day_2019_04_01_run_from_0730_to_0730_of_the_next_day()
    {
        CalendarWith(day: "07:30:00").PeriodOf(PeriodLabel.Day(2019, 4, 1))
            .ShouldBe(new Period(At("2019-04-01 07:30"), At("2019-04-02 07:30")));
    }

    [Fact]
    public void Negative_day_start_begins_the_day_on_the_previous_date()
    {
        CalendarWith(day: "-07:30:00").PeriodOf(PeriodLabel.Day(2019, 4, 1))
            .ShouldBe(new Period(At("2019-03-31 07:30"), At("2019-04-01 07:30")));
    }

    [Fact]
    public void Month_start_minus_26_makes_april_run_from_march_26_to_april_26()
    {
        CalendarWith(month: -26).PeriodOf(PeriodLabel.Month(2019, 4))
            .ShouldBe(new Period(At("2019-03-26 00:00"), At("2019-04-26 00:00")));
    }

    [Fact]
    public void Month_boundaries_start_where_the_reporting_day_of_that_date_starts()
    {
        CalendarWith(month: -26, day: "07:30:00").PeriodOf(PeriodLabel.Month(2019, 4))
            .ShouldBe(new Period(At("2019-03-26 07:30"), At("2019-04-26 07:30")));
    }

    [Fact]
    public void A_month_shorter_than_the_start_day_uses_its_last_day()
    {
        var calendar = CalendarWith(month: 31);
        calendar.PeriodOf(PeriodLabel.Month(2019, 2)).ShouldBe(new Period(At("2019-02-28 00:00"), At("2019-03-31 00:00")));
        calendar.PeriodOf(PeriodLabel.Month(2020, 2)).ShouldBe(new Period(At("2020-02-29 00:00"), At("2020-03-31 00:00")));
        calendar.PeriodOf(PeriodLabel.Month(2019, 4)).ShouldBe(new Period(At("2019-04-30 00:00"), At("2019-05-31 00:00")));
    }

    [Fact]
    public void Year_start_4_makes_year_2019_run_from_april_2019_to_april_2020()
    {
        CalendarWith(year: 4).PeriodOf(PeriodLabel.Year(2019)).ShouldBe(new Period(At("2019-04-01 00:00"), At("2020-04-01 00:00")));
    }

    [Fact]
    public void Year_boundaries_follow_month_and_day_settings()
    {
        CalendarWith(year: -10, month: -26, day: "07:30:00").PeriodOf(PeriodLabel.Year(2019))
            .ShouldBe(new Period(At("2018-09-26 07:30"), At("2019-09-26 07:30")));
    }

    [Fact]
    public void Natural_settings_give_calendar_years_months_and_days()
    {
        var calendar = ReportingCalendar.Natural;
        calendar.PeriodOf(PeriodLabel.Year(2019)).ShouldBe(new Period(At("2019-01-01 00:00"), At("2020-01-01 00:00")));
        calendar.PeriodOf(PeriodLabel.Month(2019, 12)).ShouldBe(new Period(At("2019-12-01 00:00"), At("2020-01-01 00:00")));
        calendar.PeriodOf(PeriodLabel.Day(2019, 12, 31)).ShouldBe(new Period(At("2019-12-31 00:00"), At("2020-01-01 00:00")));
    }

    [Theory]
    [InlineData("2019-04-02 07:29", TimeType.Day, "2019-04-01")]
    [InlineData("2019-04-02 07:30", TimeType.Day, "2019-04-02")]
    [InlineData("2019-03-26 07:29", TimeType.Month, "2019-03")]
    [InlineData("2019-03-26 07:30", TimeType.Month, "2019-04")]
    [InlineData("2018-09-26 07:30", TimeType.Year, "2019")]
    [InlineData("2018-09-26 07:29", TimeType.Year, "2018")]
    public void An_instant_belongs_to_the_period_whose_boundaries_enclose_it(string instant, TimeType type, string label)
    {
        CalendarWith(year: -10, month: -26, day: "07:30:00").LabelOf(type, At(instant)).ToString().ShouldBe(label);
    }
}
