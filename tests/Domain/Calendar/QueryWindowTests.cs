using Energy.Domain.Calendar;
using static Energy.Domain.Tests.Calendar.CalendarTestData;

namespace Energy.Domain.Tests.Calendar;

public class QueryWindowTests
{
    [Fact]
    public void A_day_query_from_midnight_to_midnight_is_exactly_that_reporting_day()
    {
        var calendar = CalendarWith(day: "07:30:00");
        calendar.Window(TimeType.Day, At("2019-04-01 00:00"), At("2019-04-02 00:00"))
            .ShouldBe(calendar.PeriodOf(PeriodLabel.Day(2019, 4, 1)));
    }

    [Fact]
    public void A_query_covers_every_period_its_times_name_whatever_their_time_of_day()
    {
        var calendar = CalendarWith(month: -26);
        calendar.Window(TimeType.Month, At("2019-04-15 13:53"), At("2019-06-01 00:00"))
            .ShouldBe(new Period(At("2019-03-26 00:00"), At("2019-05-26 00:00")));
        calendar.Window(TimeType.Month, At("2019-04-15 13:53"), At("2019-06-01 00:01"))
            .ShouldBe(new Period(At("2019-03-26 00:00"), At("2019-06-26 00:00")));
    }

    [Fact]
    public void A_query_ending_before_it_starts_is_refused_naming_Time_End()
    {
        var error = Should.Throw<DomainRuleException>(() =>
            ReportingCalendar.Natural.Window(TimeType.Day, At("2019-04-02 00:00"), At("2019-04-01 00:00")));
        error.Field.ShouldBe("Time_End");
    }

    [Fact]
    public void A_year_splits_into_its_twelve_reporting_months()
    {
        var calendar = CalendarWith(month: -26);
        var window = calendar.Window(TimeType.Year, At("2019-01-01 00:00"), At("2020-01-01 00:00"));
        var months = calendar.Split(TimeType.Year, window);
        months.Count.ShouldBe(12);
        months[0].ShouldBe(new Period(At("2018-12-26 00:00"), At("2019-01-26 00:00")));
        months[^1].End.ShouldBe(window.End);
    }

    [Fact]
    public void A_month_splits_into_its_reporting_days()
    {
        var calendar = CalendarWith(month: -26, day: "07:30:00");
        var days = calendar.Split(TimeType.Month, calendar.PeriodOf(PeriodLabel.Month(2019, 4)));
        days.Count.ShouldBe(31);
        days[0].ShouldBe(calendar.PeriodOf(PeriodLabel.Day(2019, 3, 26)));
    }

    [Fact]
    public void A_day_splits_into_hours_by_default_and_into_any_number_of_minutes_from_its_start()
    {
        var calendar = CalendarWith(day: "07:30:00");
        var day = calendar.PeriodOf(PeriodLabel.Day(2019, 4, 1));
        calendar.Split(TimeType.Day, day).Count.ShouldBe(24);
        calendar.Split(TimeType.Day, day)[1].Start.ShouldBe(At("2019-04-01 08:30"));
        calendar.Split(TimeType.Day, day, 15).Count.ShouldBe(96);
        var sevens = calendar.Split(TimeType.Day, day, 7);
        sevens.Count.ShouldBe(206);
        sevens[^1].ShouldBe(new Period(At("2019-04-02 07:25"), At("2019-04-02 07:30")));
    }

    [Fact]
    public void A_zero_interval_is_refused_naming_Time_Interval()
    {
        var calendar = ReportingCalendar.Natural;
        Should.Throw<DomainRuleException>(() => calendar.Split(TimeType.Day, calendar.PeriodOf(PeriodLabel.Day(2019, 4, 1)), 0))
            .Field.ShouldBe("Time_Interval");
    }
}
