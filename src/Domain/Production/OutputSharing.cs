using Energy.Domain.Energy;

namespace Energy.Domain.Production;

/// <summary>One output record's part of one 15-minute slot.</summary>
public readonly record struct OutputSlot(DateTimeOffset Slot, decimal Amount);

/// <summary>
/// CONTRACT §7 "Output and energy", the arithmetic only. An output spreads its amount evenly over its
/// [Start, End); the machine's consumption in a slot is shared among the outputs active in that slot in
/// proportion to their amounts in the slot.
/// </summary>
public static class OutputSharing
{
    /// <summary>
    /// The output's amount per slot, in proportion to how much of [start, end) falls in each slot. The last
    /// slot takes the rounding remainder, so the parts add up to <paramref name="amount"/> exactly.
    /// </summary>
    public static IReadOnlyList<OutputSlot> Spread(decimal amount, DateTimeOffset start, DateTimeOffset end)
    {
        if (end <= start)
        {
            return [];
        }

        var total = (decimal)(end - start).Ticks;
        var result = new List<OutputSlot>();
        var given = 0m;
        for (var slot = Slots.Floor(start); slot < end; slot += Slots.Length)
        {
            var from = slot > start ? slot : start;
            var to = slot + Slots.Length < end ? slot + Slots.Length : end;
            var part = slot + Slots.Length >= end ? amount - given : amount * (to - from).Ticks / total;
            given += part;
            result.Add(new OutputSlot(slot, part));
        }

        return result;
    }

    /// <summary>
    /// Shares one slot's consumption among the outputs active in it, by their amounts in the slot. When every
    /// active output made nothing in the slot (amounts all zero) the consumption is split evenly, so energy a
    /// machine used while producing is never lost from the outputs' totals (their unit consumption is "").
    /// </summary>
    public static decimal[] Share(decimal consumption, IReadOnlyList<decimal> amounts)
    {
        var result = new decimal[amounts.Count];
        if (amounts.Count == 0)
        {
            return result;
        }

        var sum = amounts.Sum();
        for (var i = 0; i < amounts.Count; i++)
        {
            result[i] = sum == 0 ? consumption / amounts.Count : consumption * amounts[i] / sum;
        }

        return result;
    }

    /// <summary>Divides by output; zero output gives null, which answers render as "" (CONTRACT §7).</summary>
    public static decimal? PerOutput(decimal value, decimal output) => output == 0 ? null : value / output;
}
