using Energy.Domain.Machines;
using Energy.Application.EventStore;
using Energy.Projections.Meters;
using Npgsql;

namespace Energy.Projections.Machines;

/// <summary>
/// The <c>machines</c> table behind seed 2.5, written in the appending transaction so a list shows a write
/// as soon as it is acknowledged. Deleted machines keep their row (with <c>deleted_at</c>) for history.
/// </summary>
public sealed class MachineList : IInlineProjection, ISchemaContributor
{
    public string Name => "machines";

    public IReadOnlyCollection<string> EventTypes { get; } =
        [nameof(MachineRegistered), nameof(MachineChanged), nameof(MachineImageAttached), nameof(MachineDeleted)];

    public string Sql => """
        CREATE TABLE IF NOT EXISTS machines (
            id                  bigint PRIMARY KEY,
            name                text NOT NULL,
            department          text NOT NULL,
            equipment_code      text NOT NULL,
            equipment_unit_code text NOT NULL,
            image_url           text NOT NULL DEFAULT '',
            image_hash          text NOT NULL DEFAULT '',
            deleted_at          timestamptz
        );
        CREATE INDEX IF NOT EXISTS machines_live_department ON machines (department) WHERE deleted_at IS NULL;
        CREATE INDEX IF NOT EXISTS machines_live_name ON machines (name) WHERE deleted_at IS NULL;
        """;

    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<EventEnvelope> events, CancellationToken ct)
    {
        await using var batch = new CatalogBatch(context);
        foreach (var run in CatalogBatch.Runs(events))
        {
            switch (run[0].Data)
            {
                case MachineRegistered:
                    Registered(batch, CatalogBatch.LastPer<MachineRegistered>(run, e => e.MachineId));
                    break;
                case MachineChanged:
                    Changed(batch, CatalogBatch.LastPer<MachineChanged>(run, e => e.MachineId));
                    break;
                case MachineImageAttached:
                    var images = CatalogBatch.LastPer<MachineImageAttached>(run, e => e.MachineId);
                    batch.Add("""
                        UPDATE machines m SET image_url = u.url, image_hash = u.hash
                        FROM unnest($1::bigint[], $2::text[], $3::text[]) AS u(id, url, hash) WHERE m.id = u.id
                        """, images.Select(e => e.MachineId).ToArray(), images.Select(e => e.ImageUrl).ToArray(), images.Select(e => e.ContentHash).ToArray());
                    break;
                case MachineDeleted:
                    var deleted = CatalogBatch.LastPer<MachineDeleted>(run, e => e.MachineId);
                    batch.Add("""
                        UPDATE machines m SET deleted_at = u.at
                        FROM unnest($1::bigint[], $2::timestamptz[]) AS u(id, at) WHERE m.id = u.id
                        """, deleted.Select(e => e.MachineId).ToArray(), deleted.Select(e => CatalogBatch.Utc(e.DeletedAt)).ToArray());
                    break;
            }
        }

        await batch.ExecuteAsync(ct);
    }

    public Task ResetAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct) =>
        CatalogBatch.TruncateAsync(connection, transaction, "machines", ct);

    private static void Registered(CatalogBatch batch, List<MachineRegistered> events) => batch.Add("""
        INSERT INTO machines (id, name, department, equipment_code, equipment_unit_code)
        SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[])
        """,
        events.Select(e => e.MachineId).ToArray(), events.Select(e => e.Details.Name).ToArray(),
        events.Select(e => e.Details.Department).ToArray(), events.Select(e => e.Details.EquipmentCode).ToArray(),
        events.Select(e => e.Details.EquipmentUnitCode).ToArray());

    private static void Changed(CatalogBatch batch, List<MachineChanged> events) => batch.Add("""
        UPDATE machines m SET name = u.name, department = u.department, equipment_code = u.code, equipment_unit_code = u.unit
        FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[]) AS u(id, name, department, code, unit)
        WHERE m.id = u.id
        """,
        events.Select(e => e.MachineId).ToArray(), events.Select(e => e.Details.Name).ToArray(),
        events.Select(e => e.Details.Department).ToArray(), events.Select(e => e.Details.EquipmentCode).ToArray(),
        events.Select(e => e.Details.EquipmentUnitCode).ToArray());
}
