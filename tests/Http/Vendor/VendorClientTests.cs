using System.Security.Cryptography;
using System.Text;
using Energy.Application.Vendor;
using Energy.Domain.Vendor;
using Energy.Http.Tests.Vendor.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Energy.Http.Tests.Vendor;

/// <summary>The outbound client against a fake vendor on 127.0.0.1 (seed 003 1.1, 2.1, 3.1, 3.2).</summary>
public sealed class VendorClientTests : IAsyncLifetime
{
    private readonly ManualClock clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private FakeVendor vendor = null!;
    private ServiceProvider services = null!;

    private VendorClient Client => services.GetRequiredService<VendorClient>();

    public async Task InitializeAsync()
    {
        vendor = await FakeVendor.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Energy:Vendor:BaseUrl"] = vendor.BaseUrl.AbsoluteUri,
            ["Energy:Vendor:Username"] = VendorHost.Username,
            ["Energy:Vendor:Password"] = VendorHost.Password,
            ["Energy:Vendor:SecretKey"] = VendorHost.SecretKey,
            ["Energy:Vendor:AttemptTimeout"] = "00:00:01",
            ["Energy:Vendor:Timeout"] = "00:00:10",
            ["Energy:Vendor:RetryDelay"] = "00:00:00.010",
        }).Build();
        services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(clock).AddVendor(configuration).BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await vendor.DisposeAsync();
    }

    private List<string> TokensUsed() =>
        vendor.Calls.Where(c => c.StartsWith("/task ", StringComparison.Ordinal)).Select(c => c["/task ".Length..]).ToList();

    [Fact]
    public async Task A_token_is_fetched_once_and_reused_until_shortly_before_it_expires_then_renewed_with_the_refresh_token()
    {
        vendor.ExpiresIn = 3600;

        await Client.DispatchTaskAsync("t1", "111800000490", VendorTaskMode.Recall, default);
        await Client.DispatchTaskAsync("t2", "111800000490", VendorTaskMode.Recall, default);
        clock.Advance(TimeSpan.FromSeconds(3530));
        await Client.DispatchTaskAsync("t3", "111800000490", VendorTaskMode.Recall, default);

        vendor.TokenRequests("password").ShouldBe(1);
        vendor.TokenRequests("refresh_token").ShouldBe(0);

        clock.Advance(TimeSpan.FromSeconds(20));
        await Client.DispatchTaskAsync("t4", "111800000490", VendorTaskMode.Recall, default);

        vendor.TokenRequests("password").ShouldBe(1);
        vendor.TokenRequests("refresh_token").ShouldBe(1);
        var used = TokensUsed();
        used.Take(3).Distinct().ShouldHaveSingleItem();
        used[3].ShouldNotBe(used[0]);
    }

    [Fact]
    public async Task Concurrent_calls_share_one_token_request()
    {
        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Client.DispatchTaskAsync($"t{i}", "111800000490", VendorTaskMode.Recall, default)));

        vendor.TokenRequests("password").ShouldBe(1);
    }

    [Fact]
    public async Task A_token_the_vendor_no_longer_accepts_is_renewed_and_the_call_made_once_more()
    {
        await Client.DispatchTaskAsync("t1", "111800000490", VendorTaskMode.Recall, default);
        vendor.RevokeAccessTokens();

        await Client.DispatchTaskAsync("t2", "111800000490", VendorTaskMode.Recall, default);

        var used = TokensUsed();
        used.Count.ShouldBe(3, "the refused call and its one repetition");
        used[1].ShouldBe(used[0]);
        used[2].ShouldNotBe(used[0]);
        vendor.TokenRequests("refresh_token").ShouldBe(1);
    }

    [Fact]
    public async Task A_vendor_that_does_not_answer_in_time_is_unavailable_after_the_retries()
    {
        vendor.Delay = TimeSpan.FromSeconds(5);

        var error = await Should.ThrowAsync<VendorUnavailableException>(() => Client.DispatchTaskAsync("t1", "111800000490", VendorTaskMode.Recall, default));

        error.Message.ShouldContain("did not answer in time");
        vendor.Calls.Count(c => c.StartsWith("/task", StringComparison.Ordinal)).ShouldBe(3, "one attempt and two retries");
    }

    [Fact]
    public async Task A_vendor_error_code_is_a_refusal_with_its_code_and_message_and_is_not_retried()
    {
        vendor.TaskReply = ("20001", "Unfinished task");

        var error = await Should.ThrowAsync<VendorRefusedException>(() => Client.DispatchTaskAsync("t1", "111800000490", VendorTaskMode.OpenRelay, default));

        error.Code.ShouldBe("20001");
        error.VendorMessage.ShouldBe("Unfinished task");
        vendor.Calls.Count(c => c.StartsWith("/task", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5350", Justification = "The vendor's sign is SHA-1 (附4).")]
    public async Task A_dispatch_carries_the_seed_fields_and_the_sign_of_its_task_id_and_meter()
    {
        await Client.DispatchTaskAsync("t-fields", "111800000490", VendorTaskMode.OpenRelay, default);

        var body = vendor.Bodies.Single(b => b.Path == "/task").Body;
        body.GetProperty("mode").GetString().ShouldBe("2");
        body.GetProperty("meter").GetString().ShouldBe("111800000490");
        body.GetProperty("task_id").GetString().ShouldBe("t-fields");
        body.GetProperty("access_token").GetString().ShouldBe(TokensUsed().Single());
        var expected = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes("t-fields111800000490" + VendorHost.Username + VendorHost.Password + VendorHost.SecretKey)));
        body.GetProperty("sign").GetString().ShouldBe(expected);
    }

    [Fact]
    public async Task An_archive_request_sends_mode_concentrator_and_the_meters_and_returns_the_message()
    {
        var reply = await Client.ArchiveAsync(ArchiveMode.Add, "06112163", ["322234445555", "211123335444"], default);

        reply.ShouldBe(new ArchiveReply("06112163", "6891170611216368"));
        var body = vendor.Bodies.Single(b => b.Path == "/archive").Body;
        body.GetProperty("mode").GetString().ShouldBe("0");
        body.GetProperty("meters").GetString().ShouldBe("322234445555,211123335444");
        (await Client.ParseArchiveResultAsync("6891170611216368", default)).ShouldBe("Success");
    }
}
