namespace Energy.Domain.Energy;

/// <summary>
/// Cumulative consumption of one counter as a function of time (CONTRACT §6 Consumption): linear between
/// consecutive readings, flat before the first and after the last (nothing is extrapolated), and flat across
/// a counter that went down (a reset or an exchange is not negative consumption; what the new counter shows
/// counts from its first reading on). Consumption over [a, b) is <c>At(b) − At(a)</c>, so sums over adjacent
/// intervals add up exactly to the sum over their union.
/// </summary>
public sealed class ConsumptionCurve
{
    /// <summary>Decimal places kept at every slot boundary: far below what any report shows.</summary>
    public const int Scale = 9;

    private readonly DateTimeOffset[] times;
    private readonly decimal[] cumulative;

    /// <param name="readings">Readings of one counter, in any order; one per instant (the last given wins).</param>
    public ConsumptionCurve(IEnumerable<CounterReading> readings)
    {
        var ordered = readings.GroupBy(r => r.At).Select(g => g.Last()).OrderBy(r => r.At).ToArray();
        times = ordered.Select(r => r.At).ToArray();
        cumulative = new decimal[ordered.Length];
        for (var i = 1; i < ordered.Length; i++)
        {
            cumulative[i] = cumulative[i - 1] + Math.Max(0, ordered[i].Value - ordered[i - 1].Value);
        }
    }

    public bool IsEmpty => times.Length == 0;

    /// <summary>Consumption from the first reading up to <paramref name="instant"/>, rounded to <see cref="Scale"/> places.</summary>
    public decimal At(DateTimeOffset instant)
    {
        if (times.Length == 0 || instant <= times[0])
        {
            return 0;
        }

        if (instant >= times[^1])
        {
            return cumulative[^1];
        }

        var next = Array.BinarySearch(times, instant);
        if (next >= 0)
        {
            return cumulative[next];
        }

        next = ~next;
        var (from, to) = (times[next - 1], times[next]);
        var share = (decimal)(instant - from).Ticks / (to - from).Ticks;
        return Math.Round(cumulative[next - 1] + ((cumulative[next] - cumulative[next - 1]) * share), Scale);
    }

    /// <summary>Consumption over [from, to).</summary>
    public decimal Between(DateTimeOffset from, DateTimeOffset to) => At(to) - At(from);
}
