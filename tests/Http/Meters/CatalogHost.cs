using System.Text.Json;
using Energy.Application.EventStore;
using Energy.Http.Tests.Contract;
using Energy.Http.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Energy.Http.Tests.Meters;

/// <summary>The real service with machine images kept in a temporary folder of its own.</summary>
public sealed class CatalogHost : EnergyHost
{
    public string ImageDirectory { get; } = Path.Combine(Path.GetTempPath(), "energy-images-" + Guid.NewGuid().ToString("N"));

    public IEventStore Store => Services.GetRequiredService<IEventStore>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Energy:Images:Directory", ImageDirectory);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(ImageDirectory))
        {
            Directory.Delete(ImageDirectory, recursive: true);
        }
    }

    /// <summary>Events on machine and meter streams, to show a refused request appended none.</summary>
    public async Task<long> CatalogEventCountAsync()
    {
        await using var conn = new Npgsql.NpgsqlConnection(ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand("SELECT count(*) FROM mt_events WHERE stream_id LIKE 'machine-%' OR stream_id LIKE 'meter-%'", conn);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>Every event type in a stream, in order.</summary>
    public async Task<IReadOnlyList<string>> StreamTypesAsync(string streamId) =>
        (await Store.ReadStreamAsync(streamId)).Select(e => e.Type).ToList();
}

/// <summary>The catalog's calls, as a client makes them.</summary>
public static class CatalogCalls
{
    public static Task<Answer> PutJson(this HttpClient client, string url, string json) =>
        Send(client, HttpMethod.Put, url, json);

    public static Task<Answer> DeleteJson(this HttpClient client, string url, string json) =>
        Send(client, HttpMethod.Delete, url, json);

    public static async Task<Answer> Delete(this HttpClient client, string url) =>
        await Answer.Of(await client.DeleteAsync(new Uri(url, UriKind.Relative)));

    public static async Task<long> CreateMachineAsync(this HttpClient client, string name, string department = "冲压车间")
    {
        var answer = await client.PostJson("/api_3/metersuperiors",
            $$"""{"Meter_Superior":"{{name}}","Meter_Department":"{{department}}","equipmentCode":"01","equipmentUnitCode":"0001"}""");
        answer.ErrNo.ShouldBe("0", answer.Body);
        return answer.Json.GetProperty("Data")[0].GetProperty("id").GetInt64();
    }

    public static async Task<long> CreateMeterAsync(this HttpClient client, string name, long machineId, string extra = "", string type = "\"0\"")
    {
        var answer = await client.PostMeterAsync(name, machineId, extra, type);
        answer.ErrNo.ShouldBe("0", answer.Body);
        return answer.Json.GetProperty("Data")[0].GetProperty("id").GetInt64();
    }

    /// <summary>2.1 with the required fields, <paramref name="extra"/> appended as more JSON members (",\"Meter_IsCount\":\"1\"").</summary>
    public static Task<Answer> PostMeterAsync(this HttpClient client, string name, long machineId, string extra = "", string type = "\"0\"") =>
        client.PostJson("/api_3/meters", $$"""{"Meter_Name":"{{name}}","Meter_Type":{{type}},"Meter_Superior_id":"{{machineId}}"{{extra}}}""");

    /// <summary>An instant as an As_Of query value (ISO-8601 UTC, to the tick).</summary>
    public static string Iso(DateTimeOffset instant) =>
        Uri.EscapeDataString(instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture));

    public static JsonElement[] Rows(this Answer answer) => [.. answer.Json.GetProperty("Data").EnumerateArray()];

    public static long Total(this Answer answer) => answer.Json.GetProperty("Total_Numbers").GetInt64();

    public static string Text(this JsonElement row, string field) => row.GetProperty(field).ToString();

    private static async Task<Answer> Send(HttpClient client, HttpMethod method, string url, string json)
    {
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative))
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        };
        return await Answer.Of(await client.SendAsync(request));
    }
}
