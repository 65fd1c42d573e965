using System.Text;
using Energy.Http.Tests.Contract;
using Energy.Http.Tests.Vendor.Support;
using Npgsql;

namespace Energy.Http.Tests.Hostile;

/// <summary>The real service with the vendor's secrets and a fake vendor that records every call it gets.</summary>
public sealed class HostileFixture : IAsyncLifetime
{
    public FakeVendor Vendor { get; private set; } = null!;

    public VendorHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Vendor = await FakeVendor.StartAsync();
        // The service's own default plausibility window, not the test hosts' wider one.
        Host = VendorHost.Create(vendorBaseUrl: Vendor.BaseUrl, settings: new Dictionary<string, string> { ["Energy:Vendor:MaxReadingLead"] = "1.00:00:00" });
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Vendor.DisposeAsync();
    }
}

/// <summary>What hostile-input tests assert besides the envelope: that nothing was appended.</summary>
public static class Hostility
{
    /// <summary>Every event in the log: a refused request must leave this unchanged (CONTRACT §1 Errors).</summary>
    public static async Task<long> EventCountAsync(string connectionString)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT count(*) FROM mt_events", conn);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>A body sent as these exact bytes (broken UTF-8 cannot travel in a .NET string).</summary>
    public static async Task<Answer> PostBytes(this HttpClient client, string url, byte[] body, string contentType = "application/json")
    {
        using var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return await Answer.Of(await client.PostAsync(new Uri(url, UriKind.Relative), content));
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>Shows a refusal the way a client reads it: status, 4103 and the field in the message.</summary>
    public static void ShouldBeBadParameter(this Answer answer, string field)
    {
        answer.Status.ShouldBe(HttpStatusCode.BadRequest, answer.Body);
        answer.ErrNo.ShouldBe("4103", answer.Body);
        answer.ErrMsg.ShouldContain(field, Case.Sensitive, answer.Body);
    }
}
