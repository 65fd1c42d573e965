using Npgsql;

namespace Energy.Http.Hosting.Embedded;

/// <summary>Creates databases on a server, given a connection string of a user allowed to CREATE DATABASE.</summary>
public static class PostgresDatabases
{
    /// <summary>Creates database <paramref name="name"/> and returns a connection string for it.</summary>
    public static async Task<string> CreateAsync(string serverConnectionString, string name, CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(serverConnectionString, ct);
        await using var create = new NpgsqlCommand($"CREATE DATABASE {QuoteIdentifier(name)}", connection);
        await create.ExecuteNonQueryAsync(ct);
        return WithDatabase(serverConnectionString, name);
    }

    /// <summary>Creates database <paramref name="name"/> unless it exists; returns a connection string for it.</summary>
    public static async Task<string> EnsureAsync(string serverConnectionString, string name, CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(serverConnectionString, ct);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection)
        {
            Parameters = { new() { Value = name } },
        };
        if (await exists.ExecuteScalarAsync(ct) is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE {QuoteIdentifier(name)}", connection);
            await create.ExecuteNonQueryAsync(ct);
        }

        return WithDatabase(serverConnectionString, name);
    }

    /// <summary>The same server and credentials, another database.</summary>
    public static string WithDatabase(string connectionString, string database) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Database = database }.ConnectionString;

    private static async Task<NpgsqlConnection> OpenAsync(string serverConnectionString, CancellationToken ct)
    {
        // No pooling: admin connections are rare, and a pooled one would outlive a stopped cluster.
        var builder = new NpgsqlConnectionStringBuilder(serverConnectionString) { Pooling = false };
        if (string.IsNullOrEmpty(builder.Database))
        {
            builder.Database = "postgres";
        }

        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(ct);
        return connection;
    }

    private static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
