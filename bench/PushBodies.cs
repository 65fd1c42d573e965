using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Energy.Bench;

/// <summary>Signed vendor pushes (seed 003 2.3, 附1 items, 附4 sign) as the collector sends them.</summary>
public static class PushBodies
{
    /// <summary>The 附1 example; time, meter number and counter are set per item.</summary>
    private const string Appendix1Example = """
        {
            "zwggl": 0.0803, "zyggl": 1.6414, "bxdy": 0, "bxwggl": 0, "bxyggl": 0, "cxglys": 0, "axdl": 6.452, "cxdl": 0,
            "bxglys": 0, "meterNo": "621712300001", "sydl": 6.488, "sjsj": "2021-09-28 09:04:00", "zglys": 1,
            "yxzt": "00000000", "axdy": 254.7, "zxygzdl": 8.96, "zxygzdl1": 8.96, "sjzt": "0", "cxdy": 0, "zxygzdl3": 0,
            "zxygzdl2": 0, "axglys": 1, "zxygzdl4": 0, "cxwggl": 0, "axwd": 24.9, "cxyggl": 0, "bxdl": 0, "axyggl": 1.6414,
            "axwggl": 0.0803, "hjwd": 20.2
        }
        """;

    /// <summary>The 附1 example's fields as text, as the service keeps them on a reading.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Appendix1Fields() =>
        JsonNode.Parse(Appendix1Example)!.AsObject().Select(f => KeyValuePair.Create(f.Key, f.Value!.ToJsonString().Trim('"')));

    /// <summary>Plant-time minute 0 of the bench's readings.</summary>
    public static readonly DateTime Origin = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    public static string Device(string prefix, int index) => prefix + index.ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>
    /// One push of <paramref name="count"/> one-minute readings of <paramref name="device"/> starting at plant minute
    /// <paramref name="firstMinute"/>; the EP counter (zxygzdl) rises 0.05 kWh a minute.
    /// </summary>
    public static string Push(string device, string dataId, int firstMinute, int count)
    {
        var data = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            var minute = firstMinute + i;
            var item = JsonNode.Parse(Appendix1Example)!.AsObject();
            item["meterNo"] = device;
            item["sjsj"] = Origin.AddMinutes(minute).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            item["zxygzdl"] = Math.Round(100m + (minute * 0.05m), 2);
            item["zxygzdl1"] = item["zxygzdl"]!.DeepClone();
            data.Add(item);
        }

        return new JsonObject
        {
            ["sign"] = Sign(dataId, device),
            ["meter"] = device,
            ["data_id"] = dataId,
            ["data"] = count == 1 ? data[0]!.DeepClone() : data,
        }.ToJsonString();
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5350", Justification = "The vendor's sign is SHA-1 (附4).")]
    private static string Sign(string id, string meter) => Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(
        id + meter + ServiceProcess.VendorUsername + ServiceProcess.VendorPassword + ServiceProcess.VendorSecretKey)));
}
