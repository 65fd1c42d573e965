using Energy.Domain.Production;
using Energy.Application.EventStore;
using Energy.Projections.Meters;
using Npgsql;

namespace Energy.Projections.Production;

/// <summary>
/// The tables behind seed 8.1, 8.5 and 8.10 (<c>products</c>, <c>product_batches</c>, <c>product_outputs</c>),
/// written in the appending transaction so a list shows a write as soon as it is acknowledged. Deleted rows stay
/// (with <c>deleted_at</c>) so outputs keep their product and batch names.
/// </summary>
public sealed partial class ProductionLists : IInlineProjection, ISchemaContributor
{
    public string Name => "production";

    public IReadOnlyCollection<string> EventTypes { get; } =
    [
        nameof(ProductRegistered), nameof(ProductChanged), nameof(ProductDeleted),
        nameof(BatchRegistered), nameof(BatchChanged), nameof(BatchDeleted),
        nameof(OutputRecorded), nameof(OutputCorrected), nameof(OutputRemoved),
    ];

    public string Sql => """
        CREATE TABLE IF NOT EXISTS products (
            id         bigint PRIMARY KEY,
            name       text NOT NULL,
            unit       text NOT NULL,
            remarks    text NOT NULL,
            deleted_at timestamptz
        );
        CREATE TABLE IF NOT EXISTS product_batches (
            id         bigint PRIMARY KEY,
            name       text NOT NULL,
            time_start timestamptz NOT NULL,
            time_end   timestamptz NOT NULL,
            deleted_at timestamptz
        );
        CREATE TABLE IF NOT EXISTS product_outputs (
            id          bigint PRIMARY KEY,
            product_id  bigint NOT NULL,
            machine_id  bigint NOT NULL,
            batch_id    bigint NOT NULL,
            amount      numeric NOT NULL,
            time_start  timestamptz NOT NULL,
            time_end    timestamptz NOT NULL,
            created_at  timestamptz NOT NULL,
            deleted_at  timestamptz
        );
        CREATE INDEX IF NOT EXISTS product_outputs_live_batch ON product_outputs (batch_id) WHERE deleted_at IS NULL;
        CREATE INDEX IF NOT EXISTS product_outputs_live_product ON product_outputs (product_id) WHERE deleted_at IS NULL;
        """;

    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<EventEnvelope> events, CancellationToken ct)
    {
        await using var batch = new CatalogBatch(context);
        foreach (var run in CatalogBatch.Runs(events))
        {
            switch (run[0].Data)
            {
                case ProductRegistered or ProductChanged:
                    Products(batch, run.Select(e => e.Data switch
                    {
                        ProductRegistered r => (r.ProductId, r.Details),
                        _ => (((ProductChanged)e.Data).ProductId, ((ProductChanged)e.Data).Details),
                    }).GroupBy(p => p.Item1).Select(g => g.Last()).ToList());
                    break;
                case BatchRegistered or BatchChanged:
                    Batches(batch, run.Select(e => e.Data switch
                    {
                        BatchRegistered r => (r.BatchId, r.Details),
                        _ => (((BatchChanged)e.Data).BatchId, ((BatchChanged)e.Data).Details),
                    }).GroupBy(p => p.Item1).Select(g => g.Last()).ToList());
                    break;
                case OutputRecorded:
                    Outputs(batch, CatalogBatch.LastPer<OutputRecorded>(run, e => e.OutputId).Select(e => (e.OutputId, e.Details, (DateTimeOffset?)e.RecordedAt)).ToList());
                    break;
                case OutputCorrected:
                    Outputs(batch, CatalogBatch.LastPer<OutputCorrected>(run, e => e.OutputId).Select(e => (e.OutputId, e.Details, (DateTimeOffset?)null)).ToList());
                    break;
                case ProductDeleted:
                    Deleted(batch, "products", CatalogBatch.LastPer<ProductDeleted>(run, e => e.ProductId).Select(e => (e.ProductId, e.DeletedAt)));
                    break;
                case BatchDeleted:
                    Deleted(batch, "product_batches", CatalogBatch.LastPer<BatchDeleted>(run, e => e.BatchId).Select(e => (e.BatchId, e.DeletedAt)));
                    break;
                case OutputRemoved:
                    Deleted(batch, "product_outputs", CatalogBatch.LastPer<OutputRemoved>(run, e => e.OutputId).Select(e => (e.OutputId, e.RemovedAt)));
                    break;
            }
        }

        await batch.ExecuteAsync(ct);
    }

    public async Task ResetAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await CatalogBatch.TruncateAsync(connection, transaction, "products", ct);
        await CatalogBatch.TruncateAsync(connection, transaction, "product_batches", ct);
        await CatalogBatch.TruncateAsync(connection, transaction, "product_outputs", ct);
    }
}
