using System.Text.Json;
using Energy.Http.Tests.Support;
using Energy.Http.Tests.Vendor.Support;
using Npgsql;

namespace Energy.Http.Tests.Vendor;

/// <summary>(ext) CONTRACT §4 <c>GET /api_3/unbound_devices</c>: readings of unknown devices are kept and listed.</summary>
public sealed class UnboundDevicesTests
{
    private static async Task<JsonElement> WaitForAsync(HttpClient client, Func<JsonElement, bool> done)
    {
        // The device list is an asynchronous projection: poll, bounded.
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var envelope = await (await client.GetAsync(new Uri("/api_3/unbound_devices?Per_Page_Counts=100", UriKind.Relative))).EnvelopeAsync();
            if (done(envelope) || DateTime.UtcNow > deadline)
            {
                return envelope;
            }

            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task A_device_nobody_bound_is_listed_with_its_first_and_last_reading_time_and_count()
    {
        await using var host = new VendorHost();
        var client = await host.AdminClientAsync();
        await host.CreateClient().PostJsonAsync("/api/bbi/push", Pushes.Push("111800000800", "d-u1", Pushes.Reading("2021-09-28 09:04:00"), Pushes.Reading("2021-09-28 09:19:00")));
        await host.CreateClient().PostJsonAsync("/api/bbi/push", Pushes.Push("111800000800", "d-u2", Pushes.Reading("2021-09-27 23:49:00")));

        var envelope = await WaitForAsync(client, e => e.GetProperty("Data").GetArrayLength() == 1 && e.GetProperty("Data")[0].GetProperty("Reading_Counts").GetInt64() == 3);

        envelope.GetProperty("Total_Numbers").GetInt64().ShouldBe(1);
        var row = envelope.GetProperty("Data")[0];
        row.GetProperty("Meter_Code").GetString().ShouldBe("111800000800");
        row.GetProperty("First_Reading_Time").GetString().ShouldBe("2021-09-27 23:49:00");
        row.GetProperty("Last_Reading_Time").GetString().ShouldBe("2021-09-28 09:19:00");
        row.GetProperty("Reading_Counts").GetInt64().ShouldBe(3);
    }

    [Fact]
    public async Task Once_a_meters_read_model_exists_a_device_a_live_meter_names_is_no_longer_listed()
    {
        await using var host = new VendorHost();
        var client = await host.AdminClientAsync();
        await host.CreateClient().PostJsonAsync("/api/bbi/push", Pushes.Push("111800000801", "d-b1", Pushes.Reading()));
        await host.CreateClient().PostJsonAsync("/api/bbi/push", Pushes.Push("111800000802", "d-b2", Pushes.Reading()));
        await host.CreateClient().PostJsonAsync("/api/bbi/push", Pushes.Push("111800000803", "d-b3", Pushes.Reading()));
        await WaitForAsync(client, e => e.GetProperty("Total_Numbers").GetInt64() == 3);
        await using (var conn = new NpgsqlConnection(host.Database))
        {
            // Stands in for the meter catalog's read model (being written on another branch); 803's meter is deleted.
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("""
                CREATE TABLE IF NOT EXISTS meters (id bigint PRIMARY KEY, code text, deleted_at timestamptz);
                INSERT INTO meters VALUES (1, '111800000801', NULL), (2, '111800000803', now());
                """, conn);
            await cmd.ExecuteNonQueryAsync();
        }

        var envelope = await WaitForAsync(client, _ => true);

        envelope.GetProperty("Data").EnumerateArray().Select(r => r.GetProperty("Meter_Code").GetString()).ShouldBe(["111800000802", "111800000803"]);
        envelope.GetProperty("Total_Numbers").GetInt64().ShouldBe(2);
    }
}
