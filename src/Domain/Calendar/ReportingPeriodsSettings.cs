namespace Energy.Domain.Calendar;

/// <summary>The reporting periods were set (seed 4.4). Days are kept in the seed's text form, "-07:30:00".</summary>
public sealed record ReportingPeriodsChanged(
    int YearStart, int YearEnd, int MonthStart, int MonthEnd, string DayStart, string DayEnd, DateTimeOffset At) : IEvent;

/// <summary>Set the reporting periods; <see cref="At"/> is when the change was made.</summary>
public sealed record ChangeReportingPeriods(ReportingPeriods Periods, DateTimeOffset At);

/// <summary>The decider of the one <c>settings-reporting-periods</c> stream; its state is the current settings.</summary>
public static class ReportingPeriodsSettings
{
    public const string StreamId = "settings-reporting-periods";

    public static ReportingPeriods Initial => ReportingPeriods.Default;

    public static ReportingPeriods Evolve(ReportingPeriods state, object @event) => @event switch
    {
        ReportingPeriodsChanged e => new ReportingPeriods(
            e.YearStart, e.YearEnd, e.MonthStart, e.MonthEnd,
            DayBoundary.TryParse(e.DayStart) ?? DayBoundary.Midnight, DayBoundary.TryParse(e.DayEnd) ?? DayBoundary.Midnight),
        _ => state,
    };

    /// <summary>The change as an event; <c>[]</c> when nothing changes; a rule error when the periods do not tile.</summary>
    public static IReadOnlyList<object> Decide(ChangeReportingPeriods command, ReportingPeriods state)
    {
        var p = command.Periods.Validate();
        return p == state
            ? []
            : [new ReportingPeriodsChanged(p.YearStart, p.YearEnd, p.MonthStart, p.MonthEnd, p.DayStart.ToString(), p.DayEnd.ToString(), command.At)];
    }
}
