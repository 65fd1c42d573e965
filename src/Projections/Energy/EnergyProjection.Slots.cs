using Energy.EventStore;
using Npgsql;
using NpgsqlTypes;

namespace Energy.Projections.Energy;

public sealed partial class EnergyProjection
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    /// <summary>
    /// Replaces the slots of each rewritten range and recomputes the hour and day rows that contain them,
    /// in one round trip; rollups are sums of slots, so they can never disagree with them.
    /// </summary>
    private static async Task WriteSlotsAsync(ProjectionContext context, List<SlotRewrite> rewrites, CancellationToken ct)
    {
        var (slots, hours, days) = (context.Table(EnergyTables.Slots), context.Table(EnergyTables.Hours), context.Table(EnergyTables.Days));
        var sources = rewrites.Select(r => r.Source).ToArray();
        await using var batch = new NpgsqlBatch(context.Connection, context.Transaction);

        batch.BatchCommands.Add(Ranged($"DELETE FROM {slots} s USING unnest($1::text[], $2::timestamptz[], $3::timestamptz[]) x(device, f, t) WHERE s.device = x.device AND s.slot >= x.f AND s.slot < x.t",
            sources, rewrites.Select(r => r.From), rewrites.Select(r => r.To)));

        var written = rewrites.SelectMany(r => r.Slots.Select(s => (r.Source, s.Slot, s.Amount))).ToArray();
        var insert = new NpgsqlBatchCommand($"INSERT INTO {slots} (device, slot, amount) SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::numeric[])");
        insert.Parameters.Add(new() { Value = written.Select(w => w.Source).ToArray() });
        insert.Parameters.Add(new() { Value = written.Select(w => w.Slot.UtcDateTime).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        insert.Parameters.Add(new() { Value = written.Select(w => w.Amount).ToArray() });
        batch.BatchCommands.Add(insert);

        AddRollup(batch, slots, "slot", hours, "hour", Merged(rewrites, Hour));
        AddRollup(batch, hours, "hour", days, "day", Merged(rewrites, Day));
        await batch.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The rollup rows to recompute, widened to whole units and merged per source so no row is summed twice.</summary>
    private static (string Source, DateTimeOffset From, DateTimeOffset To)[] Merged(List<SlotRewrite> rewrites, TimeSpan unit)
    {
        var merged = new List<(string Source, DateTimeOffset From, DateTimeOffset To)>();
        foreach (var r in rewrites.Select(r => (r.Source, From: Floor(r.From, unit), To: Ceiling(r.To, unit))).OrderBy(r => r.Source, StringComparer.Ordinal).ThenBy(r => r.From))
        {
            if (merged.Count > 0 && merged[^1].Source == r.Source && r.From <= merged[^1].To)
            {
                merged[^1] = merged[^1] with { To = r.To > merged[^1].To ? r.To : merged[^1].To };
            }
            else
            {
                merged.Add(r);
            }
        }

        return merged.ToArray();
    }

    private static void AddRollup(NpgsqlBatch batch, string finer, string finerColumn, string coarser, string unit, (string Source, DateTimeOffset From, DateTimeOffset To)[] ranges)
    {
        var (sources, f, t) = (ranges.Select(r => r.Source), ranges.Select(r => r.From), ranges.Select(r => r.To));
        batch.BatchCommands.Add(Ranged($"DELETE FROM {coarser} c USING unnest($1::text[], $2::timestamptz[], $3::timestamptz[]) x(device, f, t) WHERE c.device = x.device AND c.{unit} >= x.f AND c.{unit} < x.t",
            sources, f, t));
        batch.BatchCommands.Add(Ranged($"""
            INSERT INTO {coarser} (device, {unit}, amount)
            SELECT s.device, date_trunc('{unit}', s.{finerColumn}, 'UTC'), sum(s.amount)
            FROM unnest($1::text[], $2::timestamptz[], $3::timestamptz[]) x(device, f, t)
            JOIN {finer} s ON s.device = x.device AND s.{finerColumn} >= x.f AND s.{finerColumn} < x.t
            GROUP BY 1, 2
            """, sources, f, t));
    }

    private static NpgsqlBatchCommand Ranged(string sql, IEnumerable<string> sources, IEnumerable<DateTimeOffset> from, IEnumerable<DateTimeOffset> to)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(new() { Value = sources.ToArray() });
        command.Parameters.Add(new() { Value = from.Select(t => t.UtcDateTime).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = to.Select(t => t.UtcDateTime).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        return command;
    }

    private static DateTimeOffset Floor(DateTimeOffset t, TimeSpan unit) => new(t.UtcTicks - (t.UtcTicks % unit.Ticks), TimeSpan.Zero);

    private static DateTimeOffset Ceiling(DateTimeOffset t, TimeSpan unit) => Floor(t, unit) == t ? t : Floor(t, unit) + unit;
}
