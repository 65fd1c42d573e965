using Dapper;
using Energy.Application.Tests.EventStore.Support;
using Energy.Testing;

namespace Energy.Application.Tests.EventStore.Appending;

public sealed class TimeTravelTests
{
    private static int Sum(int total, object e) => e is CounterIncremented c ? total + c.Amount : total;

    [Fact]
    public async Task A_stream_folds_to_the_state_at_a_version_and_at_an_instant()
    {
        await using var host = await StoreHost.StartAsync(await PostgresCluster.CreateDatabaseAsync("asof"), tune: o => o.Enabled = false);
        foreach (var amount in new[] { 1, 10, 100 })
        {
            await host.Store.AppendAsync(AppendRequest.To("c", ExpectedVersion.Any, [new CounterIncremented(amount)]));
        }

        await using var conn = await host.DataSource.OpenConnectionAsync();
        var secondAt = await conn.ExecuteScalarAsync<DateTime>("SELECT timestamp FROM mt_events WHERE stream_id = 'c' AND version = 2");

        (await host.Store.AggregateStreamAsync("c", 0, Sum)).ShouldBe(new Folded<int>(111, 3));
        (await host.Store.AggregateStreamAsync("c", 0, Sum, StreamPosition.AtVersion(2))).ShouldBe(new Folded<int>(11, 2));
        (await host.Store.AggregateStreamAsync("c", 0, Sum, StreamPosition.AtTime(new DateTimeOffset(secondAt, TimeSpan.Zero)))).ShouldBe(new Folded<int>(11, 2));
        (await host.Store.AggregateStreamAsync("c", 0, Sum, StreamPosition.AtTime(DateTimeOffset.UnixEpoch))).ShouldBe(new Folded<int>(0, 0));
        (await host.Store.AggregateStreamAsync("missing", 0, Sum)).ShouldBe(new Folded<int>(0, 0));
    }
}
