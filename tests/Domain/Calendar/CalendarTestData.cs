using Energy.Domain.Calendar;

namespace Energy.Domain.Tests.Calendar;

internal static class CalendarTestData
{
    public static DateTime At(string text) => DateTime.ParseExact(text, "yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public static DayBoundary Day(string text) => DayBoundary.TryParse(text) ?? throw new ArgumentException(text);

    public static ReportingCalendar CalendarWith(int year = 1, int month = 1, string day = "00:00:00") =>
        new(new ReportingPeriods(year, year, month, month, Day(day), Day(day)));
}
