namespace Energy.Domain.Shifts;

/// <summary>The shifts were set; the whole plan, in the order given.</summary>
public sealed record ShiftsChanged(IReadOnlyList<Shift> Shifts, DateTimeOffset At) : IEvent;

public sealed record ChangeShifts(ShiftPlan Plan, DateTimeOffset At);

/// <summary>The decider of the one <c>settings-shifts</c> stream; its state is the current plan.</summary>
public static class ShiftSettings
{
    public const string StreamId = "settings-shifts";

    public static ShiftPlan Initial => ShiftPlan.Default;

    public static ShiftPlan Evolve(ShiftPlan state, object @event) =>
        @event is ShiftsChanged e ? new ShiftPlan(e.Shifts) : state;

    public static IReadOnlyList<object> Decide(ChangeShifts command, ShiftPlan state) =>
        command.Plan.Validate().SameAs(state) ? [] : [new ShiftsChanged(command.Plan.Shifts, command.At)];
}
