using Energy.Testing;
using Npgsql;

namespace Energy.Http.Tests.Hosting.Embedded;

public sealed class PostgresClusterTests
{
    [Fact]
    public async Task Each_call_gives_a_new_empty_database()
    {
        var first = await PostgresCluster.CreateDatabaseAsync("cluster tests");
        var second = await PostgresCluster.CreateDatabaseAsync("cluster tests");

        Database(first).ShouldNotBe(Database(second));
        Database(first).ShouldStartWith("cluster_tests_");
        (await CountTablesAsync(first)).ShouldBe(0);
        await using (var connection = new NpgsqlConnection(first))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand("create table only_in_first (id int)", connection);
            await create.ExecuteNonQueryAsync();
        }

        (await CountTablesAsync(first)).ShouldBe(1);
        (await CountTablesAsync(second)).ShouldBe(0);
    }

    private static string? Database(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString).Database;

    private static async Task<long> CountTablesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand(
            "select count(*) from information_schema.tables where table_schema = 'public'", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
