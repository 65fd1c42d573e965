using System.Globalization;
using Energy.Http.Tests.Contract;
using Energy.Http.Tests.Meters;

namespace Energy.Http.Tests.Production;

/// <summary>Production calls as a client makes them, and a bounded poll for the asynchronous read models.</summary>
internal static class ProductionCalls
{
    public static string Wall(DateTime wallClock) => wallClock.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static async Task<long> CreatedId(this Task<Answer> call)
    {
        var answer = await call;
        answer.ErrNo.ShouldBe("0", answer.Body);
        return answer.Json.GetProperty("Data")[0].GetProperty("id").GetInt64();
    }

    public static Task<Answer> PostProduct(this HttpClient client, string name) =>
        client.PostJson("/api_3/products", $$"""{"Product_Name":"{{name}}","Product_Unit":"件","Remarks":"r"}""");

    public static Task<Answer> PostBatch(this HttpClient client, string name, DateTime start, DateTime end) =>
        client.PostJson("/api_3/productsBatch", $$"""{"Production_Batch":"{{name}}","Time_Start":"{{Wall(start)}}","Time_End":"{{Wall(end)}}"}""");

    public static string OutputJson(long product, string amount, long machine, DateTime start, DateTime end, long batch, long? id = null) =>
        $$"""{{{(id is { } i ? $"\"id\":{i}," : "")}}"Product_id":{{product}},"Total_Amount":{{amount}},"Meter_Superior_id":"{{machine}}","Time_Start":"{{Wall(start)}}","Time_End":"{{Wall(end)}}","ProductBatch_id":{{batch}}}""";

    /// <summary>Asks until <paramref name="done"/> holds (at most 30 s), then returns the last answer.</summary>
    public static async Task<Answer> Until(this HttpClient client, string url, Func<Answer, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var answer = await client.GetAnswer(url);
            if (done(answer) || DateTime.UtcNow > deadline)
            {
                return answer;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Total_Amount per row key (the joined non-empty names).</summary>
    public static Dictionary<string, string> Amounts(this Answer answer, params string[] keys) =>
        answer.ErrNo == "0"
            ? answer.Rows().ToDictionary(r => string.Join("/", keys.Select(k => r.Text(k)).Where(t => t.Length > 0)), r => r.Text("Total_Amount"))
            : [];
}
