using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Energy.Http.Tests.Vendor.Support;

/// <summary>
/// The collector vendor's API on 127.0.0.1 (a real Kestrel on a free port): OAuth-style tokens (3.1/3.2),
/// archive (1.1/1.2) and task dispatch (2.1), with knobs for token lifetime, slowness and refusals.
/// </summary>
public sealed class FakeVendor : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, bool> validTokens = new();
    private int issued;

    private FakeVendor(WebApplication app) => this.app = app;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Every call as "METHOD path grant/mode" lines, in order.</summary>
    public ConcurrentQueue<string> Calls { get; } = new();

    /// <summary>The JSON bodies of business calls, by path.</summary>
    public ConcurrentQueue<(string Path, JsonElement Body)> Bodies { get; } = new();

    public int ExpiresIn { get; set; } = 42177;

    /// <summary>The 2.1 answer's code and msg.</summary>
    public (string Code, string Msg) TaskReply { get; set; } = ("10000", "Success");

    /// <summary>How long every business call takes before answering.</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    public int TokenRequests(string grant) => Calls.Count(c => c == $"token {grant}");

    /// <summary>Makes every issued access token invalid, as a vendor restart would.</summary>
    public void RevokeAccessTokens() => validTokens.Clear();

    public static async Task<FakeVendor> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var vendor = new FakeVendor(app);
        app.MapGet("/ping", () => "pong");
        app.MapPost("/auth/oauth/token", vendor.TokenAsync);
        app.MapPost("/task", context => vendor.BusinessAsync(context, () => new { code = vendor.TaskReply.Code, msg = vendor.TaskReply.Msg }));
        app.MapPost("/archive", context => vendor.BusinessAsync(context, () => new { code = "10000", msg = "Success", concentrator = "06112163", message = "6891170611216368" }));
        app.MapPost("/archive/result", context => vendor.BusinessAsync(context, () => new { code = "10000", msg = "Success" }));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        vendor.BaseUrl = new Uri(address + "/");

        // Warm Kestrel up so a test's first call is not slower than the client's per-attempt timeout.
        using var warmUp = new HttpClient { BaseAddress = vendor.BaseUrl };
        using var _ = await warmUp.GetAsync(new Uri("ping", UriKind.Relative));
        return vendor;
    }

    private async Task TokenAsync(HttpContext context)
    {
        var basic = context.Request.Headers.Authorization.ToString();
        var form = await context.Request.ReadFormAsync();
        var grant = form["grant_type"].ToString();
        Calls.Enqueue($"token {grant}");
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("test:test"));
        var accepted = basic == expected && grant switch
        {
            "password" => form["username"] == VendorHost.Username && form["password"] == VendorHost.Password && form["scope"] == "server",
            "refresh_token" => form["refresh_token"].ToString().StartsWith("refresh-", StringComparison.Ordinal),
            _ => false,
        };
        if (!accepted)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsJsonAsync(new { error = "invalid_grant" });
            return;
        }

        var n = Interlocked.Increment(ref issued);
        validTokens[$"access-{n}"] = true;
        await context.Response.WriteAsJsonAsync(new
        {
            access_token = $"access-{n}", token_type = "bearer", refresh_token = $"refresh-{n}", expires_in = ExpiresIn, scope = "server",
        });
    }

    private async Task BusinessAsync(HttpContext context, Func<object> reply)
    {
        var token = context.Request.Headers.Authorization.ToString().Replace("Bearer ", "", StringComparison.Ordinal);
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        Calls.Enqueue($"{context.Request.Path} {token}");
        Bodies.Enqueue((context.Request.Path, body.RootElement.Clone()));
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, context.RequestAborted);
        }

        if (!validTokens.ContainsKey(token) || body.RootElement.GetProperty("access_token").GetString() != token)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        await context.Response.WriteAsJsonAsync(reply());
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
