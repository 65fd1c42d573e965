using Dapper;
using Energy.Application.Energy;
using Energy.Application.Meters;
using Energy.Domain.Production;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Energy.Application.Production;

/// <summary>
/// Seed 8.9 and 8.14 (CONTRACT §7): outputs in scope → their slots (batch-efficiency read model, with every
/// other output of the same machines, which share the slots) → the machines' consumption in those slots (one
/// energy-reader call) → each output's share per slot → grouped, divided, sorted and cut.
/// </summary>
public sealed partial class ProductionStatisticsQueries(
    NpgsqlDataSource dataSource, IOutputSlotReader slots, IConsumptionReader consumption, MeterQueries meters, IConfiguration configuration)
{
    public async Task<IReadOnlyList<StatisticsRow>> QueryAsync(StatisticsRequest request, CancellationToken ct = default)
    {
        var outputs = await ScopeAsync(request, ct);
        var machineIds = outputs.Values.Select(o => o.MachineId).Distinct().ToList();
        var slotRows = await slots.ReadAsync(machineIds, request.From, request.To, ct);
        var factors = CoalFactorSettings.From(configuration);
        var usedSets = new SortedSet<string>(StringComparer.Ordinal);
        var contributions = await ContributionsAsync(request, outputs, slotRows, factors, usedSets, ct);
        var rows = Group(request, outputs, contributions).ToList();
        var factorSet = request.Amount is ProductionAmount.Comprehensive or ProductionAmount.UnitComprehensive
            ? string.Join(",", usedSets.Count > 0 ? usedSets : [CoalFactors.DefaultSet])
            : "";
        rows = rows.Select(r => r with { FactorSet = factorSet }).ToList();
        if (request.Order)
        {
            // Rows whose value is "" (no output to divide by) go last either way.
            rows = request.Descending
                ? [.. rows.OrderBy(r => r.Value is null).ThenByDescending(r => r.Value)]
                : [.. rows.OrderBy(r => r.Value is null).ThenBy(r => r.Value)];
        }

        return request.Limit is { } limit ? rows.Take(limit).ToList() : rows;
    }

    private IEnumerable<StatisticsRow> Group(StatisticsRequest request, IReadOnlyDictionary<long, ScopedOutput> outputs, IReadOnlyList<SlotContribution> contributions)
    {
        var byGroup = contributions.GroupBy(c => Key(request, outputs[c.OutputId]));
        foreach (var group in byGroup.OrderBy(g => g.Key.Batch, StringComparer.Ordinal).ThenBy(g => g.Key.Product, StringComparer.Ordinal).ThenBy(g => g.Key.Machine, StringComparer.Ordinal))
        {
            if (request.Buckets is not { } buckets)
            {
                yield return Row(request, group.Key, null, group.ToList(), outputs);
                continue;
            }

            foreach (var bucket in buckets)
            {
                var inBucket = group.Where(c => c.Slot >= bucket.From && c.Slot < bucket.To).ToList();
                yield return Row(request, group.Key, bucket.From, inBucket, outputs);
            }
        }
    }

    private static StatisticsRow Row(StatisticsRequest request, (string Batch, string Product, string Machine) key, DateTimeOffset? time,
        IReadOnlyList<SlotContribution> part, IReadOnlyDictionary<long, ScopedOutput> outputs)
    {
        var output = part.Sum(c => c.Output);
        var value = request.Amount switch
        {
            ProductionAmount.Output => output,
            ProductionAmount.Consumption => part.Sum(c => c.Consumption),
            ProductionAmount.Comprehensive => part.Sum(c => c.Kgce),
            ProductionAmount.UnitConsumption => OutputSharing.PerOutput(part.Sum(c => c.Consumption), output),
            ProductionAmount.UnitComprehensive => OutputSharing.PerOutput(part.Sum(c => c.Kgce), output),
            _ => Efficiency(output, part.Select(c => outputs[c.OutputId]).DistinctBy(o => o.BatchId)),
        };
        return new StatisticsRow(key.Batch, key.Product, key.Machine, time, value is { } v ? Math.Round(v, 4, MidpointRounding.AwayFromZero) : null, "");
    }

    /// <summary>Amount_Type 6: output per hour of the batches' [Time_Start, Time_End).</summary>
    private static decimal? Efficiency(decimal output, IEnumerable<ScopedOutput> batches)
    {
        var hours = batches.Sum(b => (decimal)(b.BatchEnd - b.BatchStart).Ticks / TimeSpan.TicksPerHour);
        return hours == 0 ? null : output / hours;
    }

    private static (string Batch, string Product, string Machine) Key(StatisticsRequest request, ScopedOutput o) => request.Summary switch
    {
        ProductionSummary.Product => ("", o.Product, ""),
        ProductionSummary.Machine => ("", "", o.Machine),
        ProductionSummary.Batch => (o.Batch, "", ""),
        _ => (request.ByBatch ? o.Batch : "", o.Product, o.Machine),
    };

    private async Task<IReadOnlyDictionary<long, ScopedOutput>> ScopeAsync(StatisticsRequest request, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<ScopedOutput>(new CommandDefinition("""
            SELECT o.id, o.amount, o.machine_id AS MachineId, m.name AS Machine, p.name AS Product, b.id AS BatchId, b.name AS Batch,
                   b.time_start AS BatchStart, b.time_end AS BatchEnd
            FROM product_outputs o
            JOIN products p ON p.id = o.product_id
            JOIN machines m ON m.id = o.machine_id
            JOIN product_batches b ON b.id = o.batch_id
            WHERE o.deleted_at IS NULL
              AND (cardinality(@Products) = 0 OR p.name = ANY(@Products))
              AND (cardinality(@Machines) = 0 OR m.name = ANY(@Machines))
              AND (cardinality(@Batches) = 0 OR b.name = ANY(@Batches))
              AND (@From::timestamptz IS NULL OR o.time_end > @From)
              AND (@To::timestamptz IS NULL OR o.time_start < @To)
            """, new
        {
            Products = request.Products.ToArray(), Machines = request.Machines.ToArray(), Batches = request.Batches.ToArray(),
            From = request.From?.UtcDateTime, To = request.To?.UtcDateTime,
        }, cancellationToken: ct));
        return rows.ToDictionary(r => r.Id);
    }
}
