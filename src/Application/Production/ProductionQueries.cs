using Dapper;
using Energy.Application.Common;
using Npgsql;

namespace Energy.Application.Production;

public sealed record ProductRow(long Id, string Name, string Unit, string Remarks);

public sealed record BatchRow(long Id, string Name, DateTimeOffset Start, DateTimeOffset End);

public sealed record OutputRow(long Id, long ProductId, decimal Amount, long MachineId, DateTimeOffset Start, DateTimeOffset End, DateTimeOffset CreatedAt, long BatchId);

/// <summary>Seed 8.1, 8.5 and 8.10 from the inline lists (live rows only, by id).</summary>
public sealed class ProductionQueries(NpgsqlDataSource dataSource)
{
    public Task<(IReadOnlyList<ProductRow> Rows, long Total)> ProductsAsync(Paging paging, CancellationToken ct = default) =>
        PageAsync<ProductRow>("SELECT id, name, unit, remarks FROM products", "products", "", new { }, paging, ct);

    public async Task<(IReadOnlyList<BatchRow> Rows, long Total)> BatchesAsync(Paging paging, CancellationToken ct = default)
    {
        var (rows, total) = await PageAsync<(long Id, string Name, DateTime Start, DateTime End)>(
            "SELECT id, name, time_start, time_end FROM product_batches", "product_batches", "", new { }, paging, ct);
        return (rows.Select(r => new BatchRow(r.Id, r.Name, Utc(r.Start), Utc(r.End))).ToList(), total);
    }

    /// <summary>8.5, filtered by batch names and product names (comma lists; null = no filter).</summary>
    public async Task<(IReadOnlyList<OutputRow> Rows, long Total)> OutputsAsync(
        IReadOnlyList<string>? batches, IReadOnlyList<string>? products, Paging paging, CancellationToken ct = default)
    {
        const string Filter = """
             AND (@Batches::text[] IS NULL OR batch_id IN (SELECT id FROM product_batches WHERE name = ANY(@Batches)))
             AND (@Products::text[] IS NULL OR product_id IN (SELECT id FROM products WHERE name = ANY(@Products)))
            """;
        var (rows, total) = await PageAsync<(long Id, long ProductId, decimal Amount, long MachineId, DateTime Start, DateTime End, DateTime CreatedAt, long BatchId)>(
            "SELECT id, product_id, amount, machine_id, time_start, time_end, created_at, batch_id FROM product_outputs",
            "product_outputs", Filter, new { Batches = batches?.ToArray(), Products = products?.ToArray() }, paging, ct);
        return (rows.Select(r => new OutputRow(r.Id, r.ProductId, r.Amount, r.MachineId, Utc(r.Start), Utc(r.End), Utc(r.CreatedAt), r.BatchId)).ToList(), total);
    }

    private async Task<(IReadOnlyList<T> Rows, long Total)> PageAsync<T>(string select, string table, string filter, object args, Paging paging, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var parameters = new DynamicParameters(args);
        parameters.Add("Limit", paging.Limit);
        parameters.Add("Offset", paging.Offset);
        await using var results = await conn.QueryMultipleAsync(new CommandDefinition($"""
            {select} WHERE deleted_at IS NULL {filter} ORDER BY id LIMIT @Limit OFFSET @Offset;
            SELECT count(*) FROM {table} WHERE deleted_at IS NULL {filter};
            """, parameters, cancellationToken: ct));
        var rows = (await results.ReadAsync<T>()).AsList();
        return (rows, await results.ReadSingleAsync<long>());
    }

    internal static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
