using Energy.Domain.Production;
using Energy.Projections.Meters;

namespace Energy.Projections.Production;

public sealed partial class ProductionLists
{
    private static void Products(CatalogBatch batch, List<(long Id, ProductDetails Details)> rows) => batch.Add("""
        INSERT INTO products (id, name, unit, remarks)
        SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[])
        ON CONFLICT (id) DO UPDATE SET name = excluded.name, unit = excluded.unit, remarks = excluded.remarks
        """,
        rows.Select(r => r.Id).ToArray(), rows.Select(r => r.Details.Name).ToArray(),
        rows.Select(r => r.Details.Unit).ToArray(), rows.Select(r => r.Details.Remarks).ToArray());

    private static void Batches(CatalogBatch batch, List<(long Id, BatchDetails Details)> rows) => batch.Add("""
        INSERT INTO product_batches (id, name, time_start, time_end)
        SELECT * FROM unnest($1::bigint[], $2::text[], $3::timestamptz[], $4::timestamptz[])
        ON CONFLICT (id) DO UPDATE SET name = excluded.name, time_start = excluded.time_start, time_end = excluded.time_end
        """,
        rows.Select(r => r.Id).ToArray(), rows.Select(r => r.Details.Name).ToArray(),
        rows.Select(r => CatalogBatch.Utc(r.Details.Start)).ToArray(), rows.Select(r => CatalogBatch.Utc(r.Details.End)).ToArray());

    /// <summary>Records insert (with their creation time); corrections (which always follow their record) update everything but it.</summary>
    private static void Outputs(CatalogBatch batch, List<(long Id, OutputDetails Details, DateTimeOffset? CreatedAt)> rows) => batch.Add("""
        INSERT INTO product_outputs (id, product_id, machine_id, batch_id, amount, time_start, time_end, created_at)
        SELECT u.id, u.product, u.machine, u.batch, u.amount, u.f, u.t, u.created
        FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::bigint[], $5::numeric[], $6::timestamptz[], $7::timestamptz[], $8::timestamptz[])
            AS u(id, product, machine, batch, amount, f, t, created)
        ON CONFLICT (id) DO UPDATE SET product_id = excluded.product_id, machine_id = excluded.machine_id, batch_id = excluded.batch_id,
            amount = excluded.amount, time_start = excluded.time_start, time_end = excluded.time_end
        """,
        rows.Select(r => r.Id).ToArray(), rows.Select(r => r.Details.ProductId).ToArray(), rows.Select(r => r.Details.MachineId).ToArray(),
        rows.Select(r => r.Details.BatchId).ToArray(), rows.Select(r => r.Details.Amount).ToArray(),
        rows.Select(r => CatalogBatch.Utc(r.Details.Start)).ToArray(), rows.Select(r => CatalogBatch.Utc(r.Details.End)).ToArray(),
        rows.Select(r => CatalogBatch.Utc(r.CreatedAt ?? r.Details.Start)).ToArray());

    private static void Deleted(CatalogBatch batch, string table, IEnumerable<(long Id, DateTimeOffset At)> rows)
    {
        var list = rows.ToList();
        batch.Add($"""
            UPDATE {table} x SET deleted_at = u.at
            FROM unnest($1::bigint[], $2::timestamptz[]) AS u(id, at) WHERE x.id = u.id
            """, list.Select(r => r.Id).ToArray(), list.Select(r => CatalogBatch.Utc(r.At)).ToArray());
    }
}
