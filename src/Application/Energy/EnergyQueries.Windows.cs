using System.Globalization;
using Energy.Application.Common;
using Energy.Domain.Calendar;

namespace Energy.Application.Energy;

public sealed partial class EnergyQueries
{
    private List<TimeWindow> Intervals(ReportingCalendar calendar, EnergyQuery query, Period window)
    {
        // Estimate first so a 1-minute query over a century is refused before it is cut into points.
        var step = query.Interval ?? (query.TimeType == TimeType.Day ? ReportingCalendar.DefaultDayIntervalMinutes : 1);
        var estimate = query.TimeType switch
        {
            TimeType.Day => window.Length.TotalMinutes / step,
            TimeType.Month => window.Length.TotalDays / step,
            _ => window.Length.TotalDays / 28 / step,
        };
        if (estimate > MaxPoints * 1.1)
        {
            throw TooManyPoints(step, (long)estimate);
        }

        var periods = calendar.Split(query.TimeType, window, query.Interval);
        return periods.Count > MaxPoints ? throw TooManyPoints(step, periods.Count) : periods.Select(Instants).ToList();
    }

    private static ContractError TooManyPoints(int step, long points) =>
        ContractError.BadParameter(EnergyQueryInput.TimeIntervalField, string.Create(CultureInfo.InvariantCulture,
            $"gives about {points} points at {step} per point; a query may have at most {MaxPoints}: choose a larger Time_Interval or a shorter window"));

    private TimeWindow Instants(Period period) => new(Instant(period.Start, EnergyQueryInput.TimeStartField), Instant(period.End, EnergyQueryInput.TimeEndField));

    private DateTimeOffset Instant(DateTime wallClock, string field) =>
        plantTime.TryFromWallClock(wallClock, out var instant)
            ? instant
            : throw ContractError.BadParameter(field, $"gives a period boundary {wallClock:yyyy-MM-dd HH:mm:ss} that the plant's clock skips (a DST change)");
}
