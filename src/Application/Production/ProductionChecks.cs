using Npgsql;

namespace Energy.Application.Production;

/// <summary>Existence checks done inside the append's transaction, locking the row so it cannot be deleted meanwhile.</summary>
internal static class ProductionChecks
{
    /// <summary>4004 naming <paramref name="field"/> when no live row of <paramref name="table"/> has the id.</summary>
    public static async Task LiveAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string table, string field, string what, long id, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"SELECT 1 FROM {table} WHERE id = $1 AND deleted_at IS NULL FOR SHARE", conn, tx);
        cmd.Parameters.Add(new() { Value = id });
        if (await cmd.ExecuteScalarAsync(ct) is null)
        {
            throw Common.ContractError.DataError($"{field} {id}: no {what} with that id");
        }
    }

    /// <summary>
    /// 4004 while live outputs name this product or batch (<paramref name="column"/> of <c>product_outputs</c>):
    /// a deleted one would leave outputs pointing at nothing (issue 17). The row is locked FOR UPDATE first, so an
    /// output being recorded for it (which holds it FOR SHARE) is either seen here or waits for the delete and is
    /// refused by its own check.
    /// </summary>
    public static async Task NotReferencedAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string table, string column, string what, long id, CancellationToken ct)
    {
        await using (var lockRow = new NpgsqlCommand($"SELECT 1 FROM {table} WHERE id = $1 FOR UPDATE", conn, tx))
        {
            lockRow.Parameters.Add(new() { Value = id });
            await lockRow.ExecuteScalarAsync(ct);
        }

        await using var cmd = new NpgsqlCommand(
            $"SELECT count(*) FROM product_outputs WHERE {column} = $1 AND deleted_at IS NULL", conn, tx);
        cmd.Parameters.Add(new() { Value = id });
        var outputs = (long)(await cmd.ExecuteScalarAsync(ct))!;
        if (outputs > 0)
        {
            throw Common.ContractError.DataError($"{what} {id} is still named by {outputs} output record(s); remove or correct them first (8.8)");
        }
    }

    public static string Name(string? name, string field)
    {
        var trimmed = (name ?? "").Trim();
        return trimmed.Length is 0 or > 100
            ? throw Common.ContractError.BadParameter(field, "must be a name of 1–100 characters")
            : trimmed;
    }
}
