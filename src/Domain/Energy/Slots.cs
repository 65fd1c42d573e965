namespace Energy.Domain.Energy;

/// <summary>The 15-minute grid consumption is kept on, in UTC (every plant zone offset is a multiple of 15 minutes).</summary>
public static class Slots
{
    public static readonly TimeSpan Length = TimeSpan.FromMinutes(15);

    public static DateTimeOffset Floor(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % Length.Ticks), TimeSpan.Zero);
    }

    public static DateTimeOffset Ceiling(DateTimeOffset instant)
    {
        var floor = Floor(instant);
        return floor == instant ? floor : floor + Length;
    }

    /// <summary>The slots covering [from, to) with their consumption on the curve; slots of no consumption are left out.</summary>
    public static IEnumerable<(DateTimeOffset Slot, decimal Amount)> Of(ConsumptionCurve curve, DateTimeOffset from, DateTimeOffset to)
    {
        var previous = curve.At(Floor(from));
        for (var slot = Floor(from); slot < to; slot += Length)
        {
            var next = curve.At(slot + Length);
            if (next != previous)
            {
                yield return (slot, next - previous);
            }

            previous = next;
        }
    }
}
