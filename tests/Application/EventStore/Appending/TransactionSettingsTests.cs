using Energy.Testing;
using Npgsql;

namespace Energy.Application.Tests.EventStore.Appending;

/// <summary>A transaction's settings cover the batch they open and nothing after it on the same pooled connection.</summary>
public sealed class TransactionSettingsTests
{
    [Fact]
    public async Task Settings_apply_to_the_rest_of_the_batch_and_are_gone_for_the_next_command()
    {
        await using var dataSource = NpgsqlDataSource.Create(await PostgresCluster.CreateDatabaseAsync("settings"));
        await using var connection = await dataSource.OpenConnectionAsync();

        await using (var batch = new NpgsqlBatch(connection))
        {
            batch.BatchCommands.Add(TransactionSettings.Command(("jit", "off"), ("enable_sort", "off")));
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT current_setting('jit') || ',' || current_setting('enable_sort')"));
            await using var reader = await batch.ExecuteReaderAsync();
            await reader.NextResultAsync();
            (await reader.ReadAsync()).ShouldBeTrue();
            reader.GetString(0).ShouldBe("off,off");
        }

        await using var after = new NpgsqlCommand("SELECT current_setting('jit') || ',' || current_setting('enable_sort')", connection);
        (await after.ExecuteScalarAsync()).ShouldBe("on,on");
    }
}
