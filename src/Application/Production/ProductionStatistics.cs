namespace Energy.Application.Production;

/// <summary>8.9/8.14 <c>Amount_Type</c> (CONTRACT §7).</summary>
public enum ProductionAmount
{
    Output = 1,
    Consumption = 2,
    Comprehensive = 3,
    UnitConsumption = 4,
    UnitComprehensive = 5,
    Efficiency = 6,
}

/// <summary>8.9/8.14 <c>Summary_Type</c>: 0 per product × machine (× batch for 8.14), 1 per product, 2 per machine, 3 per batch (8.14).</summary>
public enum ProductionSummary
{
    None = 0,
    Product = 1,
    Machine = 2,
    Batch = 3,
}

/// <summary>A statistic asked for; empty name lists mean no filter, null From/To no bound.</summary>
/// <param name="Buckets">Return_Format 2's intervals (UTC); null gives one row per group over the whole window.</param>
public sealed record StatisticsRequest(
    ProductionAmount Amount,
    int? EnergyType,
    ProductionSummary Summary,
    IReadOnlyList<string> Products,
    IReadOnlyList<string> Machines,
    IReadOnlyList<string> Batches,
    DateTimeOffset? From,
    DateTimeOffset? To,
    IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)>? Buckets,
    bool Order,
    bool Descending,
    int? Limit,
    bool ByBatch);

/// <summary>One answer row; names not part of the grouping are "". <see cref="Value"/> null renders as "" (division by zero output).</summary>
/// <param name="FactorSet">The standard-coal factor set(s) used (Amount_Type 3 and 5), "" otherwise.</param>
public sealed record StatisticsRow(string Batch, string Product, string Machine, DateTimeOffset? Time, decimal? Value, string FactorSet);

/// <summary>What one output contributes to one slot: its amount and its share of the machine's consumption.</summary>
internal sealed record SlotContribution(long OutputId, DateTimeOffset Slot, decimal Output, decimal Consumption, decimal Kgce);

/// <summary>An output in scope, with the names it is grouped by.</summary>
internal sealed record ScopedOutput(long Id, decimal Amount, long MachineId, string Machine, string Product, long BatchId, string Batch, DateTime BatchStart, DateTime BatchEnd);
