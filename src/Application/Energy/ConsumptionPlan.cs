using Energy.Application.Meters;
using Energy.Domain.Meters;

namespace Energy.Application.Energy;

/// <summary>
/// Consumption of meters over any windows, in two passes over the same calculation: the first pass only
/// records which real meters and windows it asks for, then <see cref="IConsumptionReader"/> reads all of them
/// in one statement, then the second pass gets the figures. Virtual meters (CONTRACT §4) are their formula
/// applied to the referenced meters' consumption over the same window, window by window, so a formula
/// that multiplies or divides is never applied to sums of other windows.
/// </summary>
public sealed class ConsumptionPlan
{
    private readonly IReadOnlyDictionary<long, MeterFacts> meters;
    private readonly Dictionary<long, MeterFormula> formulas = [];
    private readonly Dictionary<TimeWindow, int> windows = [];
    private readonly HashSet<long> realMeters = [];
    private IReadOnlyDictionary<long, decimal[]>? figures;

    public ConsumptionPlan(IReadOnlyDictionary<long, MeterFacts> meters)
    {
        this.meters = meters;
        foreach (var meter in meters.Values.Where(m => m.IsVirtual))
        {
            formulas[meter.MeterId] = MeterFormula.Parse(meter.Formula);
        }
    }

    /// <summary>Every window asked for so far, by index (what the reader is given).</summary>
    public IReadOnlyList<TimeWindow> Windows => windows.OrderBy(w => w.Value).Select(w => w.Key).ToList();

    /// <summary>The real (non-virtual) meters asked for, directly or through formulas.</summary>
    public IReadOnlyCollection<long> RealMeters => realMeters;

    public bool Loaded => figures is not null;

    /// <summary>Gives the figures of <see cref="RealMeters"/> over <see cref="Windows"/> (reader order); later asks read them.</summary>
    public void Load(IReadOnlyDictionary<long, decimal[]> values) => figures = values;

    /// <summary>The meter's consumption in the window; 0 while planning.</summary>
    public decimal Of(long meterId, TimeWindow window)
    {
        if (window.To <= window.From || !meters.TryGetValue(meterId, out var meter))
        {
            return 0m;
        }

        if (formulas.TryGetValue(meterId, out var formula))
        {
            // A deleted virtual meter stops counting at its deletion too (CONTRACT §4 2.4).
            var to = meter.DeletedAt is { } deleted && deleted < window.To ? deleted : window.To;
            var clipped = new TimeWindow(window.From, to);
            return to <= window.From ? 0m : formula.Evaluate(id => Of(id, clipped));
        }

        if (figures is null)
        {
            realMeters.Add(meterId);
            windows.TryAdd(window, windows.Count);
            return 0m;
        }

        return windows.TryGetValue(window, out var index) && figures.TryGetValue(meterId, out var values) ? values[index] : 0m;
    }
}
