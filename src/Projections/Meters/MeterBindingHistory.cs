using Energy.Domain.Meters;
using Energy.EventStore;
using Npgsql;

namespace Energy.Projections.Meters;

/// <summary>
/// <c>meter_bindings</c>: which meter showed which device's readings when (CONTRACT §4 Meter_Code), one row
/// per binding with <c>[bound_from, bound_until)</c>; an open binding has no <c>bound_until</c>. Readings
/// are attributed by looking up the row that holds the reading's instant.
/// </summary>
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
            bound_until timestamptz
        );
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
                    INSERT INTO meter_bindings (seq_id, meter_id, device_code, bound_from)
                    SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::timestamptz[])
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
