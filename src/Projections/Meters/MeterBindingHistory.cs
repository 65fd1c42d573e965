using Energy.Domain.Meters;
using Energy.Application.EventStore;
using Npgsql;

namespace Energy.Projections.Meters;

/// <summary>
/// <c>meter_bindings</c>: which meter showed which device's readings when (CONTRACT §4 Meter_Code), one row
/// per binding with <c>[bound_from, bound_until)</c>; an open binding has no <c>bound_until</c>.
/// </summary>
/// <remarks>
/// The one rule for which meter a reading belongs to (docs/ATTRIBUTION.md), for every consumer of readings:
/// the binding whose <c>[attributed_from, bound_until)</c> holds the reading's own instant. A device's first
/// binding is attributed from <c>-infinity</c> — readings of a device no meter was bound to yet "appear once a
/// meter is bound to it" (CONTRACT §4), whether they arrived before the binding or are backfilled after it —
/// and every later binding from its <c>bound_from</c>, so a re-bound device's older readings stay with the
/// meter that had it then. A meter's deletion unbinds it, so nothing is attributed to a deleted meter.
/// SQL consumers call <c>reading_meter(device, at)</c>; energy spans read <c>attributed_from</c>
/// (<c>MeterSpans</c>).
/// </remarks>
public sealed class MeterBindingHistory : IInlineProjection, ISchemaContributor
{
    public string Name => "meter_bindings";

    public IReadOnlyCollection<string> EventTypes { get; } = [nameof(MeterBoundToDevice), nameof(MeterUnboundFromDevice)];

    public string Sql => """
        CREATE TABLE IF NOT EXISTS meter_bindings (
            seq_id      bigint PRIMARY KEY,
            meter_id    bigint NOT NULL,
            device_code text NOT NULL,
            bound_from  timestamptz NOT NULL,
            bound_until timestamptz,
            attributed_from timestamptz NOT NULL
        );
        ALTER TABLE meter_bindings ADD COLUMN IF NOT EXISTS attributed_from timestamptz;
        UPDATE meter_bindings b SET attributed_from = CASE
                WHEN b.seq_id = (SELECT min(f.seq_id) FROM meter_bindings f WHERE f.device_code = b.device_code) THEN '-infinity' ELSE b.bound_from END
            WHERE b.attributed_from IS NULL;
        ALTER TABLE meter_bindings ALTER COLUMN attributed_from SET NOT NULL;
        CREATE OR REPLACE FUNCTION reading_meter(device text, at timestamptz) RETURNS TABLE (meter_id bigint)
            LANGUAGE sql STABLE AS $$
                SELECT b.meter_id FROM meter_bindings b
                WHERE b.device_code = device AND b.attributed_from <= at AND (b.bound_until IS NULL OR b.bound_until > at)
                ORDER BY b.bound_from DESC LIMIT 1
            $$;
        CREATE INDEX IF NOT EXISTS meter_bindings_device ON meter_bindings (device_code, bound_from);
        CREATE INDEX IF NOT EXISTS meter_bindings_meter ON meter_bindings (meter_id);
        """;

    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<EventEnvelope> events, CancellationToken ct)
    {
        await using var batch = new CatalogBatch(context);
        foreach (var run in CatalogBatch.Runs(events))
        {
            if (run[0].Data is MeterBoundToDevice)
            {
                var bound = run.Select(e => (e.SeqId, Event: (MeterBoundToDevice)e.Data)).ToList();
                batch.Add("""
                    INSERT INTO meter_bindings (seq_id, meter_id, device_code, bound_from, attributed_from)
                    SELECT u.seq, u.meter, u.code, u.at,
                           CASE WHEN u.seq = min(u.seq) OVER (PARTITION BY u.code)
                                 AND NOT EXISTS (SELECT FROM meter_bindings f WHERE f.device_code = u.code)
                                THEN '-infinity'::timestamptz ELSE u.at END
                    FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::timestamptz[]) AS u(seq, meter, code, at)
                    """,
                    bound.Select(b => b.SeqId).ToArray(), bound.Select(b => b.Event.MeterId).ToArray(),
                    bound.Select(b => b.Event.DeviceCode).ToArray(), bound.Select(b => CatalogBatch.Utc(b.Event.BoundAt)).ToArray());
            }
            else
            {
                // A meter has at most one open binding, and it is unbound once before it is bound again.
                var unbound = run.Select(e => (MeterUnboundFromDevice)e.Data).ToList();
                batch.Add("""
                    UPDATE meter_bindings b SET bound_until = u.at
                    FROM unnest($1::bigint[], $2::text[], $3::timestamptz[]) AS u(meter_id, code, at)
                    WHERE b.meter_id = u.meter_id AND b.device_code = u.code AND b.bound_until IS NULL
                    """,
                    unbound.Select(e => e.MeterId).ToArray(), unbound.Select(e => e.DeviceCode).ToArray(),
                    unbound.Select(e => CatalogBatch.Utc(e.UnboundAt)).ToArray());
            }
        }

        await batch.ExecuteAsync(ct);
    }

    public Task ResetAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct) =>
        CatalogBatch.TruncateAsync(connection, transaction, "meter_bindings", ct);
}
