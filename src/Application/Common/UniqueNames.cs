using Npgsql;

namespace Energy.Application.Common;

/// <summary>
/// Unique names per kind (CONTRACT §1 Names → 4003), race-free: a reservation row written in the same
/// transaction as the events that create or rename the owner, so two concurrent creates cannot both win.
/// </summary>
public static class UniqueNames
{
    /// <summary>Reserves <paramref name="name"/> for <paramref name="owner"/>; throws 4003 when another owner holds it.</summary>
    public static async Task ReserveAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string kind, string what, string name, long owner, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO unique_names (kind, name, owner) VALUES ($1, $2, $3)
            ON CONFLICT (kind, name) DO UPDATE SET owner = excluded.owner WHERE unique_names.owner = excluded.owner
            """, conn, tx);
        cmd.Parameters.Add(new() { Value = kind });
        cmd.Parameters.Add(new() { Value = name });
        cmd.Parameters.Add(new() { Value = owner });
        if (await cmd.ExecuteNonQueryAsync(ct) == 0)
        {
            throw ContractError.AlreadyExists(what, name);
        }
    }

    /// <summary>Frees every name the owner holds in this kind (after a rename or a delete).</summary>
    public static async Task ReleaseAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string kind, long owner, string? keep, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(
            "DELETE FROM unique_names WHERE kind = $1 AND owner = $2 AND ($3::text IS NULL OR name <> $3)", conn, tx);
        cmd.Parameters.Add(new() { Value = kind });
        cmd.Parameters.Add(new() { Value = owner });
        cmd.Parameters.Add(new() { Value = (object?)keep ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
