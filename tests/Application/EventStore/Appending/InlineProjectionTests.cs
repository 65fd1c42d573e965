using Dapper;
using Energy.Application.Tests.EventStore.Support;
using Energy.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Energy.Application.Tests.EventStore.Appending;

public sealed class InlineProjectionTests
{
    private static Task<StoreHost> StoreAsync(string db) => StoreHost.StartAsync(db, s =>
    {
        var notes = new NoteListProjection();
        s.AddSingleton<IInlineProjection>(notes).AddSingleton<ISchemaContributor>(notes);
    }, o => o.Enabled = false);

    [Fact]
    public async Task An_inline_read_model_shows_the_write_when_the_append_returns_and_never_a_rolled_back_one()
    {
        await using var host = await StoreAsync(await PostgresCluster.CreateDatabaseAsync("inline"));
        await host.Store.AppendAsync(AppendRequest.To("n", ExpectedVersion.Any, [new NoteWritten("kept", 1), new CounterIncremented(1)]));
        await using (var conn = await host.DataSource.OpenConnectionAsync())
        await using (var tx = await conn.BeginTransactionAsync())
        {
            await host.Store.AppendAsync(conn, tx, AppendRequest.To("n", ExpectedVersion.Any, [new NoteWritten("dropped", 2)]));
            await tx.RollbackAsync();
        }

        await using var read = await host.DataSource.OpenConnectionAsync();
        (await read.QueryAsync<string>("SELECT text FROM test_notes")).ShouldBe(["kept"]);
    }

    [Fact]
    public async Task Rebuilding_an_inline_read_model_replays_the_log_into_emptied_tables()
    {
        await using var host = await StoreAsync(await PostgresCluster.CreateDatabaseAsync("inline"));
        await host.Store.AppendAsync(AppendRequest.To("a", ExpectedVersion.Any, [new NoteWritten("one", 1), new NoteWritten("two", 2)]));
        await host.Store.AppendAsync(AppendRequest.To("b", ExpectedVersion.Any, [new NoteWritten("three", 3)]));
        await using var conn = await host.DataSource.OpenConnectionAsync();
        await conn.ExecuteAsync("DELETE FROM test_notes WHERE text = 'two'; INSERT INTO test_notes VALUES (999, 'stray')");

        var replayed = await host.Services.GetRequiredService<InlineProjectionRebuild>().RebuildAsync("test_notes");

        replayed.ShouldBe(3);
        (await conn.QueryAsync<string>("SELECT text FROM test_notes ORDER BY seq_id")).ShouldBe(["one", "two", "three"]);
    }
}
