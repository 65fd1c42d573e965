using System.Globalization;
using Energy.Application.Common;
using Energy.Domain.Calendar;

namespace Energy.Application.Settings;

/// <summary>Reads seed 4.4's six <c>str</c> fields; a malformed one is 4103 naming it.</summary>
public static class ReportingPeriodsInput
{
    public static ReportingPeriods Parse(string yearStart, string yearEnd, string monthStart, string monthEnd, string dayStart, string dayEnd) => new(
        Int(ReportingPeriods.YearStartField, yearStart),
        Int(ReportingPeriods.YearEndField, yearEnd),
        Int(ReportingPeriods.MonthStartField, monthStart),
        Int(ReportingPeriods.MonthEndField, monthEnd),
        Day(ReportingPeriods.DayStartField, dayStart),
        Day(ReportingPeriods.DayEndField, dayEnd));

    private static int Int(string field, string text) =>
        int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw ContractError.BadParameter(field, $"must be a non-zero integer like \"1\" or \"-26\", got \"{text}\"");

    private static DayBoundary Day(string field, string text) =>
        DayBoundary.TryParse(text)
        ?? throw ContractError.BadParameter(field, $"must be a time like \"07:30:00\" or \"-07:30:00\" with hours 0 to 23, got \"{text}\"");
}
