namespace Energy.Domain.Readings;

/// <summary>Seed 5.6 <c>Date_Type</c>: 2 = a month's amount, 3 = a day's amount.</summary>
public enum ManualPeriodKind
{
    Month = 2,
    Day = 3,
}

/// <summary>
/// The consumption of a hand-work meter (<c>Is_HandWork=1</c>) over one plant day or month, filled in by a
/// person (seed 5.6). <paramref name="PeriodLabel"/> is the wall-clock label, "2019-04-01" for a day or
/// "2019-04" for a month; the energy projection spreads the amount evenly over that period (CONTRACT §4).
/// </summary>
public sealed record ManualConsumptionRecorded(
    long MeterId, ManualPeriodKind PeriodKind, string PeriodLabel, decimal Amount, DateTimeOffset RecordedAt, string RecordedBy) : IEvent;

/// <summary>
/// A later fill for the same meter and period: <paramref name="Amount"/> replaces <paramref name="Replaces"/>
/// (the amount in force until now); the earlier event stays in the history.
/// </summary>
public sealed record ManualConsumptionCorrected(
    long MeterId, ManualPeriodKind PeriodKind, string PeriodLabel, decimal Amount, decimal Replaces, DateTimeOffset RecordedAt, string RecordedBy) : IEvent;

public sealed record RecordManualConsumption(long MeterId, ManualPeriodKind PeriodKind, string PeriodLabel, decimal Amount, DateTimeOffset At, string By);

/// <summary>The amounts in force for one meter, by period.</summary>
public sealed record ManualConsumptionState(IReadOnlyDictionary<(ManualPeriodKind Kind, string Label), decimal> Amounts)
{
    public static readonly ManualConsumptionState Initial = new(new Dictionary<(ManualPeriodKind, string), decimal>());
}

/// <summary>One stream per meter's hand-filled data: <c>manual-consumption-&lt;meter id&gt;</c>.</summary>
public static class ManualConsumption
{
    public static string StreamId(long meterId) => $"manual-consumption-{meterId}";

    public static ManualConsumptionState Evolve(ManualConsumptionState state, object @event) => @event switch
    {
        ManualConsumptionRecorded e => With(state, e.PeriodKind, e.PeriodLabel, e.Amount),
        ManualConsumptionCorrected e => With(state, e.PeriodKind, e.PeriodLabel, e.Amount),
        _ => state,
    };

    /// <summary>First fill → recorded; a different amount → corrected; the same amount again → nothing.</summary>
    public static IReadOnlyList<object> Decide(RecordManualConsumption command, ManualConsumptionState state)
    {
        if (!state.Amounts.TryGetValue((command.PeriodKind, command.PeriodLabel), out var current))
        {
            return [new ManualConsumptionRecorded(command.MeterId, command.PeriodKind, command.PeriodLabel, command.Amount, command.At, command.By)];
        }

        return current == command.Amount
            ? []
            : [new ManualConsumptionCorrected(command.MeterId, command.PeriodKind, command.PeriodLabel, command.Amount, current, command.At, command.By)];
    }

    private static ManualConsumptionState With(ManualConsumptionState state, ManualPeriodKind kind, string label, decimal amount) =>
        new(new Dictionary<(ManualPeriodKind, string), decimal>(state.Amounts) { [(kind, label)] = amount });
}
