namespace Energy.Domain.Meters;

/// <summary>
/// Decides what a meter command means for a meter's stream; pure. Whether a formula parses and refers to
/// real meters without cycles needs the whole catalog, so the application checks that before deciding.
/// </summary>
public static partial class MeterDecider
{
    public static IReadOnlyList<object> Decide(MeterCommand command, Meter state) => command switch
    {
        RegisterMeter c => Register(c, state),
        ChangeMeter c => Change(c, Live(state, c)),
        DeleteMeter c => Delete(c, Live(state, c)),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown meter command."),
    };

    private static List<object> Register(RegisterMeter command, Meter state)
    {
        if (state.Exists)
        {
            throw DomainRuleException.Violated($"meter {command.MeterId} exists already");
        }

        CheckDetails(command.Details);
        RequireLiveMachine(command.Details.MachineId, command.MachineIsLive);
        var events = new List<object> { new MeterRegistered(command.MeterId, command.Details, command.At) };
        if (command.DeviceCode.Length > 0)
        {
            events.Add(new MeterBoundToDevice(command.MeterId, command.DeviceCode, command.At));
        }

        if (command.TotalAmount is { } total && total != 0m)
        {
            events.Add(new MeterTotalAmountSet(command.MeterId, total, command.At));
        }

        return events;
    }

    private static List<object> Delete(DeleteMeter command, Meter state)
    {
        var events = new List<object>();
        if (state.DeviceCode.Length > 0)
        {
            // The binding history ends where the meter ends: the device is free for another meter.
            events.Add(new MeterUnboundFromDevice(command.MeterId, state.DeviceCode, command.At));
        }

        events.Add(new MeterDeleted(command.MeterId, command.At));
        return events;
    }

    private static Meter Live(Meter state, MeterCommand command) =>
        state.IsLive ? state : throw DomainRuleException.NotFound("meter", command.MeterId);

    private static void RequireLiveMachine(long machineId, bool machineIsLive)
    {
        if (!machineIsLive)
        {
            throw DomainRuleException.Violated($"machine {machineId} does not exist; a meter must belong to an existing machine");
        }
    }

    private static void CheckDetails(MeterDetails details)
    {
        if (!EnergyTypes.IsKnown(details.EnergyType))
        {
            throw DomainRuleException.Invalid(nameof(MeterDetails.EnergyType),
                $"must be an energy type code {EnergyTypes.First}–{EnergyTypes.Last}, got {details.EnergyType}");
        }

        if (details.IsVirtual && details.Formula.Trim().Length == 0)
        {
            throw DomainRuleException.Invalid(nameof(MeterDetails.Formula), "is required for a virtual meter (Meter_IsVirtual=\"1\")");
        }

        if (!details.IsVirtual && details.Formula.Length > 0)
        {
            throw DomainRuleException.Invalid(nameof(MeterDetails.Formula), "is only for virtual meters; send Meter_IsVirtual=\"1\" with it");
        }
    }
}
