using Energy.Domain.Rates;

namespace Energy.Application.Energy;

/// <summary>An amount and what it cost at the rates in force while it was consumed.</summary>
public readonly record struct EnergyFigures(decimal Amount, decimal Cost);

/// <summary>A shift's amount within the query window (3.5 <c>Shift_Amounts</c>).</summary>
public sealed record ShiftFigure(string Shift, decimal Amount);

/// <summary>One group's figures: over the whole window, per interval, per shift.</summary>
public sealed record EnergyRow(EnergyGroup Group, EnergyFigures Total, IReadOnlyList<EnergyFigures> Intervals, IReadOnlyList<ShiftFigure> Shifts);

/// <summary>A named stretch of time whose consumption adds to a shift.</summary>
public readonly record struct ShiftWindow(string Shift, TimeWindow Window);

/// <summary>
/// The figures of each group (pure over a <see cref="ConsumptionPlan"/>, so it runs twice: plan, then compute).
/// Cost (ext <c>Total_Cost</c>, CONTRACT §6 4.1/4.2) = Σ over the spans of one price inside a window of the
/// consumption in that span × the price, so a rate change or a segment edge in the middle of an hour is honoured.
/// </summary>
public sealed class EnergyCalculation(ConsumptionPlan plan, RateSchedule rates)
{
    private readonly Dictionary<(int, TimeWindow), IReadOnlyList<PricedSpan>> pieces = [];

    public IReadOnlyList<EnergyRow> Rows(
        IReadOnlyList<EnergyGroup> groups, TimeWindow whole, IReadOnlyList<TimeWindow> intervals,
        IReadOnlyList<string> shiftNames, IReadOnlyList<ShiftWindow> shifts) =>
        groups.Select(g => new EnergyRow(
                g,
                Figures(g, whole),
                intervals.Select(w => Figures(g, w)).ToList(),
                shiftNames.Select(name => new ShiftFigure(name, shifts.Where(s => s.Shift == name).Sum(s => Amount(g, s.Window)))).ToList()))
            .ToList();

    public EnergyFigures Figures(EnergyGroup group, TimeWindow window)
    {
        var cost = 0m;
        foreach (var piece in Pieces(group.EnergyType, window))
        {
            cost += piece.Price * Amount(group, new TimeWindow(piece.Start, piece.End));
        }

        return new EnergyFigures(Amount(group, window), cost);
    }

    public decimal Amount(EnergyGroup group, TimeWindow window) => group.Meters.Sum(m => plan.Of(m, window));

    private IReadOnlyList<PricedSpan> Pieces(int energyType, TimeWindow window)
    {
        if (!pieces.TryGetValue((energyType, window), out var list))
        {
            list = rates.Pieces(energyType, window.From, window.To);
            pieces[(energyType, window)] = list;
        }

        return list;
    }
}
