using System.Text.Json.Nodes;

namespace Energy.Http.Tests.Platform.Support;

/// <summary>5.2 bodies: the seed's example with a collect item on a given meter.</summary>
public static class Organisation
{
    public static JsonObject Body(long meterId, string processCode = "06", string energyCode = "013300", string usage = "11") => new()
    {
        ["collectItemConfig"] = new JsonArray(new JsonObject
        {
            ["name"] = "全厂-二次能源-电力-购进已消费",
            ["Meter_id"] = meterId,
            ["processCode"] = processCode,
            ["processUnitCode"] = "01",
            ["equipmentUnitCode"] = "02",
            ["Energy_Code"] = energyCode,
            ["Real_zbckz"] = "0.7143",
            ["dataUsageCode"] = usage,
            ["inputType"] = "1",
            ["statType"] = 1,
            ["collectSystemName"] = "EXCENERGY 能源采集系统",
            ["remark"] = "",
            ["scope"] = 1,
        }),
        ["enterprise"] = new JsonObject
        {
            ["name"] = "示例钢铁有限责任公司", ["typeCode"] = "159", ["typeName"] = "其他有限责任公司", ["industryCode"] = "C3120",
            ["regionCode"] = "410481", ["regionName"] = "示例市", ["center"] = false, ["jgzh"] = false, ["energyConsumeLevel"] = 4,
            ["latitude"] = 33.283433, ["longitude"] = 113.505883, ["phone"] = "0375-8111111", ["fieldCode"] = "100",
            ["registerDate"] = "1998-10-10 00:00:00", ["energyPass"] = false,
        },
        ["group"] = new JsonObject { ["name"] = "河北示例钢铁股份有限公司", ["address"] = "河北省示例市体育南大街 385 号", ["remark"] = "" },
        ["process"] = new JsonArray(new JsonObject { ["processCode"] = "06", ["processName"] = "电炉工序", ["remark"] = "" }),
    };

    /// <summary>The dataCode the body's item must be uploaded under (equipmentCode left out: "00").</summary>
    public static string DataCode(string processCode = "06", string energyCode = "013300", string usage = "11") =>
        processCode + "01" + "00" + "02" + energyCode + usage;

    public static async Task<HttpResponseMessage> PutAsync(this HttpClient client, JsonObject body) =>
        await client.PutAsync(new Uri("/api_3/PRP_organization_infos", UriKind.Relative),
            new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
}
