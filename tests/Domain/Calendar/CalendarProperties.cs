using Energy.Domain.Calendar;
using FsCheck;
using FsCheck.Fluent;

namespace Energy.Domain.Tests.Calendar;

/// <summary>For any valid settings, reporting periods tile time: no overlap, no hole.</summary>
public class CalendarProperties
{
    private static readonly Gen<int> Sign = Gen.Elements(1, -1);

    private static readonly Gen<ReportingPeriods> Settings =
        from year in Gen.Choose(1, 12)
        from yearSign in Sign
        from month in Gen.Choose(1, 31)
        from monthSign in Sign
        from negativeDay in Gen.Elements(false, true)
        from seconds in Gen.Choose(0, (24 * 3600) - 1)
        let day = new DayBoundary(negativeDay, TimeSpan.FromSeconds(seconds))
        select new ReportingPeriods(year * yearSign, year * yearSign, month * monthSign, month * monthSign, day, day);

    private static readonly Gen<(ReportingPeriods, TimeType, DateOnly)> Cases =
        from settings in Settings
        from type in Gen.Elements(TimeType.Year, TimeType.Month, TimeType.Day)
        from dayNumber in Gen.Choose(new DateOnly(1990, 1, 1).DayNumber, new DateOnly(2060, 12, 31).DayNumber)
        select (settings, type, DateOnly.FromDayNumber(dayNumber));

    [Fact]
    public void Consecutive_periods_tile_time_for_any_valid_settings()
    {
        Prop.ForAll(Arb.From(Cases), c =>
        {
            var (settings, type, date) = c;
            var calendar = new ReportingCalendar(settings);
            var label = new PeriodLabel(type, date);
            var period = calendar.PeriodOf(label);
            var next = calendar.PeriodOf(label.Next);
            return period.Start < period.End
                && period.End == next.Start
                && calendar.LabelOf(type, period.Start) == label
                && calendar.LabelOf(type, period.End.AddTicks(-1)) == label;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Every_instant_lies_in_the_period_of_its_label()
    {
        Prop.ForAll(Arb.From(Cases), Arb.From(Gen.Choose(0, (24 * 3600) - 1)), (c, seconds) =>
        {
            var (settings, type, date) = c;
            var calendar = new ReportingCalendar(settings);
            var instant = date.ToDateTime(TimeOnly.MinValue).AddSeconds(seconds);
            return calendar.PeriodOf(calendar.LabelOf(type, instant)).Contains(instant);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_year_or_month_splits_into_whole_reporting_months_or_days_that_tile_it()
    {
        Prop.ForAll(Arb.From(Cases), c =>
        {
            var (settings, type, date) = c;
            var calendar = new ReportingCalendar(settings);
            var window = calendar.PeriodOf(new PeriodLabel(type, date));
            var parts = calendar.Split(type, window);
            var unit = type switch { TimeType.Year => TimeType.Month, TimeType.Month => TimeType.Day, _ => TimeType.Day };
            return parts[0].Start == window.Start
                && parts[^1].End == window.End
                && parts.Zip(parts.Skip(1)).All(p => p.First.End == p.Second.Start)
                && (type == TimeType.Day || parts.All(p => calendar.PeriodOf(calendar.LabelOf(unit, p.Start)) == p));
        }).QuickCheckThrowOnFailure();
    }
}
