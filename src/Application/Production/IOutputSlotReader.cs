namespace Energy.Application.Production;

/// <summary>One live output record's amount in one 15-minute slot on its machine.</summary>
public readonly record struct OutputSlotRow(long OutputId, long MachineId, DateTimeOffset Slot, decimal Amount);

/// <summary>Reads the batch-efficiency read model (implemented beside its tables).</summary>
public interface IOutputSlotReader
{
    /// <summary>
    /// Every live output's slots on <paramref name="machineIds"/> within [<paramref name="from"/>, <paramref name="to"/>)
    /// (null = unbounded): all outputs of those machines, not only the ones asked about, since they share the slots.
    /// </summary>
    Task<IReadOnlyList<OutputSlotRow>> ReadAsync(IReadOnlyCollection<long> machineIds, DateTimeOffset? from, DateTimeOffset? to, CancellationToken ct = default);
}
