using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Energy.Domain.Readings;
using Energy.Application.EventStore;
using Microsoft.Extensions.DependencyInjection;

namespace Energy.Http.Tests.Vendor.Support;

/// <summary>Signed vendor deliveries as the collector sends them (seed 003 2.2, 2.3, 附1, 附4).</summary>
public static class Pushes
{
    /// <summary>The 附1 example, verbatim.</summary>
    public const string Appendix1Example = """
        {
            "zwggl": 0.0803, "zyggl": 1.6414, "bxdy": 0, "bxwggl": 0, "bxyggl": 0, "cxglys": 0, "axdl": 6.452, "cxdl": 0,
            "bxglys": 0, "meterNo": "621712300001", "sydl": 6.488, "sjsj": "2021-09-28 09:04:00", "zglys": 1,
            "yxzt": "00000000", "axdy": 254.7, "zxygzdl": 8.96, "zxygzdl1": 8.96, "sjzt": "0", "cxdy": 0, "zxygzdl3": 0,
            "zxygzdl2": 0, "axglys": 1, "zxygzdl4": 0, "cxwggl": 0, "axwd": 24.9, "cxyggl": 0, "bxdl": 0, "axyggl": 1.6414,
            "axwggl": 0.0803, "hjwd": 20.2
        }
        """;

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5350", Justification = "The vendor's sign is SHA-1 (附4).")]
    public static string Sign(string id, string meter) =>
        Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(id + meter + VendorHost.Username + VendorHost.Password + VendorHost.SecretKey)));

    /// <summary>A reading item: the 附1 example at another time, counter and event codes.</summary>
    public static JsonObject Reading(string sjsj = "2021-09-28 09:04:00", decimal zxygzdl = 8.96m, string sjzt = "0")
    {
        var item = JsonNode.Parse(Appendix1Example)!.AsObject();
        item["sjsj"] = sjsj;
        item["zxygzdl"] = zxygzdl;
        item["sjzt"] = sjzt;
        return item;
    }

    public static JsonObject Push(string meter, string dataId, params JsonNode[] data) => new()
    {
        ["sign"] = Sign(dataId, meter),
        ["meter"] = meter,
        ["data_id"] = dataId,
        ["data"] = data.Length == 1 ? data[0] : new JsonArray(data),
    };

    public static JsonObject Callback(string meter, string taskId, JsonNode data) => new()
    {
        ["sign"] = Sign(taskId, meter),
        ["meter"] = meter,
        ["task_id"] = taskId,
        ["data"] = data,
    };

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, JsonNode body) =>
        client.PostAsync(new Uri(url, UriKind.Relative), new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string url, string body) =>
        client.PostAsync(new Uri(url, UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

    /// <summary>Every committed event of these types, in order.</summary>
    public static async Task<IReadOnlyList<EventEnvelope>> EventsAsync(this IServiceProvider services, params string[] types)
    {
        var store = services.GetRequiredService<IEventStore>();
        return await store.ReadAllAsync(0, long.MaxValue, 100_000, types.Length == 0 ? null : types);
    }

    public static async Task<IReadOnlyList<MeterReadingReceived>> ReadingsAsync(this IServiceProvider services) =>
        (await services.EventsAsync(nameof(MeterReadingReceived))).Select(e => (MeterReadingReceived)e.Data).ToList();

    /// <summary>The envelope of a response.</summary>
    public static async Task<JsonElement> EnvelopeAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public static Task<HttpResponseMessage> PostAsJsonAsync<T>(this HttpClient client, string url, T body) =>
        HttpClientJsonExtensions.PostAsJsonAsync(client, new Uri(url, UriKind.Relative), body);
}
