namespace Energy.Domain.Energy;

public enum Resolution
{
    Slot,
    Hour,
    Day,
}

/// <summary>
/// A run of read-model rows to add up: rows of <see cref="Resolution"/> starting in [From, To), each counted
/// with <see cref="Share"/> (1, except for a slot a window boundary cuts, which counts in proportion).
/// </summary>
public readonly record struct WindowPiece(Resolution Resolution, DateTimeOffset From, DateTimeOffset To, decimal Share = 1);

/// <summary>
/// Cuts a window into as few rows as possible: whole UTC days in the middle, whole hours around them, and
/// quarter-hour slots at the edges, so a year's total reads about 365 day rows instead of 35,000 slots.
/// </summary>
public static class WindowPieces
{
    private static readonly TimeSpan HourLength = TimeSpan.FromHours(1);
    private static readonly TimeSpan DayLength = TimeSpan.FromDays(1);

    public static IReadOnlyList<WindowPiece> Of(DateTimeOffset from, DateTimeOffset to)
    {
        from = from.ToUniversalTime();
        to = to.ToUniversalTime();
        var pieces = new List<WindowPiece>();
        if (to <= from)
        {
            return pieces;
        }

        var (a, b) = (Slots.Ceiling(from), Slots.Floor(to));
        if (a > b)
        {
            // Both ends in one slot.
            pieces.Add(Partial(Slots.Floor(from), to - from));
            return pieces;
        }

        if (from < a)
        {
            pieces.Add(Partial(Slots.Floor(from), a - from));
        }

        AddAligned(pieces, a, b);
        if (b < to)
        {
            pieces.Add(Partial(b, to - b));
        }

        return pieces;
    }

    private static void AddAligned(List<WindowPiece> pieces, DateTimeOffset a, DateTimeOffset b)
    {
        var (h1, h2) = (Ceiling(a, HourLength), Floor(b, HourLength));
        if (h1 >= h2)
        {
            Add(pieces, Resolution.Slot, a, b);
            return;
        }

        var (d1, d2) = (Ceiling(h1, DayLength), Floor(h2, DayLength));
        Add(pieces, Resolution.Slot, a, h1);
        if (d1 >= d2)
        {
            Add(pieces, Resolution.Hour, h1, h2);
        }
        else
        {
            Add(pieces, Resolution.Hour, h1, d1);
            Add(pieces, Resolution.Day, d1, d2);
            Add(pieces, Resolution.Hour, d2, h2);
        }

        Add(pieces, Resolution.Slot, h2, b);
    }

    private static void Add(List<WindowPiece> pieces, Resolution resolution, DateTimeOffset from, DateTimeOffset to)
    {
        if (from < to)
        {
            pieces.Add(new WindowPiece(resolution, from, to));
        }
    }

    private static WindowPiece Partial(DateTimeOffset slot, TimeSpan covered) =>
        new(Resolution.Slot, slot, slot + Slots.Length, (decimal)covered.Ticks / Slots.Length.Ticks);

    private static DateTimeOffset Floor(DateTimeOffset t, TimeSpan unit) => new(t.UtcTicks - (t.UtcTicks % unit.Ticks), TimeSpan.Zero);

    private static DateTimeOffset Ceiling(DateTimeOffset t, TimeSpan unit)
    {
        var floor = Floor(t, unit);
        return floor == t ? floor : floor + unit;
    }
}
