using Energy.Application.Common;
using Energy.Application.Meters;
using Energy.Domain.Production;
using Npgsql;

namespace Energy.Application.Production;

/// <summary>
/// Seed 8.6–8.8: output records, one stream <c>output-&lt;id&gt;</c> each, so a record's corrections and its
/// removal stay in its history. The product, machine and batch must exist (4004), checked in the append's
/// transaction with their rows locked.
/// </summary>
public sealed class OutputHandler(StreamCommands commands, Ids ids, TimeProvider clock)
{
    public const string ProductsTable = "products";
    public const string BatchesTable = "product_batches";

    public async Task<long> RecordAsync(OutputDetails details, Actor actor, CancellationToken ct = default)
    {
        details = Checked(details);
        var id = await ids.NextAsync("output", ct);
        await Handle(id, s => Output.Record(s, id, details, clock.GetUtcNow()), actor, References(details, ct), ct);
        return id;
    }

    public Task CorrectAsync(long id, OutputDetails details, Actor actor, CancellationToken ct = default)
    {
        details = Checked(details);
        return Handle(id, s => Output.Correct(s, id, details, clock.GetUtcNow()), actor, References(details, ct), ct);
    }

    public Task RemoveAsync(long id, Actor actor, CancellationToken ct = default) =>
        Handle(id, s => Output.Remove(s, id, clock.GetUtcNow()), actor, null, ct);

    private static Func<NpgsqlConnection, NpgsqlTransaction, IReadOnlyList<object>, Task> References(OutputDetails details, CancellationToken ct) =>
        async (conn, tx, _) =>
        {
            await ProductionChecks.LiveAsync(conn, tx, ProductsTable, "Product_id", "product", details.ProductId, ct);
            await ProductionChecks.LiveAsync(conn, tx, "machines", "Meter_Superior_id", "machine", details.MachineId, ct);
            await ProductionChecks.LiveAsync(conn, tx, BatchesTable, "ProductBatch_id", "batch", details.BatchId, ct);
        };

    private Task<Output> Handle(long id, Func<Output, IReadOnlyList<object>> decide, Actor actor,
        Func<NpgsqlConnection, NpgsqlTransaction, IReadOnlyList<object>, Task>? alongside, CancellationToken ct) =>
        CatalogErrors.Translate(() => commands.HandleAsync(Output.StreamId(id), Output.None, Output.Evolve, decide, actor, alongside, ct));

    /// <summary>The record's own rules (4103) before anything is read or appended.</summary>
    private static OutputDetails Checked(OutputDetails details)
    {
        try
        {
            return Output.Checked(details);
        }
        catch (Domain.DomainRuleException refusal)
        {
            throw ContractError.BadParameter(refusal.Field, refusal.Message);
        }
    }
}
