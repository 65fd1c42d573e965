using System.Globalization;
using System.Text.Json.Serialization;
using Energy.Domain.Calendar;

namespace Energy.Http.Settings;

/// <summary>Seed 4.4's body: six <c>str</c> fields, all required (numbers are accepted for the integers).</summary>
public sealed record ChangeReportingPeriodsRequest(
    [property: JsonPropertyName("Year_Start")] string YearStart,
    [property: JsonPropertyName("Year_End")] string YearEnd,
    [property: JsonPropertyName("Month_Start")] string MonthStart,
    [property: JsonPropertyName("Month_End")] string MonthEnd,
    [property: JsonPropertyName("Day_Start")] string DayStart,
    [property: JsonPropertyName("Day_End")] string DayEnd);

/// <summary>Seed 4.3's row.</summary>
public sealed record ReportingPeriodsResponse(
    [property: JsonPropertyName("Year_Start")] string YearStart,
    [property: JsonPropertyName("Year_End")] string YearEnd,
    [property: JsonPropertyName("Month_Start")] string MonthStart,
    [property: JsonPropertyName("Month_End")] string MonthEnd,
    [property: JsonPropertyName("Day_Start")] string DayStart,
    [property: JsonPropertyName("Day_End")] string DayEnd)
{
    public static ReportingPeriodsResponse From(ReportingPeriods p) => new(
        Text(p.YearStart), Text(p.YearEnd), Text(p.MonthStart), Text(p.MonthEnd), p.DayStart.ToString(), p.DayEnd.ToString());

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
