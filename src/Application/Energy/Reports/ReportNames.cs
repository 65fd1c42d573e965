using System.Globalization;
using System.Text.RegularExpressions;
using Energy.Domain.Calendar;

namespace Energy.Application.Energy.Reports;

/// <summary>
/// Seed 3.4 file names: <c>Year_report2019.xlsx</c>, <c>Month_report2019_6.xlsx</c>, <c>Day_report2019_6_12.xlsx</c>,
/// from the period <c>Time_Start</c> names. Only names of this pattern are ever read back, so a download
/// cannot name a path outside the report folder (CONTRACT §6 3.4).
/// </summary>
public static partial class ReportNames
{
    public static string Of(PeriodLabel label) => label.Type switch
    {
        TimeType.Year => string.Create(CultureInfo.InvariantCulture, $"Year_report{label.Date.Year}.xlsx"),
        TimeType.Month => string.Create(CultureInfo.InvariantCulture, $"Month_report{label.Date.Year}_{label.Date.Month}.xlsx"),
        _ => string.Create(CultureInfo.InvariantCulture, $"Day_report{label.Date.Year}_{label.Date.Month}_{label.Date.Day}.xlsx"),
    };

    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);

    [GeneratedRegex(@"^(Year_report\d{4}|Month_report\d{4}_\d{1,2}|Day_report\d{4}_\d{1,2}_\d{1,2})\.xlsx\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
