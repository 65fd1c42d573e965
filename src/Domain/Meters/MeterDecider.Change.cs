namespace Energy.Domain.Meters;

public static partial class MeterDecider
{
    private static List<object> Change(ChangeMeter command, Meter state)
    {
        var current = state.Details;
        var basis = command.Base ?? current;
        var details = Merge(basis, command.Edit.ApplyTo(basis), current);
        CheckDetails(details);
        if (details.MachineId != current.MachineId)
        {
            RequireLiveMachine(details.MachineId, command.MachineIsLive);
        }

        var events = new List<object>();
        if (details != current)
        {
            events.Add(new MeterChanged(command.MeterId, details));
        }

        if (command.DeviceCode is { } code && code != state.DeviceCode)
        {
            if (state.DeviceCode.Length > 0)
            {
                events.Add(new MeterUnboundFromDevice(command.MeterId, state.DeviceCode, command.At));
            }

            if (code.Length > 0)
            {
                events.Add(new MeterBoundToDevice(command.MeterId, code, command.At));
            }
        }

        if (command.TotalAmount is { } total && total != state.TotalAmount)
        {
            events.Add(new MeterTotalAmountSet(command.MeterId, total, command.At));
        }

        return events;
    }

    /// <summary>
    /// A three-way merge of one update into a meter another writer may have changed meanwhile: the fields
    /// this update changes (mine ≠ basis) win, the others keep what is there now (theirs). Two different
    /// new values for one field are a conflict, never a silent overwrite.
    /// </summary>
    private static MeterDetails Merge(MeterDetails basis, MeterDetails mine, MeterDetails theirs)
    {
        if (basis == theirs)
        {
            return mine;
        }

        var conflicts = new List<string>();
        var merged = new MeterDetails(
            Pick(nameof(MeterDetails.Name), basis.Name, mine.Name, theirs.Name, conflicts),
            Pick(nameof(MeterDetails.EnergyType), basis.EnergyType, mine.EnergyType, theirs.EnergyType, conflicts),
            Pick(nameof(MeterDetails.MachineId), basis.MachineId, mine.MachineId, theirs.MachineId, conflicts),
            Pick(nameof(MeterDetails.Remarks), basis.Remarks, mine.Remarks, theirs.Remarks, conflicts),
            Pick(nameof(MeterDetails.IsVirtual), basis.IsVirtual, mine.IsVirtual, theirs.IsVirtual, conflicts),
            Pick(nameof(MeterDetails.Formula), basis.Formula, mine.Formula, theirs.Formula, conflicts),
            Pick(nameof(MeterDetails.IsTotal), basis.IsTotal, mine.IsTotal, theirs.IsTotal, conflicts),
            Pick(nameof(MeterDetails.IsCount), basis.IsCount, mine.IsCount, theirs.IsCount, conflicts),
            Pick(nameof(MeterDetails.IsHandWork), basis.IsHandWork, mine.IsHandWork, theirs.IsHandWork, conflicts));
        return conflicts.Count == 0
            ? merged
            : throw DomainRuleException.Conflict(
                $"the meter was changed by someone else meanwhile ({string.Join(", ", conflicts)}); reload it and try again");
    }

    private static T Pick<T>(string field, T basis, T mine, T theirs, List<string> conflicts)
    {
        var comparer = EqualityComparer<T>.Default;
        if (comparer.Equals(mine, basis))
        {
            return theirs;
        }

        if (!comparer.Equals(theirs, basis) && !comparer.Equals(theirs, mine))
        {
            conflicts.Add(field);
        }

        return mine;
    }
}
