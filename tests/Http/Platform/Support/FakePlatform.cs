using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Energy.Domain.Platform;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Energy.Http.Tests.Platform.Support;

/// <summary>A value the fake platform accepted: its code, day (1) or month (2), date and the value in clear.</summary>
public sealed record ReceivedValue(string DataCode, string StatType, string StatDate, string Value);

/// <summary>
/// The provincial platform on 127.0.0.1: registration (issues a device id and an SM4 key), version, dictionaries,
/// the configuration upload (remembering which dataCodes it configured) and data uploads, which it checks:
/// the device id, each dataCode against the configuration's parts, and (sm4) that each value decrypts.
/// </summary>
public sealed class FakePlatform : IAsyncDisposable
{
    public const string DeviceId = "DEV-410481-0001";
    public const string SecretKey = "00112233445566778899aabbccddeeff";

    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, bool> configuredCodes = new();

    private FakePlatform(WebApplication app) => this.app = app;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>True: every data upload answers 503 (the platform is down).</summary>
    public bool Down { get; set; }

    /// <summary>Values arrive encrypted with SM4 under <see cref="SecretKey"/>.</summary>
    public bool ExpectSm4 { get; set; }

    public ConcurrentQueue<ReceivedValue> Received { get; } = new();

    /// <summary>Why an upload was refused (empty when none was).</summary>
    public ConcurrentQueue<string> Refusals { get; } = new();

    public ConcurrentQueue<JsonObject> Configurations { get; } = new();

    public int DataCalls;

    public static async Task<FakePlatform> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var platform = new FakePlatform(app);
        app.MapPost("/register", async (HttpContext context) =>
        {
            var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
            return body["enterpriseCode"]?.ToString() is { Length: > 0 } && body["region"]?.ToString() is { Length: 6 }
                ? Results.Json(new { code = 0, data = new { deviceId = DeviceId, secretKey = SecretKey, regVersion = "1.0", dicVersion = "7" } })
                : Results.Json(new { code = 1, msg = "bad registration" });
        });
        app.MapGet("/version", () => Results.Json(new { regVersion = "1.0", dicVersion = "8" }));
        app.MapGet("/dictionary", () => Results.Json(new
        {
            dicVersion = "7",
            collectSystemType = new[] { new { code = "1", name = "管理信息系统" } },
            collectItemUsage = new[] { new { code = "11", name = "购进已消费" } },
            collectItem = new[] { new { code = "013300", name = "电力", unit = "千瓦时", zbckz = "0.1229" } },
        }));
        app.MapPost("/config", async (HttpContext context) =>
        {
            var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
            platform.Configurations.Enqueue(body);
            foreach (var item in body["collectItemConfig"]!.AsArray())
            {
                var code = string.Concat(new[] { "processCode", "processUnitCode", "equipmentCode", "equipmentUnitCode", "Energy_Code", "dataUsageCode" }
                    .Select(f => item![f]!.ToString()));
                platform.configuredCodes[code] = true;
            }

            return Results.Json(new { code = 0, msg = "ok" });
        });
        app.MapPost("/data", (Func<HttpContext, Task<IResult>>)platform.DataAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        platform.BaseUrl = new Uri(address + "/");
        return platform;
    }

    private async Task<IResult> DataAsync(HttpContext context)
    {
        Interlocked.Increment(ref DataCalls);
        if (Down)
        {
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        if (body["deviceId"]?.ToString() != DeviceId)
        {
            return Refuse($"unknown deviceId {body["deviceId"]}");
        }

        var values = new List<ReceivedValue>();
        foreach (var item in body["data"]!.AsArray())
        {
            var code = item!["dataCode"]!.ToString();
            if (code.Length != 16 || !configuredCodes.ContainsKey(code))
            {
                return Refuse($"dataCode {code} is not a configured collect item");
            }

            var value = item["dataValue"]!.ToString();
            if (ExpectSm4)
            {
                try
                {
                    value = Sm4.DecryptHex(SecretKey, value);
                }
                catch (FormatException)
                {
                    return Refuse($"dataValue {value} does not decrypt");
                }
            }

            values.Add(new ReceivedValue(code, item["statType"]!.ToString(), item["statDate"]!.ToString(), value));
        }

        foreach (var v in values)
        {
            Received.Enqueue(v);
        }

        return Results.Json(new { code = 0, msg = "success" });
    }

    private IResult Refuse(string why)
    {
        Refusals.Enqueue(why);
        return Results.Json(new { code = 1, msg = why }, statusCode: StatusCodes.Status400BadRequest);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
