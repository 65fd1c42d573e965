using System.Globalization;
using Energy.Domain.Meters;
using Energy.Application.EventStore;
using Npgsql;

namespace Energy.Projections.Meters;

/// <summary>
/// The <c>meters</c> table behind seed 2.3, written in the appending transaction. The machine's name and
/// department are joined at query time, so renaming a machine shows on its meters at once.
/// <c>parameters</c> (2.3 <c>Meter_Parameter</c>) stays "" here; the readings work fills it.
/// </summary>
public sealed class MeterList : IInlineProjection, ISchemaContributor
{
    public string Name => "meters";

    public IReadOnlyCollection<string> EventTypes { get; } =
    [
        nameof(MeterRegistered), nameof(MeterChanged), nameof(MeterBoundToDevice), nameof(MeterUnboundFromDevice),
        nameof(MeterTotalAmountSet), nameof(MeterDeleted),
    ];

    public string Sql => """
        CREATE TABLE IF NOT EXISTS meters (
            id                  bigint PRIMARY KEY,
            name                text NOT NULL,
            energy_type         int NOT NULL,
            machine_id          bigint NOT NULL,
            remarks             text NOT NULL,
            is_virtual          boolean NOT NULL,
            formula             text NOT NULL,
            is_total            boolean NOT NULL,
            is_count            boolean NOT NULL,
            is_handwork         boolean NOT NULL,
            device_code         text NOT NULL DEFAULT '',
            total_amount        numeric NOT NULL DEFAULT 0,
            total_amount_set_at timestamptz,
            parameters          text NOT NULL DEFAULT '',
            registered_at       timestamptz NOT NULL,
            deleted_at          timestamptz,
            version             bigint NOT NULL DEFAULT 0
        );
        CREATE INDEX IF NOT EXISTS meters_live_machine ON meters (machine_id) WHERE deleted_at IS NULL;
        """;

    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<EventEnvelope> events, CancellationToken ct)
    {
        await using var batch = new CatalogBatch(context);
        foreach (var run in CatalogBatch.Runs(events))
        {
            switch (run[0].Data)
            {
                case MeterRegistered:
                    Registered(batch, CatalogBatch.LastPer<MeterRegistered>(run, e => e.MeterId));
                    break;
                case MeterChanged:
                    Changed(batch, CatalogBatch.LastPer<MeterChanged>(run, e => e.MeterId));
                    break;
                case MeterBoundToDevice:
                    var bound = CatalogBatch.LastPer<MeterBoundToDevice>(run, e => e.MeterId);
                    batch.Add("UPDATE meters m SET device_code = u.code FROM unnest($1::bigint[], $2::text[]) AS u(id, code) WHERE m.id = u.id",
                        bound.Select(e => e.MeterId).ToArray(), bound.Select(e => e.DeviceCode).ToArray());
                    break;
                case MeterUnboundFromDevice:
                    var unbound = CatalogBatch.LastPer<MeterUnboundFromDevice>(run, e => e.MeterId);
                    batch.Add("UPDATE meters m SET device_code = '' FROM unnest($1::bigint[], $2::text[]) AS u(id, code) WHERE m.id = u.id AND m.device_code = u.code",
                        unbound.Select(e => e.MeterId).ToArray(), unbound.Select(e => e.DeviceCode).ToArray());
                    break;
                case MeterTotalAmountSet:
                    var totals = CatalogBatch.LastPer<MeterTotalAmountSet>(run, e => e.MeterId);
                    batch.Add("""
                        UPDATE meters m SET total_amount = u.total, total_amount_set_at = u.at
                        FROM unnest($1::bigint[], $2::numeric[], $3::timestamptz[]) AS u(id, total, at) WHERE m.id = u.id
                        """, totals.Select(e => e.MeterId).ToArray(), totals.Select(e => e.TotalAmount).ToArray(), totals.Select(e => CatalogBatch.Utc(e.SetAt)).ToArray());
                    break;
                case MeterDeleted:
                    var deleted = CatalogBatch.LastPer<MeterDeleted>(run, e => e.MeterId);
                    batch.Add("UPDATE meters m SET deleted_at = u.at FROM unnest($1::bigint[], $2::timestamptz[]) AS u(id, at) WHERE m.id = u.id",
                        deleted.Select(e => e.MeterId).ToArray(), deleted.Select(e => CatalogBatch.Utc(e.DeletedAt)).ToArray());
                    break;
            }
        }

        // The stream version each meter's row now reflects (2.3's (ext) Meter_Version, the base of an update).
        var versions = events.GroupBy(e => e.StreamId).Select(g => g.Last()).ToList();
        batch.Add("UPDATE meters m SET version = u.version FROM unnest($1::bigint[], $2::bigint[]) AS u(id, version) WHERE m.id = u.id",
            versions.Select(e => long.Parse(e.StreamId.AsSpan("meter-".Length), CultureInfo.InvariantCulture)).ToArray(),
            versions.Select(e => e.Version).ToArray());
        await batch.ExecuteAsync(ct);
    }

    public Task ResetAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct) =>
        CatalogBatch.TruncateAsync(connection, transaction, "meters", ct);

    private static void Registered(CatalogBatch batch, List<MeterRegistered> events) => batch.Add("""
        INSERT INTO meters (id, name, energy_type, machine_id, remarks, is_virtual, formula, is_total, is_count, is_handwork, registered_at)
        SELECT * FROM unnest($1::bigint[], $2::text[], $3::int[], $4::bigint[], $5::text[], $6::boolean[], $7::text[],
                             $8::boolean[], $9::boolean[], $10::boolean[], $11::timestamptz[])
        """,
        [.. Columns(events.Select(e => (e.MeterId, e.Details))), events.Select(e => CatalogBatch.Utc(e.RegisteredAt)).ToArray()]);

    private static void Changed(CatalogBatch batch, List<MeterChanged> events) => batch.Add("""
        UPDATE meters m SET name = u.name, energy_type = u.energy_type, machine_id = u.machine_id, remarks = u.remarks,
            is_virtual = u.is_virtual, formula = u.formula, is_total = u.is_total, is_count = u.is_count, is_handwork = u.is_handwork
        FROM unnest($1::bigint[], $2::text[], $3::int[], $4::bigint[], $5::text[], $6::boolean[], $7::text[],
                    $8::boolean[], $9::boolean[], $10::boolean[])
             AS u(id, name, energy_type, machine_id, remarks, is_virtual, formula, is_total, is_count, is_handwork)
        WHERE m.id = u.id
        """, Columns(events.Select(e => (e.MeterId, e.Details))));

    private static object[] Columns(IEnumerable<(long Id, MeterDetails Details)> rows)
    {
        var list = rows.ToList();
        return
        [
            list.Select(r => r.Id).ToArray(), list.Select(r => r.Details.Name).ToArray(), list.Select(r => r.Details.EnergyType).ToArray(),
            list.Select(r => r.Details.MachineId).ToArray(), list.Select(r => r.Details.Remarks).ToArray(),
            list.Select(r => r.Details.IsVirtual).ToArray(), list.Select(r => r.Details.Formula).ToArray(),
            list.Select(r => r.Details.IsTotal).ToArray(), list.Select(r => r.Details.IsCount).ToArray(),
            list.Select(r => r.Details.IsHandWork).ToArray(),
        ];
    }
}
