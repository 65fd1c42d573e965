using Energy.Domain.Energy;

namespace Energy.Domain.Alarms;

/// <summary>
/// Type 1 (CONTRACT §8): the consumption of each completed hour. An hour is complete when the counter has a
/// reading at or before its start and one at or after its end, so it is never judged on a part of its data;
/// its consumption is the interpolated counter difference (<see cref="ConsumptionCurve"/>, resets not negative).
/// </summary>
public static class HourlyJudge
{
    /// <summary>At most this many hours are judged from one batch of readings (a month), against runaway gaps.</summary>
    public const int MaxHours = 31 * 24;

    /// <param name="readings">The counter's readings around the hours, any order.</param>
    /// <param name="from">The first hour that may be judged (any instant inside it).</param>
    public static IReadOnlyList<(DateTimeOffset Hour, decimal Consumption)> CompleteHours(IReadOnlyList<CounterReading> readings, DateTimeOffset from)
    {
        if (readings.Count == 0)
        {
            return [];
        }

        var curve = new ConsumptionCurve(readings);
        var (first, last) = (readings.Min(r => r.At), readings.Max(r => r.At));
        var hour = Truncate(from < first ? first : from);
        var result = new List<(DateTimeOffset, decimal)>();
        for (var i = 0; i < MaxHours && hour.AddHours(1) <= last; i++, hour = hour.AddHours(1))
        {
            if (first <= hour)
            {
                result.Add((hour, curve.Between(hour, hour.AddHours(1))));
            }
        }

        return result;
    }

    /// <summary>The hour an instant falls in (UTC-aligned: the plant's hours in a whole-hour zone such as Asia/Shanghai).</summary>
    public static DateTimeOffset Truncate(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }
}
