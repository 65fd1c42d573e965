using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Energy.Http.Tests.Alarms;

/// <summary>An SMS/WeChat gateway on 127.0.0.1 that answers 500 to its first <see cref="FailFirst"/> calls.</summary>
public sealed class FakeGateway : IAsyncDisposable
{
    private readonly WebApplication app;
    private int calls;

    private FakeGateway(WebApplication app) => this.app = app;

    public Uri Url { get; private set; } = null!;

    public int FailFirst { get; set; }

    public ConcurrentQueue<(JsonElement Body, string Key)> Received { get; } = new();

    public int Calls => Volatile.Read(ref calls);

    public static async Task<FakeGateway> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var gateway = new FakeGateway(app);
        app.MapPost("/send", async (HttpContext context) =>
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body);
            if (Interlocked.Increment(ref gateway.calls) <= gateway.FailFirst)
            {
                return Results.StatusCode(StatusCodes.Status500InternalServerError);
            }

            gateway.Received.Enqueue((body.RootElement.Clone(), context.Request.Headers["Idempotency-Key"].ToString()));
            return Results.Ok();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        gateway.Url = new Uri(address + "/send");
        return gateway;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
