using Npgsql;

namespace Energy.EventStore;

/// <summary>
/// Leadership of one named loop across every host on the database: a session-level advisory lock held on a
/// dedicated connection. If the host dies, its connection closes and the lock passes to a follower.
/// </summary>
internal sealed class LeaderLock : IAsyncDisposable
{
    private const int Namespace = 0x456E; // keeps our keys apart from any other advisory-lock user
    private readonly NpgsqlConnection connection;
    private readonly string name;

    private LeaderLock(NpgsqlConnection connection, string name)
    {
        this.connection = connection;
        this.name = name;
    }

    /// <summary>The lock, or null when another session holds it.</summary>
    public static async Task<LeaderLock?> TryAcquireAsync(NpgsqlDataSource dataSource, string name, CancellationToken ct)
    {
        var connection = await dataSource.OpenConnectionAsync(ct);
        try
        {
            await using var cmd = new NpgsqlCommand("SELECT pg_try_advisory_lock($1, hashtext($2))", connection);
            cmd.Parameters.Add(new() { Value = Namespace });
            cmd.Parameters.Add(new() { Value = name });
            if ((bool)(await cmd.ExecuteScalarAsync(ct))!)
            {
                return new LeaderLock(connection, name);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync();
        return null;
    }

    /// <summary>False when the lock's connection is gone (and with it the lock).</summary>
    public async Task<bool> IsHeldAsync(CancellationToken ct)
    {
        try
        {
            await using var cmd = new NpgsqlCommand("SELECT 1", connection);
            await cmd.ExecuteScalarAsync(ct);
            return true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            // Pooled connections keep session locks, so release explicitly before handing it back.
            await using var cmd = new NpgsqlCommand("SELECT pg_advisory_unlock($1, hashtext($2))", connection);
            cmd.Parameters.Add(new() { Value = Namespace });
            cmd.Parameters.Add(new() { Value = name });
            await cmd.ExecuteScalarAsync();
        }
        catch (NpgsqlException)
        {
            // The connection is broken: the server has already released the lock with the session.
        }
        catch (InvalidOperationException)
        {
        }

        await connection.DisposeAsync();
    }
}
