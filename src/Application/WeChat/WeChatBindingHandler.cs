using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Energy.Application.Common;
using Energy.Application.Platform;
using Energy.Domain;
using Energy.Domain.Users;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Energy.Application.WeChat;

/// <summary>
/// 9.1: the mini program's <c>code</c> is exchanged for a session key (jscode2session), the user info is
/// decrypted with it (AES-128-CBC, PKCS7), its watermark checked against our AppId, and the WeChat identity
/// bound to the logged-in user. The session key is used once and never stored or logged.
/// </summary>
public sealed class WeChatBindingHandler(
    IHttpClientFactory factory,
    IOptions<WeChatOptions> options,
    StreamCommands commands,
    TimeProvider clock,
    ILogger<WeChatBindingHandler> logger)
{
    public const string HttpClientName = "wechat";

    public async Task<WeChatIdentityBound> BindIdentityAsync(string code, string encryptedData, string iv, Actor caller, CancellationToken ct)
    {
        var o = options.Value;
        if (o.AppId.Length == 0 || o.AppSecret.Length == 0)
        {
            throw ContractError.DataError("the mini program is not configured (Energy:WeChat:AppId and AppSecret)");
        }

        var session = await SessionAsync(code, ct);
        var info = Decrypt(encryptedData, iv, session.Key);
        var appId = (info["watermark"] as JsonObject)?["appid"]?.ToString();
        if (appId != o.AppId)
        {
            throw ContractError.DataError($"encryptedData: watermark.appid \"{appId}\" is not this mini program's AppId");
        }

        var openId = info["openId"]?.ToString() ?? info["openid"]?.ToString() ?? session.OpenId;
        var unionId = info["unionId"]?.ToString() ?? info["unionid"]?.ToString() ?? session.UnionId;
        var bound = new WeChatIdentityBound(caller.UserId, appId, openId, unionId, clock.GetUtcNow());
        try
        {
            await commands.HandleAsync(
                User.StreamId(caller.UserId), User.None, User.Evolve,
                state => state.Exists ? [bound] : throw new DomainRuleException("user", "no such user"),
                caller, ct: ct);
        }
        catch (DomainRuleException)
        {
            throw ContractError.NotFound("user", caller.UserId);
        }

        return bound;
    }

    private async Task<(byte[] Key, string OpenId, string? UnionId)> SessionAsync(string code, CancellationToken ct)
    {
        var o = options.Value;
        var root = o.BaseUrl.AbsoluteUri.EndsWith('/') ? o.BaseUrl : new Uri(o.BaseUrl.AbsoluteUri + "/");
        var url = new Uri(root, "sns/jscode2session?appid=" + Uri.EscapeDataString(o.AppId) + "&secret=" + Uri.EscapeDataString(o.AppSecret) +
            "&js_code=" + Uri.EscapeDataString(code) + "&grant_type=authorization_code");
        JsonObject? answer;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(o.Timeout);
            var text = await factory.CreateClient(HttpClientName).GetStringAsync(url, timeout.Token);
            answer = JsonNode.Parse(text) as JsonObject;
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            logger.LogWarning("WeChat jscode2session failed: {Error}", e.GetType().Name);
            throw new ContractError(ErrNo.Unknown, "未知错误: the WeChat login service did not answer; try again");
        }

        var key = answer?["session_key"]?.ToString();
        var openId = answer?["openid"]?.ToString();
        if (string.IsNullOrEmpty(key) || string.IsNullOrEmpty(openId))
        {
            var errcode = answer?["errcode"]?.ToString() ?? "?";
            var errmsg = answer?["errmsg"]?.ToString() ?? "";
            throw ContractError.DataError($"code: WeChat refused the login code (errcode {errcode} {errmsg}); get a fresh code with wx.login");
        }

        try
        {
            return (Convert.FromBase64String(key), openId, answer?["unionid"]?.ToString());
        }
        catch (FormatException)
        {
            throw ContractError.DataError("code: WeChat answered a session_key that is not base64");
        }
    }

    private static JsonObject Decrypt(string encryptedData, string iv, byte[] sessionKey)
    {
        byte[] cipher;
        byte[] ivBytes;
        try
        {
            cipher = Convert.FromBase64String(encryptedData);
            ivBytes = Convert.FromBase64String(iv);
        }
        catch (FormatException)
        {
            throw ContractError.BadParameter("encryptedData", "and iv must be base64");
        }

        if (ivBytes.Length != 16 || sessionKey.Length != 16)
        {
            throw ContractError.BadParameter("iv", "must be 16 bytes in base64 (and the session key 16 bytes)");
        }

        try
        {
            using var aes = Aes.Create();
            aes.Key = sessionKey;
            var plain = aes.DecryptCbc(cipher, ivBytes, PaddingMode.PKCS7);
            return JsonNode.Parse(Encoding.UTF8.GetString(plain)) as JsonObject
                ?? throw new JsonException("not an object");
        }
        catch (Exception e) when (e is CryptographicException or JsonException or ArgumentException or DecoderFallbackException)
        {
            throw ContractError.DataError("encryptedData: does not decrypt with this code's session key and iv (AES-128-CBC)");
        }
    }
}
