using Energy.Application.Common;
using Energy.Application.Meters;
using Energy.Domain.Production;

namespace Energy.Application.Production;

/// <summary>Seed 8.11–8.13: production batches, one stream <c>batch-&lt;id&gt;</c> each, names unique (4003).</summary>
public sealed class BatchHandler(StreamCommands commands, Ids ids, TimeProvider clock)
{
    public const string NameKind = "batch";

    public async Task<long> RegisterAsync(BatchDetails details, Actor actor, CancellationToken ct = default)
    {
        details = details with { Name = ProductionChecks.Name(details.Name, "Production_Batch") };
        var id = await ids.NextAsync("batch", ct);
        await Handle(id, s => Batch.Register(s, id, details), actor, (conn, tx, _) =>
            UniqueNames.ReserveAsync(conn, tx, NameKind, "batch", details.Name, id, ct), ct);
        return id;
    }

    public Task ChangeAsync(long id, BatchDetails details, Actor actor, CancellationToken ct = default)
    {
        details = details with { Name = ProductionChecks.Name(details.Name, "Production_Batch") };
        return Handle(id, s => Batch.Change(s, id, details), actor, async (conn, tx, _) =>
        {
            await UniqueNames.ReserveAsync(conn, tx, NameKind, "batch", details.Name, id, ct);
            await UniqueNames.ReleaseAsync(conn, tx, NameKind, id, details.Name, ct);
        }, ct);
    }

    /// <summary>Refused (4004) while live outputs name it.</summary>
    public Task DeleteAsync(long id, Actor actor, CancellationToken ct = default) =>
        Handle(id, s => Batch.Delete(s, id, clock.GetUtcNow()), actor, async (conn, tx, _) =>
        {
            await ProductionChecks.NotReferencedAsync(conn, tx, OutputHandler.BatchesTable, "batch_id", "batch", id, ct);
            await UniqueNames.ReleaseAsync(conn, tx, NameKind, id, null, ct);
        }, ct);

    private Task<Batch> Handle(long id, Func<Batch, IReadOnlyList<object>> decide, Actor actor,
        Func<Npgsql.NpgsqlConnection, Npgsql.NpgsqlTransaction, IReadOnlyList<object>, Task> alongside, CancellationToken ct) =>
        CatalogErrors.Translate(() => commands.HandleAsync(Batch.StreamId(id), Batch.None, Batch.Evolve, decide, actor, alongside, ct));
}
