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

    public static string Name(string? name, string field)
    {
        var trimmed = (name ?? "").Trim();
        return trimmed.Length is 0 or > 100
            ? throw Common.ContractError.BadParameter(field, "must be a name of 1–100 characters")
            : trimmed;
    }
}
