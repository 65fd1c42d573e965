using System.Globalization;
using System.Text.RegularExpressions;
using Energy.Domain.Calendar;

namespace Energy.Application.Energy.Reports;

/// <summary>
/// Seed 3.4 file names: <c>Year_report2019.xlsx</c>, <c>Month_report2019_6.xlsx</c>, <c>Day_report2019_6_12.xlsx</c>,
/// from the period <c>Time_Start</c> names. A window of several periods names its span
/// (<c>Day_report2019_6_12_to_2019_6_15.xlsx</c>), and a second report of the same span gets a copy number
/// (<c>Day_report2019_6_12-2.xlsx</c>) instead of replacing the first: each answer's <c>File_Name</c> keeps
/// naming the figures it returned. Only names of this pattern are ever read back, so a download cannot name a
/// path outside the report folder (CONTRACT §6 3.4).
/// </summary>
public static partial class ReportNames
{
    /// <summary>Copies of one span beyond this are refused: a folder of ten thousand reports of one day is a runaway client.</summary>
    public const int MaxCopies = 9999;

    /// <param name="first">The period Time_Start names.</param>
    /// <param name="last">The period Time_End − 1 s names (the window's last period).</param>
    /// <param name="copy">1 for the seed's name, 2 … <see cref="MaxCopies"/> for later reports of the same span.</param>
    public static string Of(PeriodLabel first, PeriodLabel last, int copy = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(copy, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(copy, MaxCopies);
        var span = last > first ? Part(first) + "_to_" + Part(last) : Part(first);
        var kind = first.Type switch
        {
            TimeType.Year => "Year_report",
            TimeType.Month => "Month_report",
            _ => "Day_report",
        };
        return kind + span + (copy > 1 ? string.Create(CultureInfo.InvariantCulture, $"-{copy}") : "") + ".xlsx";
    }

    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);

    private static string Part(PeriodLabel label) => label.Type switch
    {
        TimeType.Year => string.Create(CultureInfo.InvariantCulture, $"{label.Date.Year}"),
        TimeType.Month => string.Create(CultureInfo.InvariantCulture, $"{label.Date.Year}_{label.Date.Month}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{label.Date.Year}_{label.Date.Month}_{label.Date.Day}"),
    };

    [GeneratedRegex(
        @"^(Year_report\d{4}(_to_\d{4})?|Month_report\d{4}_\d{1,2}(_to_\d{4}_\d{1,2})?|Day_report\d{4}_\d{1,2}_\d{1,2}(_to_\d{4}_\d{1,2}_\d{1,2})?)(-([2-9]|[1-9]\d{1,3}))?\.xlsx\z",
        RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
