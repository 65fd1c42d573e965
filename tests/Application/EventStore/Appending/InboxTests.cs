using Dapper;
using Energy.Application.Tests.EventStore.Support;
using Energy.Testing;

namespace Energy.Application.Tests.EventStore.Appending;

public sealed class InboxTests
{
    [Fact]
    public async Task The_same_external_id_twice_stores_one_set_of_events_and_says_duplicate()
    {
        await using var host = await StoreHost.StartAsync(await PostgresCluster.CreateDatabaseAsync("inbox"), tune: o => o.Enabled = false);
        var request = AppendRequest.To("device-1", ExpectedVersion.Any, [new CounterIncremented(1), new CounterIncremented(2)]) with
        {
            Inbox = new InboxEntry("vendor", "data-42", "hash-a"),
        };

        var first = await host.Store.AppendAsync(request);
        var again = await host.Store.AppendAsync(request);
        var changed = await host.Store.AppendAsync(request with { Inbox = new InboxEntry("vendor", "data-42", "hash-b") });
        var otherSource = await host.Store.AppendAsync(request with { Inbox = new InboxEntry("other", "data-42", "hash-a") });

        first.Duplicate.ShouldBeFalse();
        again.Duplicate.ShouldBeTrue();
        again.PayloadDiffers.ShouldBeFalse();
        changed.Duplicate.ShouldBeTrue();
        changed.PayloadDiffers.ShouldBeTrue();
        otherSource.Duplicate.ShouldBeFalse();
        (await host.Store.ReadStreamAsync("device-1")).Count.ShouldBe(4);
    }

    [Fact]
    public async Task Concurrent_deliveries_of_one_external_id_store_one_set_of_events()
    {
        await using var host = await StoreHost.StartAsync(await PostgresCluster.CreateDatabaseAsync("inbox"), tune: o => o.Enabled = false);
        for (var round = 0; round < 10; round++)
        {
            var request = AppendRequest.To($"device-{round % 3}", ExpectedVersion.Any, [new CounterIncremented(round)]) with
            {
                Inbox = new InboxEntry("vendor", "data-" + round, "h"),
            };
            using var start = new Barrier(6);
            var deliveries = Enumerable.Range(0, 6).Select(_ => Task.Run(() =>
            {
                start.SignalAndWait();
                return host.Store.AppendAsync(request);
            })).ToArray();
            (await Task.WhenAll(deliveries)).Count(r => !r.Duplicate).ShouldBe(1);
        }

        await using var conn = await host.DataSource.OpenConnectionAsync();
        (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM mt_events")).ShouldBe(10);
        (await conn.ExecuteScalarAsync<long>("SELECT last_value FROM mt_events_sequence")).ShouldBe(10, "duplicates took no sequence numbers");
    }
}
