using System.Text.Json.Nodes;
using Energy.Domain.Readings;
using Energy.Http.Tests.Vendor.Support;

namespace Energy.Http.Tests.Vendor;

/// <summary>seed 003 2.3 <c>/api/bbi/push</c> (CONTRACT §5).</summary>
public sealed class PushTests(VendorHost host) : IClassFixture<VendorHost>
{
    private const string Url = "/api/bbi/push";

    private static string NewDevice() => "1118" + Random.Shared.NextInt64(10_000_000, 99_999_999);

    private async Task<IReadOnlyList<MeterReadingReceived>> ReadingsOf(string device) =>
        (await host.Services.ReadingsAsync()).Where(r => r.Device == device).ToList();

    [Fact]
    public async Task The_appendix_1_example_signed_is_accepted_and_every_field_reads_back_from_the_event()
    {
        var device = NewDevice();
        var response = await host.CreateClient().PostJsonAsync(Url, Pushes.Push(device, "d-example", JsonNode.Parse(Pushes.Appendix1Example)!));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.EnvelopeAsync()).GetProperty("Err_No").GetString().ShouldBe("0");
        var reading = (await ReadingsOf(device)).ShouldHaveSingleItem();
        reading.DataId.ShouldBe("d-example");
        reading.ReadAt.ShouldBe(new DateTimeOffset(2021, 9, 28, 1, 4, 0, TimeSpan.Zero), "09:04 in Asia/Shanghai");
        var example = JsonNode.Parse(Pushes.Appendix1Example)!.AsObject();
        reading.Fields.Count.ShouldBe(example.Count);
        foreach (var (name, value) in example)
        {
            reading.Fields[name].ShouldBe(value!.GetValueKind() == System.Text.Json.JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString(), name);
        }

        reading.Parameters["UA"].ShouldBe(254.7m);
        reading.Parameters["IA"].ShouldBe(6.452m);
        reading.Parameters["IR"].ShouldBe(6.488m);
        reading.Parameters["P"].ShouldBe(1.6414m);
        reading.Parameters["Q"].ShouldBe(0.0803m);
        reading.Parameters["PF"].ShouldBe(1m);
        reading.Parameters["EP"].ShouldBe(8.96m);
        reading.Parameters["EP1"].ShouldBe(8.96m);
        reading.Parameters["TA"].ShouldBe(24.9m);
        reading.Parameters["TE"].ShouldBe(20.2m);
        reading.Parameters.ContainsKey("TN").ShouldBeFalse("the example has no lxwd");
    }

    [Fact]
    public async Task A_sign_in_upper_case_hex_is_accepted()
    {
        var device = NewDevice();
        var push = Pushes.Push(device, "d-upper", Pushes.Reading());
        push["sign"] = push["sign"]!.GetValue<string>().ToUpperInvariant();

        (await host.CreateClient().PostJsonAsync(Url, push)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_wrong_sign_is_401_and_stores_nothing()
    {
        var device = NewDevice();
        var push = Pushes.Push(device, "d-wrong", Pushes.Reading());
        push["sign"] = Pushes.Sign("another-data-id", device);

        var response = await host.CreateClient().PostJsonAsync(Url, push);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.EnvelopeAsync()).GetProperty("Err_Msg").GetString()!.ShouldContain("sign");
        (await ReadingsOf(device)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("malformed JSON", "not valid JSON")]
    [InlineData("missing meter", "meter is required")]
    [InlineData("non-numeric voltage", "data[1].axdy must be a number")]
    [InlineData("empty data array", "data must hold at least one reading")]
    [InlineData("missing time", "data[0].sjsj is required")]
    [InlineData("bad time", "data[0].sjsj must be a time")]
    [InlineData("meter with spaces", "meter must be a device number")]
    public async Task A_malformed_body_is_400_naming_the_reason_and_stores_nothing(string fault, string reason)
    {
        var device = NewDevice();
        var push = Pushes.Push(device, "d-" + fault, Pushes.Reading(), Pushes.Reading("2021-09-28 09:19:00"));
        var body = fault switch
        {
            "malformed JSON" => push.ToJsonString()[..^3],
            "missing meter" => Without(push, "meter"),
            "non-numeric voltage" => With(push, p => p["data"]![1]!["axdy"] = "220V"),
            "empty data array" => With(push, p => p["data"] = new JsonArray()),
            "missing time" => With(push, p => p["data"]![0]!.AsObject().Remove("sjsj")),
            "meter with spaces" => With(push, p => p["meter"] = device + " 2"),
            _ => With(push, p => p["data"]![0]!["sjsj"] = "yesterday"),
        };

        var response = await host.CreateClient().PostRawAsync(Url, body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var envelope = await response.EnvelopeAsync();
        envelope.GetProperty("Err_No").GetString().ShouldBe("4103");
        envelope.GetProperty("Err_Msg").GetString()!.ShouldContain(reason);
        (await ReadingsOf(device)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_10_MiB_body_is_refused_and_stores_nothing()
    {
        var device = NewDevice();
        var push = Pushes.Push(device, "d-huge", Pushes.Reading());
        push["padding"] = new string('x', 10 * 1024 * 1024);

        var response = await host.CreateClient().PostJsonAsync(Url, push);

        response.StatusCode.ShouldBeOneOf(HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.BadRequest);
        (await response.EnvelopeAsync()).GetProperty("Err_Msg").GetString()!.ShouldContain("larger than the limit");
        (await ReadingsOf(device)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_body_just_over_the_webhook_limit_is_413_even_without_a_declared_length()
    {
        var device = NewDevice();
        var push = Pushes.Push(device, "d-chunked", Pushes.Reading());
        push["padding"] = new string('x', 1024 * 1024);
        var content = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(push.ToJsonString())));
        content.Headers.ContentType = new("application/json");
        content.Headers.ContentLength = null;

        var response = await host.CreateClient().PostAsync(new Uri(Url, UriKind.Relative), content);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await ReadingsOf(device)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_same_push_sent_5_times_concurrently_stores_one_set_of_events()
    {
        var device = NewDevice();
        var body = Pushes.Push(device, "d-five", Pushes.Reading(), Pushes.Reading("2021-09-28 09:19:00", sjzt: "1001"));

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => host.CreateClient().PostJsonAsync(Url, body)));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        (await ReadingsOf(device)).Count.ShouldBe(2);
        (await host.Services.EventsAsync(nameof(DeviceEventReported))).Select(e => (DeviceEventReported)e.Data).Count(e => e.Device == device).ShouldBe(1);
    }

    [Fact]
    public async Task A_body_mixing_stored_and_new_data_ids_stores_only_the_new_ones()
    {
        var device = NewDevice();
        var client = host.CreateClient();
        (await client.PostJsonAsync(Url, Pushes.Push(device, "d-old", Pushes.Reading("2021-09-28 09:04:00")))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var backlog = new JsonArray(
            Pushes.Push(device, "d-old", Pushes.Reading("2021-09-28 09:04:00")),
            Pushes.Push(device, "d-new", Pushes.Reading("2021-09-28 09:19:00")));
        (await client.PostJsonAsync(Url, backlog)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await ReadingsOf(device)).Select(r => r.DataId).ShouldBe(["d-old", "d-new"]);
    }

    [Fact]
    public async Task A_data_id_delivered_again_with_other_data_is_acknowledged_and_the_first_delivery_stands()
    {
        var device = NewDevice();
        var client = host.CreateClient();

        (await client.PostJsonAsync(Url, Pushes.Push(device, "d-reused", Pushes.Reading(zxygzdl: 10m)))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PostJsonAsync(Url, Pushes.Push(device, "d-reused", Pushes.Reading(zxygzdl: 99m)))).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await ReadingsOf(device)).ShouldHaveSingleItem().Parameters["EP"].ShouldBe(10m);
    }

    [Fact]
    public async Task Device_event_codes_1001_and_1016_become_two_events_named_from_appendix_2()
    {
        var device = NewDevice();

        (await host.CreateClient().PostJsonAsync(Url, Pushes.Push(device, "d-events", Pushes.Reading(sjzt: "1001,1016")))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var reported = (await host.Services.EventsAsync(nameof(DeviceEventReported))).Select(e => (DeviceEventReported)e.Data).Where(e => e.Device == device).ToList();
        reported.Select(e => (e.Code, e.Name)).ShouldBe([("1001", "A相过压"), ("1016", "剩余电流")]);
    }

    [Fact]
    public async Task Readings_of_several_devices_and_days_are_one_atomic_request_with_a_stream_per_device_and_plant_day()
    {
        var (a, b) = (NewDevice(), NewDevice());
        var body = new JsonArray(
            Pushes.Push(a, "d-multi-a", Pushes.Reading("2021-09-28 23:59:00"), Pushes.Reading("2021-09-29 00:14:00")),
            Pushes.Push(b, "d-multi-b", Pushes.Reading("2021-09-28 10:00:00")));

        (await host.CreateClient().PostJsonAsync(Url, body)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var streams = (await host.Services.EventsAsync(nameof(MeterReadingReceived)))
            .Where(e => ((MeterReadingReceived)e.Data).Device == a || ((MeterReadingReceived)e.Data).Device == b)
            .Select(e => e.StreamId).Distinct().Order().ToList();
        streams.ShouldBe(new[] { $"readings-{a}-20210928", $"readings-{a}-20210929", $"readings-{b}-20210928" }.Order().ToList());
    }

    [Fact]
    public async Task One_bad_sign_in_a_batch_stores_none_of_it()
    {
        var (a, b) = (NewDevice(), NewDevice());
        var bad = Pushes.Push(b, "d-batch-b", Pushes.Reading());
        bad["sign"] = new string('0', 40);

        var response = await host.CreateClient().PostJsonAsync(Url, new JsonArray(Pushes.Push(a, "d-batch-a", Pushes.Reading()), bad));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await ReadingsOf(a)).ShouldBeEmpty();
    }

    private static string Without(JsonObject push, string field)
    {
        var copy = JsonNode.Parse(push.ToJsonString())!.AsObject();
        copy.Remove(field);
        return copy.ToJsonString();
    }

    private static string With(JsonObject push, Action<JsonObject> change)
    {
        var copy = JsonNode.Parse(push.ToJsonString())!.AsObject();
        change(copy);
        return copy.ToJsonString();
    }
}
