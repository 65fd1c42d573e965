using Energy.Domain.Energy;
using Energy.Application.EventStore;
using Npgsql;
using NpgsqlTypes;

namespace Energy.Projections.Energy;

public sealed partial class EnergyProjection
{
    /// <summary>
    /// Stores the new counter points and recomputes, per device, the whole slots from the reading before the
    /// earliest new point to the reading after the latest one. One round trip for the whole page.
    /// </summary>
    private static async Task<IEnumerable<SlotRewrite>> RespreadCountersAsync(ProjectionContext context, List<CounterPoint> points, CancellationToken ct)
    {
        // The same device and instant twice in a page: the later event wins, as it would across pages.
        var latest = points.GroupBy(p => (p.Device, p.At)).Select(g => g.MaxBy(p => p.SeqId)).ToArray();
        var ranges = latest.GroupBy(p => p.Device).Select(g => (Device: g.Key, Lo: g.Min(p => p.At), Hi: g.Max(p => p.At))).ToArray();
        var readings = context.Table(EnergyTables.Readings);

        await using var batch = new NpgsqlBatch(context.Connection, context.Transaction);
        var store = new NpgsqlBatchCommand($"""
            INSERT INTO {readings} (device, read_at, value, seq_id)
            SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::numeric[], $4::bigint[])
            ON CONFLICT (device, read_at) DO UPDATE SET value = excluded.value, seq_id = excluded.seq_id
            WHERE {readings}.seq_id < excluded.seq_id
            """);
        store.Parameters.Add(new() { Value = latest.Select(p => p.Device).ToArray() });
        store.Parameters.Add(new() { Value = latest.Select(p => p.At.UtcDateTime).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        store.Parameters.Add(new() { Value = latest.Select(p => p.Value).ToArray() });
        store.Parameters.Add(new() { Value = latest.Select(p => p.SeqId).ToArray() });

        // Every reading that shapes the slots to rewrite: the new points change the curve only between their
        // neighbours (n), the slots to rewrite are the whole slots around those (s; date_bin on the UTC grid
        // is Slots.Floor), and each of them depends on every reading inside it and the first one beyond each
        // end (b). Reading only a fixed number of neighbours lost what earlier readings of the first slot had
        // counted: the rewritten slot started its curve at the second reading back.
        var context2 = new NpgsqlBatchCommand($"""
            WITH q AS (SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::timestamptz[]) AS q(device, lo, hi)),
            n AS (
                SELECT q.device,
                       coalesce((SELECT max(read_at) FROM {readings} r WHERE r.device = q.device AND r.read_at < q.lo), q.lo) AS before,
                       coalesce((SELECT min(read_at) FROM {readings} r WHERE r.device = q.device AND r.read_at > q.hi), q.hi) AS after
                FROM q),
            s AS (
                SELECT device, date_bin('15 minutes', before, timestamptz '1970-01-01 00:00:00+00') AS from_slot,
                       date_bin('15 minutes', after - interval '1 microsecond', timestamptz '1970-01-01 00:00:00+00') + interval '15 minutes' AS to_slot
                FROM n),
            b AS (
                SELECT s.device,
                       coalesce((SELECT max(read_at) FROM {readings} r WHERE r.device = s.device AND r.read_at <= s.from_slot), s.from_slot) AS from_at,
                       coalesce((SELECT min(read_at) FROM {readings} r WHERE r.device = s.device AND r.read_at >= s.to_slot), s.to_slot) AS to_at
                FROM s)
            SELECT r.device, r.read_at, r.value
            FROM b JOIN {readings} r ON r.device = b.device AND r.read_at >= b.from_at AND r.read_at <= b.to_at
            ORDER BY r.device, r.read_at
            """);
        context2.Parameters.Add(new() { Value = ranges.Select(r => r.Device).ToArray() });
        context2.Parameters.Add(new() { Value = ranges.Select(r => r.Lo.UtcDateTime).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        context2.Parameters.Add(new() { Value = ranges.Select(r => r.Hi.UtcDateTime).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        batch.BatchCommands.Add(store);
        batch.BatchCommands.Add(context2);

        var loaded = new Dictionary<string, List<CounterReading>>(StringComparer.Ordinal);
        await using (var reader = await batch.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var device = reader.GetString(0);
                if (!loaded.TryGetValue(device, out var list))
                {
                    loaded[device] = list = [];
                }

                list.Add(new CounterReading(new DateTimeOffset(reader.GetDateTime(1), TimeSpan.Zero), reader.GetDecimal(2)));
            }
        }

        return ranges.Select(r => Respread(r.Device, r.Lo, r.Hi, loaded.GetValueOrDefault(r.Device) ?? []));
    }

    /// <summary>The slots between the neighbours of [lo, hi] — the only ones new points there can change.</summary>
    private static SlotRewrite Respread(string device, DateTimeOffset lo, DateTimeOffset hi, List<CounterReading> around)
    {
        var before = around.Where(r => r.At < lo).Select(r => (DateTimeOffset?)r.At).Max() ?? lo;
        var after = around.Where(r => r.At > hi).Select(r => (DateTimeOffset?)r.At).Min() ?? hi;
        var (from, to) = (Slots.Floor(before), Slots.Ceiling(after));
        var curve = new ConsumptionCurve(around);
        return new SlotRewrite(device, from, to, Slots.Of(curve, from, to).ToArray());
    }
}
