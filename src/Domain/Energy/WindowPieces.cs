namespace Energy.Domain.Energy;

/// <summary>The read-model levels: 15-minute UTC slots, then plant-local hours, days and months (<see cref="PlantUnits"/>).</summary>
public enum Resolution
{
    Slot,
    Hour,
    Day,
    Month,
}

/// <summary>
/// A run of read-model rows to add up: rows of <see cref="Resolution"/> starting in [From, To), each counted
/// with <see cref="Share"/> (1, except for a slot a window boundary cuts, which counts in proportion).
/// </summary>
public readonly record struct WindowPiece(Resolution Resolution, DateTimeOffset From, DateTimeOffset To, decimal Share = 1);

/// <summary>
/// Cuts a window into as few rows as possible, nested: partial slots at the edges, then whole slots, plant-local
/// hours, days and months in the middle (slot → hour → day → month → day → hour → slot), so a plant year
/// reads 12 month rows instead of 35,000 slots.
/// </summary>
public static class WindowPieces
{
    public static IReadOnlyList<WindowPiece> Of(DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone)
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

        AddAligned(pieces, Resolution.Slot, a, b, zone);
        if (b < to)
        {
            pieces.Add(Partial(b, to - b));
        }

        return pieces;
    }

    /// <summary>[a, b) on <paramref name="unit"/>'s boundaries: the next coarser unit's whole rows in the middle, this unit's around them.</summary>
    private static void AddAligned(List<WindowPiece> pieces, Resolution unit, DateTimeOffset a, DateTimeOffset b, TimeZoneInfo zone)
    {
        if (unit == Resolution.Month)
        {
            Add(pieces, unit, a, b);
            return;
        }

        var coarser = unit + 1;
        var (c1, c2) = (PlantUnits.Ceiling(a, coarser, zone), PlantUnits.Floor(b, coarser, zone));
        if (c1 >= c2)
        {
            Add(pieces, unit, a, b);
            return;
        }

        Add(pieces, unit, a, c1);
        AddAligned(pieces, coarser, c1, c2, zone);
        Add(pieces, unit, c2, b);
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
}
