using Energy.Application.EventStore;
using Npgsql;
using NpgsqlTypes;

namespace Energy.Projections.Energy;

public sealed partial class EnergyProjection
{
    /// <summary>
    /// Replaces the slots of each rewritten range and recomputes the hour, day and month rows that contain them,
    /// in one round trip; rollups are sums of slots, so they can never disagree with them.
    /// </summary>
    private async Task WriteSlotsAsync(ProjectionContext context, List<SlotRewrite> rewrites, CancellationToken ct)
    {
        var slots = context.Table(EnergyTables.Slots);
        var sources = rewrites.Select(r => r.Source).ToArray();
        await using var batch = new NpgsqlBatch(context.Connection, context.Transaction);

        // The zone the rollups are built in, recorded with the first slots of a generation (a rebuild starts a new
        // one). Tables that already hold slots but no zone were built before it was recorded: left without one,
        // the reader keeps to the slots until a rebuild.
        var calendar = new NpgsqlBatchCommand($"""
            INSERT INTO {context.Table(EnergyTables.Calendar)} (id, zone) SELECT 1, $1 WHERE NOT EXISTS (SELECT FROM {slots})
            ON CONFLICT (id) DO NOTHING
            """);
        calendar.Parameters.Add(new() { Value = zone.Id });
        batch.BatchCommands.Add(calendar);

        var delete = new NpgsqlBatchCommand($"DELETE FROM {slots} s USING unnest($1::text[], $2::timestamptz[], $3::timestamptz[]) x(device, f, t) WHERE s.device = x.device AND s.slot >= x.f AND s.slot < x.t");
        delete.Parameters.Add(new() { Value = sources });
        delete.Parameters.Add(new() { Value = rewrites.Select(r => r.From.UtcDateTime).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        delete.Parameters.Add(new() { Value = rewrites.Select(r => r.To.UtcDateTime).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        batch.BatchCommands.Add(delete);

        var written = rewrites.SelectMany(r => r.Slots.Select(s => (r.Source, s.Slot, s.Amount))).ToArray();
        var insert = new NpgsqlBatchCommand($"INSERT INTO {slots} (device, slot, amount) SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::numeric[])");
        insert.Parameters.Add(new() { Value = written.Select(w => w.Source).ToArray() });
        insert.Parameters.Add(new() { Value = written.Select(w => w.Slot.UtcDateTime).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        insert.Parameters.Add(new() { Value = written.Select(w => w.Amount).ToArray() });
        batch.BatchCommands.Add(insert);

        EnergyRollups.Add(batch, context.Table, zone, rewrites.Select(r => (r.Source, r.From, r.To)).ToArray());
        await batch.ExecuteNonQueryAsync(ct);
    }
}
