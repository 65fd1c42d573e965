using Dapper;
using Energy.Application.Energy;
using Energy.Domain.Energy;
using Energy.Domain.Production;

namespace Energy.Application.Production;

public sealed partial class ProductionStatisticsQueries
{
    /// <summary>
    /// Each in-scope output's part of each slot: its amount, and its share (amount ÷ the slot's amounts over all
    /// outputs of the machine) of the machine's consumption of the asked type and of kgce over all types.
    /// </summary>
    private async Task<IReadOnlyList<SlotContribution>> ContributionsAsync(StatisticsRequest request, IReadOnlyDictionary<long, ScopedOutput> outputs,
        IReadOnlyList<OutputSlotRow> slotRows, CoalFactors factors, SortedSet<string> usedSets, CancellationToken ct)
    {
        var needsEnergy = request.Amount is not (ProductionAmount.Output or ProductionAmount.Efficiency);
        var energy = needsEnergy
            ? await MachineConsumptionAsync(slotRows.Where(r => Involved(r, outputs)).ToList(), request.Amount is ProductionAmount.Consumption or ProductionAmount.UnitConsumption ? request.EnergyType : null, ct)
            : [];
        var result = new List<SlotContribution>();
        foreach (var slot in slotRows.GroupBy(r => (r.MachineId, r.Slot)))
        {
            var active = slot.ToList();
            if (!active.Any(r => outputs.ContainsKey(r.OutputId)))
            {
                continue;
            }

            var byType = energy.GetValueOrDefault(slot.Key) ?? [];
            var consumption = request.EnergyType is { } type && type < byType.Length ? byType[type] : 0m;
            var kgce = 0m;
            if (request.Amount is ProductionAmount.Comprehensive or ProductionAmount.UnitComprehensive)
            {
                for (var t = 0; t < byType.Length; t++)
                {
                    if (byType[t] != 0)
                    {
                        var factor = CoalFactorSettings.Require(factors, t, slot.Key.Slot);
                        usedSets.Add(factor.Set);
                        kgce += byType[t] * factor.Factor;
                    }
                }
            }

            var amounts = active.Select(r => r.Amount).ToList();
            var consumptionShares = OutputSharing.Share(consumption, amounts);
            var kgceShares = OutputSharing.Share(kgce, amounts);
            for (var i = 0; i < active.Count; i++)
            {
                if (outputs.ContainsKey(active[i].OutputId))
                {
                    result.Add(new SlotContribution(active[i].OutputId, slot.Key.Slot, active[i].Amount, consumptionShares[i], kgceShares[i]));
                }
            }
        }

        return result;
    }

    private static bool Involved(OutputSlotRow row, IReadOnlyDictionary<long, ScopedOutput> outputs) => outputs.ContainsKey(row.OutputId);

    /// <summary>
    /// Consumption per (machine, slot) per energy type (index = CONTRACT §2 code) of the machines' counted real
    /// meters (deleted ones too: their past counts), in one reader call with every slot as a window.
    /// </summary>
    private async Task<Dictionary<(long MachineId, DateTimeOffset Slot), decimal[]>> MachineConsumptionAsync(
        List<OutputSlotRow> involved, int? onlyType, CancellationToken ct)
    {
        var result = new Dictionary<(long, DateTimeOffset), decimal[]>();
        var machineIds = involved.Select(r => r.MachineId).ToHashSet();
        var counted = (await meters.AllAsync(includeDeleted: true, ct))
            .Where(m => machineIds.Contains(m.MachineId) && m.IsCount && !m.IsVirtual && (onlyType is null || m.EnergyType == onlyType))
            .ToList();
        if (counted.Count == 0 || involved.Count == 0)
        {
            return result;
        }

        var spans = await SpansAsync(counted, ct);
        var slotList = involved.Select(r => r.Slot).Distinct().Order().ToList();
        var windows = slotList.Select(s => new TimeWindow(s, s + Slots.Length)).ToList();
        var index = slotList.Select((s, i) => (s, i)).ToDictionary(p => p.s, p => p.i);
        var read = await consumption.ReadAsync(spans, windows, ct: ct);
        var wanted = involved.Select(r => (r.MachineId, r.Slot)).ToHashSet();
        foreach (var meter in counted)
        {
            var amounts = read.GetValueOrDefault(meter.MeterId);
            if (amounts is null)
            {
                continue;
            }

            foreach (var slot in slotList)
            {
                var key = (meter.MachineId, slot);
                if (wanted.Contains(key) && amounts[index[slot]] != 0)
                {
                    if (!result.TryGetValue(key, out var byType))
                    {
                        result[key] = byType = new decimal[Domain.Meters.EnergyTypes.Last + 1];
                    }

                    byType[meter.EnergyType] += amounts[index[slot]];
                }
            }
        }

        return result;
    }

    /// <summary>Where each counted meter's consumption comes from: the same rule as every energy figure (<see cref="MeterSpans"/>).</summary>
    private async Task<IReadOnlyDictionary<long, IReadOnlyList<SourceSpan>>> SpansAsync(IReadOnlyList<Meters.MeterFacts> counted, CancellationToken ct) =>
        await MeterSpans.OfAsync(meters, counted, ct);
}
