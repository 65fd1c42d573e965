namespace Energy.Domain.Calendar;

/// <summary>
/// The plant's reporting years, months and days (CONTRACT §6), pure arithmetic over
/// <see cref="ReportingPeriods"/>. Works in plant <b>wall-clock</b> time (<see cref="DateTime"/> of kind
/// Unspecified): the caller converts instants with <c>PlantTime</c> (UTC ↔ <c>Energy:TimeZone</c>). Wall clock
/// is what the settings speak ("07:30:00", "day 26"), and the default zone, Asia/Shanghai, has no DST;
/// in a zone with DST a boundary that falls into a skipped hour is the caller's to resolve.
/// </summary>
/// <remarks>
/// Periods nest: a month starts where the reporting day named by its boundary date starts, and a year where
/// its boundary month starts, so a year is a whole number of reporting months and a month of reporting days
/// (<c>Month_Start=-26</c>: month 2019-04 is [day 03-26's start, day 04-26's start)). A month shorter than
/// the setting's day number uses its last day: <c>Month_Start=31</c> puts February's boundary on 02-28/29.
/// </remarks>
public sealed partial class ReportingCalendar
{
    public ReportingCalendar(ReportingPeriods periods) => Periods = periods.Validate();

    public static ReportingCalendar Natural { get; } = new(ReportingPeriods.Default);

    public ReportingPeriods Periods { get; }

    /// <summary>The period a label names, [start, end).</summary>
    public Period PeriodOf(PeriodLabel label) => new(Start(label), End(label));

    /// <summary>Where the labelled period starts (wall clock).</summary>
    public DateTime Start(PeriodLabel label) => label.Type switch
    {
        TimeType.Year => Start(YearBoundaryMonth(label, Periods.YearStart, next: false)),
        TimeType.Month => DayStart(MonthBoundaryDay(label, Periods.MonthStart, next: false)),
        _ => label.Date.ToDateTime(TimeOnly.MinValue) + Periods.DayStart.StartOffset,
    };

    /// <summary>Where the labelled period ends (exclusive), read from the End settings.</summary>
    public DateTime End(PeriodLabel label) => label.Type switch
    {
        TimeType.Year => Start(YearBoundaryMonth(label, Periods.YearEnd, next: true)),
        TimeType.Month => DayStart(MonthBoundaryDay(label, Periods.MonthEnd, next: true)),
        _ => label.Date.ToDateTime(TimeOnly.MinValue) + Periods.DayEnd.EndOffset,
    };

    /// <summary>The reporting year, month or day that a wall-clock instant belongs to.</summary>
    public PeriodLabel LabelOf(TimeType type, DateTime wallClock) => type switch
    {
        TimeType.Year => YearOf(MonthOf(DayOf(wallClock))),
        TimeType.Month => MonthOf(DayOf(wallClock)),
        TimeType.Day => DayOf(wallClock),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Time_Type is 1, 2 or 3."),
    };

    private DateTime DayStart(DateOnly day) => Start(new PeriodLabel(TimeType.Day, day));

    private PeriodLabel DayOf(DateTime wallClock) =>
        new(TimeType.Day, DateOnly.FromDateTime(wallClock - Periods.DayStart.StartOffset));

    private PeriodLabel MonthOf(PeriodLabel day)
    {
        var candidate = new PeriodLabel(TimeType.Month, day.Date).Add(Periods.MonthStart < 0 ? 1 : 0);
        return day.Date < MonthBoundaryDay(candidate, Periods.MonthStart, next: false) ? candidate.Previous : candidate;
    }

    private PeriodLabel YearOf(PeriodLabel month)
    {
        var candidate = new PeriodLabel(TimeType.Year, month.Date).Add(Periods.YearStart < 0 ? 1 : 0);
        return month < YearBoundaryMonth(candidate, Periods.YearStart, next: false) ? candidate.Previous : candidate;
    }

    /// <summary>
    /// The date whose reporting day starts or ends month <paramref name="month"/>: day |N| of the month before
    /// (Start, N &lt; 0), of the month itself (Start, N &gt; 0; End, N &lt; 0) or of the month after (End, N &gt; 0),
    /// clamped to that month's last day.
    /// </summary>
    private static DateOnly MonthBoundaryDay(PeriodLabel month, int setting, bool next)
    {
        var shift = next ? (setting > 0 ? 1 : 0) : (setting > 0 ? 0 : -1);
        var target = month.Date.AddMonths(shift);
        var day = Math.Min(Math.Abs(setting), DateTime.DaysInMonth(target.Year, target.Month));
        return new DateOnly(target.Year, target.Month, day);
    }

    /// <summary>The reporting month whose start starts or ends <paramref name="year"/>, by the same rule.</summary>
    private static PeriodLabel YearBoundaryMonth(PeriodLabel year, int setting, bool next)
    {
        var shift = next ? (setting > 0 ? 1 : 0) : (setting > 0 ? 0 : -1);
        return PeriodLabel.Month(year.Date.Year + shift, Math.Abs(setting));
    }
}
