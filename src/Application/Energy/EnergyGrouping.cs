using Energy.Application.Meters;

namespace Energy.Application.Energy;

/// <summary>
/// One row of an energy answer: the meters whose consumption it adds up. Every grouping stays inside one
/// energy type (a meter has one), so <see cref="EnergyType"/> is always known and amounts never mix units.
/// Names the group determines are filled (a meter's machine and department, a machine's department);
/// names finer than the group are "" (seed 3.1 说明, CONTRACT §6).
/// </summary>
public sealed record EnergyGroup(string Department, string Machine, string Meter, int EnergyType, IReadOnlyList<long> Meters);

/// <summary>Seed 3.1 <c>Amount_Type</c> × <c>Amount_Combination</c>, with the name and energy-type filters (pure).</summary>
public static class EnergyGrouping
{
    /// <param name="meters">The meters that can show in the window (live, or deleted after it starts).</param>
    /// <param name="names">Amount_SortName: meter names (type 2), machine names (3) or department names (4); ignored for type 1.</param>
    /// <param name="energyTypes">Amount_Value; empty = all.</param>
    public static IReadOnlyList<EnergyGroup> Of(
        IEnumerable<MeterFacts> meters, AmountType amountType, AmountCombination combination,
        IReadOnlyCollection<string> names, IReadOnlyCollection<int> energyTypes)
    {
        var nameSet = new HashSet<string>(names, StringComparer.Ordinal);
        var candidates = meters
            .Where(m => energyTypes.Count == 0 || energyTypes.Contains(m.EnergyType))
            // CONTRACT §4: Meter_IsCount puts a meter into aggregates (1, 3, 4); by meter shows any meter named.
            .Where(m => amountType == AmountType.ByMeter || m.IsCount)
            .Where(m => nameSet.Count == 0 || amountType == AmountType.ByEnergyType || nameSet.Contains(NameFilteredOn(m, amountType)))
            .ToList();

        var groups = amountType switch
        {
            AmountType.ByEnergyType => candidates
                .GroupBy(m => m.EnergyType)
                .Select(g => new EnergyGroup("", "", "", g.Key, Ids(g))),
            AmountType.ByMeter => candidates
                .Select(m => new EnergyGroup(m.Department, m.MachineName, m.Name, m.EnergyType, [m.MeterId])),
            AmountType.ByMachine when combination == AmountCombination.ByEnergyType => candidates
                .GroupBy(m => (m.MachineId, m.EnergyType))
                .Select(g => new EnergyGroup(g.First().Department, g.First().MachineName, "", g.Key.EnergyType, Ids(g))),
            AmountType.ByDepartment when combination == AmountCombination.ByEnergyType => candidates
                .GroupBy(m => (m.Department, m.EnergyType))
                .Select(g => new EnergyGroup(g.Key.Department, "", "", g.Key.EnergyType, Ids(g))),
            // × meter: the meter determines its machine and department, so both are shown.
            _ => candidates
                .Select(m => new EnergyGroup(m.Department, m.MachineName, m.Name, m.EnergyType, [m.MeterId])),
        };

        var result = groups.ToList();
        if (amountType == AmountType.ByEnergyType)
        {
            // A type asked for by name gets its row even when no counted meter measures it: 0, not silence.
            result.AddRange(energyTypes.Where(t => result.All(g => g.EnergyType != t)).Select(t => new EnergyGroup("", "", "", t, [])));
        }

        return result
            .OrderBy(g => g.Department, StringComparer.Ordinal)
            .ThenBy(g => g.Machine, StringComparer.Ordinal)
            .ThenBy(g => g.EnergyType)
            .ThenBy(g => g.Meter, StringComparer.Ordinal)
            .ThenBy(g => g.Meters.Count == 0 ? 0 : g.Meters[0])
            .ToList();
    }

    private static string NameFilteredOn(MeterFacts meter, AmountType amountType) => amountType switch
    {
        AmountType.ByMeter => meter.Name,
        AmountType.ByMachine => meter.MachineName,
        _ => meter.Department,
    };

    private static List<long> Ids(IEnumerable<MeterFacts> meters) => meters.Select(m => m.MeterId).OrderBy(id => id).ToList();
}
