using System.Diagnostics;
using Energy.Domain.Platform;
using Energy.Application.EventStore;
using Energy.Http.Tests.Contract;
using Energy.Http.Tests.Meters;
using Energy.Http.Tests.Platform.Support;
using Energy.Http.Tests.Support;
using Energy.Http.Tests.Vendor.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Energy.Http.Tests.Platform;

/// <summary>
/// Uploads of natural days and months (CONTRACT §7): readings pushed through the signed webhook for a meter bound
/// to the device, the clock moved past midnight, and the fake platform checking what arrives.
/// </summary>
public sealed class PlatformUploadTests
{
    /// <summary>2026-10-30 00:00 in Asia/Shanghai.</summary>
    private static readonly DateTimeOffset Start = new(2026, 10, 29, 16, 0, 0, TimeSpan.Zero);

    private static string NewDevice() => "1118" + Random.Shared.NextInt64(10_000_000, 99_999_999);

    /// <summary>A registered, configured platform link over one meter bound to a device with readings from 10-30 to 11-01.</summary>
    private static async Task ConfigureWithReadingsAsync(PlatformHost host, bool withVirtualMeter = false)
    {
        var admin = await host.AdminClientAsync();
        var device = NewDevice();
        var machine = await admin.CreateMachineAsync("全厂");
        var meter = await admin.CreateMeterAsync("总电表", machine, $",\"Meter_Code\":\"{device}\"");
        (await admin.PostJson("/api_3/PRP_version", """{"enterpriseCode":"91410481MA0000000X","region":"410481"}""")).ErrNo.ShouldBe("0");
        var body = Organisation.Body(meter);
        if (withVirtualMeter)
        {
            var doubled = await admin.CreateMeterAsync("双倍表", machine, $$""","Meter_IsVirtual":"1","Meter_Formula":"{{{meter}}}*2" """);
            var item = body["collectItemConfig"]![0]!.DeepClone().AsObject();
            item["Meter_id"] = doubled;
            item["dataUsageCode"] = "12";
            body["collectItemConfig"]!.AsArray().Add(item);
        }

        (await Answer.Of(await admin.PutAsync(body))).ErrNo.ShouldBe("0");

        var push = Pushes.Push(device, "d-" + device,
            Pushes.Reading("2026-10-30 00:00:00", 100m), Pushes.Reading("2026-10-30 12:00:00", 130m),
            Pushes.Reading("2026-10-31 00:00:00", 180m), Pushes.Reading("2026-10-31 12:00:00", 200m),
            Pushes.Reading("2026-11-01 00:00:00", 250m), Pushes.Reading("2026-11-01 12:00:00", 260m));
        (await host.CreateClient().PostJsonAsync("/api/bbi/push", push)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException($"Timed out waiting until {what}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>
    /// The attempts once at least <paramref name="count"/> are recorded: the fake platform sees a request before
    /// the uploader has recorded the answer, so reading the log right after the request arrived races it.
    /// </summary>
    private static async Task<IReadOnlyList<PlatformUploadAttempted>> RecordedAttemptsAsync(PlatformHost host, int count)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var attempts = await AttemptsAsync(host);
            if (attempts.Count >= count || watch.Elapsed > TimeSpan.FromSeconds(30))
            {
                return attempts;
            }

            await Task.Delay(50);
        }
    }

    private static async Task<IReadOnlyList<PlatformUploadAttempted>> AttemptsAsync(PlatformHost host) =>
        (await host.Services.GetRequiredService<IEventStore>().ReadStreamAsync(UploadLedger.StreamId)).Select(e => (PlatformUploadAttempted)e.Data).ToList();

    [Fact]
    public async Task Closed_natural_days_and_then_the_closed_month_are_uploaded_in_order_under_the_configured_data_code()
    {
        await using var platform = await FakePlatform.StartAsync();
        var clock = new ManualClock(Start);
        using var host = new PlatformHost(platform.BaseUrl, clock);
        await ConfigureWithReadingsAsync(host);
        await Task.Delay(500);
        platform.Received.ShouldBeEmpty("no day has closed yet");

        clock.Advance(TimeSpan.FromHours(48.5)); // 2026-11-01 00:30: 10-30, 10-31 and October have closed

        await WaitUntilAsync(() => platform.Received.Count >= 3, "two days and a month arrived");
        platform.Refusals.ShouldBeEmpty();
        platform.Received.ShouldBe(
        [
            new ReceivedValue(Organisation.DataCode(), "1", "2026-10-30", "80"),
            new ReceivedValue(Organisation.DataCode(), "1", "2026-10-31", "70"),
            new ReceivedValue(Organisation.DataCode(), "2", "2026-10", "150"),
        ]);
        (await RecordedAttemptsAsync(host, 3)).ShouldAllBe(a => a.Succeeded);
    }

    [Fact]
    public async Task With_sm4_each_value_arrives_encrypted_under_the_key_the_registration_issued()
    {
        await using var platform = await FakePlatform.StartAsync();
        platform.ExpectSm4 = true;
        var clock = new ManualClock(Start);
        using var host = new PlatformHost(platform.BaseUrl, clock, encryption: "sm4");
        await ConfigureWithReadingsAsync(host);

        clock.Advance(TimeSpan.FromHours(24.5));

        await WaitUntilAsync(() => !platform.Received.IsEmpty, "the first day arrived");
        platform.Refusals.ShouldBeEmpty();
        platform.Received.ShouldHaveSingleItem().ShouldBe(new ReceivedValue(Organisation.DataCode(), "1", "2026-10-30", "80"));
        var sent = (await RecordedAttemptsAsync(host, 1)).ShouldHaveSingleItem().OriginalData;
        sent.ShouldNotContain("\"80\"");
        sent.ShouldContain(Sm4.EncryptToHex(FakePlatform.SecretKey, "80"));
    }

    [Fact]
    public async Task When_the_platform_is_down_for_two_days_both_days_are_uploaded_once_each_in_order_when_it_is_back()
    {
        await using var platform = await FakePlatform.StartAsync();
        platform.Down = true;
        var clock = new ManualClock(Start);
        using var host = new PlatformHost(platform.BaseUrl, clock);
        await ConfigureWithReadingsAsync(host);

        clock.Advance(TimeSpan.FromHours(24.5));
        await WaitUntilAsync(() => platform.DataCalls >= 2, "the first day was tried");
        clock.Advance(TimeSpan.FromHours(23)); // 2026-10-31 23:30: still only 10-30 has closed
        await WaitUntilAsync(() => platform.DataCalls >= 4, "it was tried again");
        var failed = await RecordedAttemptsAsync(host, 1);
        failed.ShouldNotBeEmpty();
        failed.ShouldAllBe(a => !a.Succeeded && a.Values.All(v => v.StatDate == "2026-10-30"));
        clock.Advance(TimeSpan.FromHours(0.75)); // 2026-11-01 00:15
        await Task.Delay(300);

        platform.Down = false;

        await WaitUntilAsync(() => platform.Received.Count >= 3, "both days and October arrived");
        await Task.Delay(500);
        platform.Received.Select(r => (r.StatType, r.StatDate, r.Value)).ShouldBe(
            [("1", "2026-10-30", "80"), ("1", "2026-10-31", "70"), ("2", "2026-10", "150")]);
        var records = await (await host.AdminClientAsync()).GetAnswer(
            "/api_3/PRP_uploaded_energy_measure_datas?Time_Start=2026-10-01%2000:00:00&Time_End=2026-12-01%2000:00:00");
        var rows = records.Json.GetProperty("Data").EnumerateArray().ToList();
        rows.Count.ShouldBe((await AttemptsAsync(host)).Count, "5.7 lists every attempt, failed ones included");
        rows[^1].GetProperty("Original_Data").GetProperty("deviceId").GetString().ShouldBe(FakePlatform.DeviceId);
        rows[^1].GetProperty("Target_Url").GetString()!.ShouldEndWith("/data");
    }

    [Fact]
    public async Task A_virtual_meter_item_uploads_its_formula_over_the_real_meter()
    {
        await using var platform = await FakePlatform.StartAsync();
        var clock = new ManualClock(Start);
        using var host = new PlatformHost(platform.BaseUrl, clock);
        await ConfigureWithReadingsAsync(host, withVirtualMeter: true);

        clock.Advance(TimeSpan.FromHours(24.5));

        await WaitUntilAsync(() => platform.Received.Count >= 2, "both items of the first day arrived");
        platform.Refusals.ShouldBeEmpty();
        platform.Received.ShouldBe(
        [
            new ReceivedValue(Organisation.DataCode(), "1", "2026-10-30", "80"),
            new ReceivedValue(Organisation.DataCode(usage: "12"), "1", "2026-10-30", "160"),
        ]);
    }
}
