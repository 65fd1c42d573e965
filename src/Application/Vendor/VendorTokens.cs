using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Energy.Application.Vendor;

/// <summary>
/// The vendor's access token (seed 003 3.1/3.2): fetched with the password grant, cached until shortly
/// before <c>expires_in</c>, then renewed with the <c>refresh_token</c> (and with the password again when
/// the refresh token is refused). One renewal at a time: concurrent callers wait for it instead of each
/// fetching a token of their own.
/// </summary>
public sealed partial class VendorTokens(
    IHttpClientFactory httpClients, VendorResilience resilience, IOptions<VendorOptions> options, TimeProvider clock, ILogger<VendorTokens> logger) : IDisposable
{
    private readonly SemaphoreSlim renewal = new(1, 1);
    private Token? current;

    private sealed record Token(string Access, string? Refresh, DateTimeOffset RenewAt);

    public async Task<string> AccessTokenAsync(CancellationToken ct)
    {
        if (Volatile.Read(ref current) is { } token && clock.GetUtcNow() < token.RenewAt)
        {
            return token.Access;
        }

        await renewal.WaitAsync(ct);
        try
        {
            token = current;
            if (token is not null && clock.GetUtcNow() < token.RenewAt)
            {
                return token.Access;
            }

            var renewed = token?.Refresh is { } refresh ? await RefreshAsync(refresh, ct) ?? await LoginAsync(ct) : await LoginAsync(ct);
            Volatile.Write(ref current, renewed);
            return renewed.Access;
        }
        finally
        {
            renewal.Release();
        }
    }

    /// <summary>The vendor said the token is no longer valid (HTTP 401): renew it at the next call.</summary>
    public void Reject(string accessToken)
    {
        var token = current;
        if (token is not null && token.Access == accessToken)
        {
            Interlocked.CompareExchange(ref current, token with { RenewAt = DateTimeOffset.MinValue }, token);
        }
    }

    public void Dispose() => renewal.Dispose();

    private async Task<Token> LoginAsync(CancellationToken ct)
    {
        var o = options.Value;
        var (status, token) = await RequestAsync(new Dictionary<string, string>
        {
            ["username"] = o.Username, ["password"] = o.Password, ["scope"] = o.Scope, ["grant_type"] = "password",
        }, ct);
        LogTokenFetched(logger, "password", status);
        return token ?? throw new VendorRefusedException(((int)status).ToString(CultureInfo.InvariantCulture), "the vendor refused our username and password (3.1)");
    }

    /// <summary>A renewed token, or null when the refresh token is refused (then the password grant is used).</summary>
    private async Task<Token?> RefreshAsync(string refreshToken, CancellationToken ct)
    {
        var (status, token) = await RequestAsync(new Dictionary<string, string>
        {
            ["scope"] = options.Value.Scope, ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken,
        }, ct);
        LogTokenFetched(logger, "refresh_token", status);
        return token;
    }

    private async Task<(HttpStatusCode Status, Token? Token)> RequestAsync(Dictionary<string, string> form, CancellationToken ct)
    {
        var o = options.Value;
        var http = httpClients.CreateClient(VendorClient.HttpClientName);
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{o.ClientId}:{o.ClientSecret}"));
        using var response = await resilience.SendAsync(http, () => new HttpRequestMessage(HttpMethod.Post, o.TokenPath.TrimStart('/'))
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Basic", basic) },
            // An OAuth2 token endpoint (Spring's /oauth/token, as the seed's "scope":"server" and Basic test:test suggest) takes a form.
            Content = new FormUrlEncodedContent(form),
        }, ct);
        if (!response.IsSuccessStatusCode)
        {
            return (response.StatusCode, null);
        }

        var issuedAt = clock.GetUtcNow();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(ct));
        var root = body.RootElement;
        if (!root.TryGetProperty("access_token", out var access) || access.GetString() is not { Length: > 0 } accessToken)
        {
            throw new VendorRefusedException("", "the token answer has no access_token");
        }

        var refresh = root.TryGetProperty("refresh_token", out var r) ? r.GetString() : null;
        var lifetime = TimeSpan.FromSeconds(root.TryGetProperty("expires_in", out var e) ? Seconds(e) : 0);
        // Renew before the vendor would refuse it: the margin, but never more than a tenth of a short lifetime.
        var margin = TimeSpan.FromTicks(Math.Min(o.TokenRefreshMargin.Ticks, lifetime.Ticks / 10));
        return (response.StatusCode, new Token(accessToken, refresh, issuedAt + lifetime - margin));
    }

    // 附 3.1 types expires_in as String, its example sends a number: both are read.
    private static double Seconds(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) => s,
        _ => 0,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Vendor token requested with grant {Grant}: HTTP {Status}")]
    private static partial void LogTokenFetched(ILogger logger, string grant, HttpStatusCode status);
}
