namespace Energy.Http.Tests.Consumption;

/// <summary>
/// A counter's consumption over [a, b) computed from its readings alone (CONTRACT §6): each rise between two
/// consecutive readings spread evenly over the time between them, a drop counting nothing, nothing before the
/// first reading or after the last. Written apart from the service's curve, on purpose.
/// </summary>
public sealed class CounterOracle
{
    private readonly (DateTime At, decimal Value)[] readings;

    public CounterOracle(IEnumerable<(DateTime At, decimal Value)> readings) => this.readings = readings.OrderBy(r => r.At).ToArray();

    /// <summary>The plant days (midnight) in which the counter rose.</summary>
    public IEnumerable<DateTime> Days =>
        readings.Zip(readings.Skip(1)).Where(p => p.Second.Value > p.First.Value)
            .SelectMany(p => Enumerable.Range(0, (p.Second.At.Date - p.First.At.Date).Days + 1).Select(d => p.First.At.Date.AddDays(d)));

    public decimal Between(DateTime from, DateTime to)
    {
        var total = 0m;
        for (var i = 1; i < readings.Length; i++)
        {
            var (a, b) = (readings[i - 1], readings[i]);
            var rise = b.Value - a.Value;
            var overlap = (Min(to, b.At) - Max(from, a.At)).Ticks;
            if (rise > 0 && overlap > 0)
            {
                total += rise * overlap / (b.At - a.At).Ticks;
            }
        }

        return total;
    }

    private static DateTime Min(DateTime x, DateTime y) => x < y ? x : y;

    private static DateTime Max(DateTime x, DateTime y) => x > y ? x : y;
}

/// <summary>A generated counter series: readings as (minutes after the case's month start, value).</summary>
public sealed record CounterSeries(IReadOnlyList<(int Minute, decimal Value)> Readings)
{
    /// <summary>
    /// From a start minute and first value, each gap in minutes either rises by <c>rate</c> hundredths per
    /// minute or, where <c>resets</c> says so, drops to half the counter. Readings stay within 27 days.
    /// </summary>
    public static CounterSeries Of(int startMinute, int first, int[] gaps, int[] rates, bool[] resets)
    {
        var readings = new List<(int, decimal)> { (startMinute, first) };
        var (minute, value) = (startMinute, (decimal)first);
        for (var i = 0; i < gaps.Length && minute + gaps[i] < 27 * 24 * 60; i++)
        {
            minute += gaps[i];
            value = resets[i] ? Math.Floor(value / 2) : value + (gaps[i] * rates[i] / 100m);
            readings.Add((minute, value));
        }

        return new CounterSeries(readings);
    }

    public override string ToString() => string.Join(' ', Readings.Select(r => $"{r.Minute}={r.Value}"));
}
