namespace Energy.Domain.Machines;

public abstract record MachineCommand(long MachineId);

public sealed record RegisterMachine(long MachineId, MachineDetails Details) : MachineCommand(MachineId);

public sealed record ChangeMachine(long MachineId, MachineDetails Details) : MachineCommand(MachineId);

public sealed record AttachMachineImage(long MachineId, string ContentHash, string ContentType, string ImageUrl) : MachineCommand(MachineId);

/// <param name="LiveMeters">How many live meters the machine has, read by the caller under a lock on the machine.</param>
public sealed record DeleteMachine(long MachineId, DateTimeOffset At, int LiveMeters) : MachineCommand(MachineId);

/// <summary>Decides what a machine command means for a machine's stream; pure.</summary>
public static class MachineDecider
{
    public static IReadOnlyList<object> Decide(MachineCommand command, Machine state) => command switch
    {
        RegisterMachine c => state.Exists
            ? throw DomainRuleException.Violated($"machine {c.MachineId} exists already")
            : [new MachineRegistered(c.MachineId, c.Details)],
        ChangeMachine c => Live(state, c).Details == c.Details ? [] : [new MachineChanged(c.MachineId, c.Details)],
        AttachMachineImage c => Live(state, c).ImageHash == c.ContentHash
            ? []
            : [new MachineImageAttached(c.MachineId, c.ContentHash, c.ContentType, c.ImageUrl)],
        DeleteMachine c => Delete(c, Live(state, c)),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown machine command."),
    };

    private static Machine Live(Machine state, MachineCommand command) =>
        state.IsLive ? state : throw DomainRuleException.NotFound("machine", command.MachineId);

    // CONTRACT §4: a machine that still has live meters cannot be deleted.
    private static IReadOnlyList<object> Delete(DeleteMachine command, Machine state) =>
        command.LiveMeters > 0
            ? throw DomainRuleException.Violated(
                $"machine {state.Id} ('{state.Details.Name}') still has {command.LiveMeters} meter(s); delete or move them first")
            : [new MachineDeleted(command.MachineId, command.At)];
}
