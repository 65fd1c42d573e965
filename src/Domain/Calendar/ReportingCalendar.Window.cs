namespace Energy.Domain.Calendar;

public sealed partial class ReportingCalendar
{
    public const string TimeEndField = "Time_End";
    public const string TimeIntervalField = "Time_Interval";

    /// <summary>Minutes per point of a day query when <c>Time_Interval</c> is absent (seed 3.2).</summary>
    public const int DefaultDayIntervalMinutes = 60;

    /// <summary>
    /// A query's window (CONTRACT §6): <c>[start(label(Time_Start)), end(label(Time_End − 1 s)))</c>, where label is
    /// the natural year, month or day the wall-clock date names. <c>2019-04-01 00:00:00</c> to
    /// <c>2019-04-02 00:00:00</c> by day is exactly reporting day 2019-04-01.
    /// </summary>
    /// <exception cref="DomainRuleException"><c>Time_End</c> is not after <c>Time_Start</c>.</exception>
    public Period Window(TimeType type, DateTime timeStart, DateTime timeEnd)
    {
        if (timeEnd <= timeStart)
        {
            throw new DomainRuleException(TimeEndField, $"must be after Time_Start ({timeStart:yyyy-MM-dd HH:mm:ss}), got {timeEnd:yyyy-MM-dd HH:mm:ss}");
        }

        var first = PeriodLabel.Naming(type, timeStart);
        var last = PeriodLabel.Naming(type, timeEnd.AddSeconds(-1));
        return new Period(Start(first), End(last < first ? first : last));
    }

    /// <summary>
    /// Splits a window into the points of a detail query (CONTRACT §6 <c>Time_Interval</c>): a year window into
    /// reporting months, a month window into reporting days (<paramref name="interval"/> of them per point,
    /// default 1), a day window into <paramref name="interval"/> minutes (default 60) counted from the window's
    /// start. Intervals tile the window; the last one is cut at the window's end when the step does not divide it.
    /// </summary>
    /// <exception cref="DomainRuleException"><paramref name="interval"/> is less than 1.</exception>
    public IReadOnlyList<Period> Split(TimeType type, Period window, int? interval = null)
    {
        var step = interval ?? (type == TimeType.Day ? DefaultDayIntervalMinutes : 1);
        if (step < 1)
        {
            throw new DomainRuleException(TimeIntervalField, $"must be a positive integer, got {step}");
        }

        var result = new List<Period>();
        if (type == TimeType.Day)
        {
            for (var start = window.Start; start < window.End; start = start.AddMinutes(step))
            {
                result.Add(new Period(start, Min(start.AddMinutes(step), window.End)));
            }

            return result;
        }

        var unit = type == TimeType.Year ? TimeType.Month : TimeType.Day;
        var label = LabelOf(unit, window.Start);
        for (var start = window.Start; start < window.End;)
        {
            label = label.Add(step);
            var end = Min(Start(label), window.End);
            result.Add(new Period(start, end));
            start = end;
        }

        return result;
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
