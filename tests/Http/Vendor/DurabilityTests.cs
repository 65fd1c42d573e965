using Energy.Application.Vendor;
using Energy.Application.EventStore;
using Energy.Http.Tests.Vendor.Support;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Energy.Http.Tests.Vendor;

/// <summary>200 means committed (CONTRACT §5); a database that cannot store now is 503 so the vendor retries.</summary>
public sealed class DurabilityTests
{
    [Fact]
    public async Task Readings_acknowledged_with_200_are_all_there_after_the_host_is_disposed_and_a_new_one_starts_on_the_same_database()
    {
        const string Device = "111800000490";
        string database;
        var acknowledged = new List<string>();
        await using (var first = VendorHost.Create())
        {
            database = first.Database;
            var client = first.CreateClient();
            var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
                client.PostJsonAsync("/api/bbi/push", Pushes.Push(Device, $"d-durable-{i}", Pushes.Reading($"2021-09-28 09:{i:00}:00", 8.96m + i)))));
            acknowledged.AddRange(responses.Select((r, i) => (r, i)).Where(x => x.r.StatusCode == HttpStatusCode.OK).Select(x => $"d-durable-{x.i}"));
        }

        await using var second = VendorHost.Create(database);
        var stored = (await second.Services.ReadingsAsync()).Select(r => r.DataId).ToList();

        acknowledged.Count.ShouldBe(20);
        stored.ShouldBe(acknowledged, ignoreOrder: true);
    }

    [Fact]
    public async Task A_database_that_cannot_store_now_is_503_so_the_vendor_retries_later()
    {
        await using var host = new VendorHost();
        using var broken = host.WithWebHostBuilder(b => b.ConfigureTestServices(services => services.AddSingleton(provider => new VendorInbox(
            NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Username=x;Password=x;Timeout=2"),
            provider.GetRequiredService<IEventStore>(),
            provider.GetRequiredService<AppendSignal>(),
            provider.GetRequiredService<ILogger<VendorInbox>>()))));

        var response = await broken.CreateClient().PostJsonAsync("/api/bbi/push", Pushes.Push("111800000491", "d-down", Pushes.Reading()));

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await response.EnvelopeAsync()).GetProperty("Err_Msg").GetString()!.ShouldContain("send it again later");
        (await host.Services.ReadingsAsync()).ShouldBeEmpty();
    }
}
