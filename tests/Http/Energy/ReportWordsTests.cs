using Energy.Application.Energy.Reports;
using Energy.Domain.Calendar;

namespace Energy.Http.Tests.Consumption;

/// <summary>The words of a report's title and point columns (issue 20): periods in Chinese, points as a plant reads them.</summary>
public sealed class ReportWordsTests
{
    [Fact]
    public void A_period_is_named_in_words_and_a_span_drops_the_repeated_year()
    {
        ReportWords.Period(PeriodLabel.Day(2026, 12, 1), PeriodLabel.Day(2026, 12, 1)).ShouldBe("2026年12月1日");
        ReportWords.Period(PeriodLabel.Day(2026, 12, 1), PeriodLabel.Day(2026, 12, 4)).ShouldBe("2026年12月1日至12月4日");
        ReportWords.Period(PeriodLabel.Day(2026, 12, 30), PeriodLabel.Day(2027, 1, 2)).ShouldBe("2026年12月30日至2027年1月2日");
        ReportWords.Period(PeriodLabel.Month(2026, 12), PeriodLabel.Month(2026, 12)).ShouldBe("2026年12月");
        ReportWords.Period(PeriodLabel.Year(2025), PeriodLabel.Year(2026)).ShouldBe("2025年至2026年");
    }

    [Fact]
    public void Points_read_as_hours_days_or_months_with_the_date_only_where_a_window_crosses_one()
    {
        var start = new DateTime(2026, 12, 1, 7, 30, 0);
        ReportWords.Times(TimeType.Day, [start, start.AddHours(1)], [], oneDay: true).ShouldBe(["07:30", "08:30"]);
        ReportWords.Times(TimeType.Day, [start, start.AddDays(1)], [], oneDay: false).ShouldBe(["12/1 07:30", "12/2 07:30"]);
        ReportWords.Times(TimeType.Month, [], [PeriodLabel.Day(2026, 12, 1), PeriodLabel.Day(2026, 12, 31)], oneDay: false).ShouldBe(["1日", "31日"]);
        // A reporting month from the 26th: its days cross a natural month.
        ReportWords.Times(TimeType.Month, [], [PeriodLabel.Day(2026, 11, 26), PeriodLabel.Day(2026, 12, 1)], oneDay: false).ShouldBe(["11/26", "12/1"]);
        ReportWords.Times(TimeType.Year, [], [PeriodLabel.Month(2026, 1), PeriodLabel.Month(2026, 12)], oneDay: false).ShouldBe(["1月", "12月"]);
    }
}
