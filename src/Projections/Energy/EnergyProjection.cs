using Energy.Domain.Readings;
using Energy.Application.EventStore;
using Microsoft.Extensions.Configuration;

namespace Energy.Projections.Energy;

/// <summary>
/// Consumption per source in 15-minute slots, with hour, day and month rollups on the plant's calendar
/// (<see cref="EnergyRollups"/>; CONTRACT §6 Consumption).
/// A source is a device (its EP counter) or <c>manual:&lt;meter id&gt;</c> (a hand-filled meter). Sources, not
/// meters: which meter a device counts for can change after the readings arrived (CONTRACT §4), so that
/// mapping is applied at query time. A late reading recomputes only the slots between its neighbours, so the
/// result is the same whatever the arrival order.
/// </summary>
public sealed partial class EnergyProjection(IConfiguration configuration) : IProjection
{
    public const string CounterParameter = "EP";

    private readonly PlantZone zone = PlantZone.From(configuration);

    public string Name => "energy";

    public IReadOnlyCollection<string>? EventTypes { get; } =
        [nameof(MeterReadingReceived), nameof(ManualConsumptionRecorded), nameof(ManualConsumptionCorrected)];

    public IReadOnlyList<string> Tables { get; } =
        [EnergyTables.Readings, EnergyTables.Manual, EnergyTables.Slots, EnergyTables.Hours, EnergyTables.Days, EnergyTables.Months, EnergyTables.Calendar];

    public string TablesSql(string suffix) => EnergyTables.Sql(suffix);

    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<EventEnvelope> events, CancellationToken ct)
    {
        var counters = new List<CounterPoint>();
        var manual = new List<ManualAmount>();
        foreach (var e in events)
        {
            switch (e.Data)
            {
                case MeterReadingReceived r when r.Parameters.TryGetValue(CounterParameter, out var value):
                    counters.Add(new CounterPoint(r.Device, r.ReadAt, value, e.SeqId));
                    break;
                case ManualConsumptionRecorded m:
                    manual.Add(new ManualAmount(m.MeterId, m.PeriodKind, m.PeriodLabel, m.Amount, e.SeqId));
                    break;
                case ManualConsumptionCorrected m:
                    manual.Add(new ManualAmount(m.MeterId, m.PeriodKind, m.PeriodLabel, m.Amount, e.SeqId));
                    break;
            }
        }

        var rewrites = new List<SlotRewrite>();
        if (counters.Count > 0)
        {
            rewrites.AddRange(await RespreadCountersAsync(context, counters, ct));
        }

        if (manual.Count > 0)
        {
            rewrites.AddRange(await SpreadManualAsync(context, manual, ct));
        }

        if (rewrites.Count > 0)
        {
            await WriteSlotsAsync(context, rewrites, ct);
        }
    }

    private readonly record struct CounterPoint(string Device, DateTimeOffset At, decimal Value, long SeqId);

    private readonly record struct ManualAmount(long MeterId, ManualPeriodKind Kind, string Label, decimal Amount, long SeqId);

    /// <summary>New slot values for one source over [From, To): every slot there not listed is zero.</summary>
    private sealed record SlotRewrite(string Source, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<(DateTimeOffset Slot, decimal Amount)> Slots);
}
