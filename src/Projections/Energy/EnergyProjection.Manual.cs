using System.Globalization;
using Energy.Domain.Energy;
using Energy.Domain.Readings;
using Energy.Application.EventStore;
using Npgsql;

namespace Energy.Projections.Energy;

public sealed partial class EnergyProjection
{
    /// <summary>
    /// A hand-filled amount is spread evenly over its natural plant day or month (CONTRACT §4 Is_HandWork);
    /// a correction replaces the period's slots. The amounts are kept with their sequence numbers for as-of queries.
    /// </summary>
    private async Task<IEnumerable<SlotRewrite>> SpreadManualAsync(ProjectionContext context, List<ManualAmount> amounts, CancellationToken ct)
    {
        await using (var keep = new NpgsqlCommand($"""
            INSERT INTO {context.Table(EnergyTables.Manual)} (meter_id, period_kind, label, amount, seq_id)
            SELECT * FROM unnest($1::bigint[], $2::int[], $3::text[], $4::numeric[], $5::bigint[])
            ON CONFLICT DO NOTHING
            """, context.Connection, context.Transaction))
        {
            keep.Parameters.Add(new() { Value = amounts.Select(a => a.MeterId).ToArray() });
            keep.Parameters.Add(new() { Value = amounts.Select(a => (int)a.Kind).ToArray() });
            keep.Parameters.Add(new() { Value = amounts.Select(a => a.Label).ToArray() });
            keep.Parameters.Add(new() { Value = amounts.Select(a => a.Amount).ToArray() });
            keep.Parameters.Add(new() { Value = amounts.Select(a => a.SeqId).ToArray() });
            await keep.ExecuteNonQueryAsync(ct);
        }

        return amounts
            .GroupBy(a => (a.MeterId, a.Kind, a.Label))
            .Select(g => g.MaxBy(a => a.SeqId))
            .Select(a => Spread(a, zone.Info));
    }

    private static SlotRewrite Spread(ManualAmount amount, TimeZoneInfo zone)
    {
        var (start, end) = ManualPeriod(amount.Kind, amount.Label);
        var from = new DateTimeOffset(start, zone.GetUtcOffset(start)).ToUniversalTime();
        var to = new DateTimeOffset(end, zone.GetUtcOffset(end)).ToUniversalTime();
        var curve = new ConsumptionCurve([new CounterReading(from, 0), new CounterReading(to, amount.Amount)]);
        return new SlotRewrite(ConsumptionSources.Manual(amount.MeterId, amount.Kind), Slots.Floor(from), Slots.Ceiling(to), Slots.Of(curve, from, to).ToArray());
    }

    /// <summary>Wall-clock bounds of "2019-04-01" (a day) or "2019-04" (a month).</summary>
    public static (DateTime Start, DateTime End) ManualPeriod(ManualPeriodKind kind, string label)
    {
        var format = kind == ManualPeriodKind.Day ? "yyyy-MM-dd" : "yyyy-MM";
        var start = DateTime.ParseExact(label, format, CultureInfo.InvariantCulture);
        return (start, kind == ManualPeriodKind.Day ? start.AddDays(1) : start.AddMonths(1));
    }
}
