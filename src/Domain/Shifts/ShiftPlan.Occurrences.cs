using Energy.Domain.Calendar;

namespace Energy.Domain.Shifts;

/// <summary>One stretch of a shift inside a window: the shift and the wall-clock span it covers there.</summary>
public sealed record ShiftOccurrence(Shift Shift, Period Period);

public static class ShiftPlanExtensions
{
    /// <summary>
    /// Cuts a wall-clock window into consecutive shift stretches (3.5 <c>Shift_Amounts</c>: sum each shift's
    /// stretches). The stretches tile the window; the first and last are cut at the window's edges.
    /// </summary>
    public static IReadOnlyList<ShiftOccurrence> Occurrences(this ShiftPlan plan, Period window)
    {
        var result = new List<ShiftOccurrence>();
        for (var start = window.Start; start < window.End;)
        {
            var shift = plan.ShiftAt(start);
            var end = NextBoundary(shift, start);
            end = end < window.End ? end : window.End;
            result.Add(new ShiftOccurrence(shift, new Period(start, end)));
            start = end;
        }

        return result;
    }

    private static DateTime NextBoundary(Shift shift, DateTime inside)
    {
        var endToday = inside.Date + shift.End.ToTimeSpan();
        return endToday > inside ? endToday : endToday.AddDays(1);
    }
}
