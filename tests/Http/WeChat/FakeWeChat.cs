using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Energy.Http.Tests.WeChat;

/// <summary>WeChat's jscode2session on 127.0.0.1: one good code gives a session key; anything else is errcode 40029.</summary>
public sealed class FakeWeChat : IAsyncDisposable
{
    public const string AppId = "wx-test-app";
    public const string AppSecret = "wx-test-secret";
    public const string GoodCode = "good-code";
    public const string OpenId = "o-openid-1";

    private readonly WebApplication app;

    private FakeWeChat(WebApplication app) => this.app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public byte[] SessionKey { get; } = RandomNumberGenerator.GetBytes(16);

    public static async Task<FakeWeChat> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeWeChat(app);
        app.MapGet("/sns/jscode2session", (HttpContext c) =>
            c.Request.Query["appid"] == AppId && c.Request.Query["secret"] == AppSecret &&
            c.Request.Query["js_code"] == GoodCode && c.Request.Query["grant_type"] == "authorization_code"
                ? Results.Json(new { openid = OpenId, session_key = Convert.ToBase64String(fake.SessionKey) })
                : Results.Json(new { errcode = 40029, errmsg = "invalid code" }));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUrl = new Uri(address + "/");
        return fake;
    }

    /// <summary>User info as the mini program receives it: AES-128-CBC under the session key, base64, with a random iv.</summary>
    public (string EncryptedData, string Iv) Encrypt(string appId, string unionId = "u-union-1", byte[]? key = null)
    {
        var info = new JsonObject
        {
            ["openId"] = OpenId,
            ["nickName"] = "小李",
            ["unionId"] = unionId,
            ["watermark"] = new JsonObject { ["appid"] = appId, ["timestamp"] = 1_700_000_000 },
        };
        var iv = RandomNumberGenerator.GetBytes(16);
        using var aes = Aes.Create();
        aes.Key = key ?? SessionKey;
        var cipher = aes.EncryptCbc(Encoding.UTF8.GetBytes(info.ToJsonString()), iv, PaddingMode.PKCS7);
        return (Convert.ToBase64String(cipher), Convert.ToBase64String(iv));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
