using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Energy.Application.Platform;

/// <summary>The platform's answer to one call: whether it accepted, and its raw body (or why there was none).</summary>
public sealed record PlatformReply(bool Succeeded, string Url, string Body)
{
    public JsonObject? Json()
    {
        try
        {
            return JsonNode.Parse(Body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>
/// Calls the platform with retries and doubling delays. A transport error, a timeout, a non-2xx status or a
/// body whose <c>code</c> is not 0/200 is a failure; the reply says so instead of throwing.
/// </summary>
public sealed class PlatformClient(IHttpClientFactory factory, IOptions<PlatformOptions> options, ILogger<PlatformClient> logger)
{
    public const string HttpClientName = "platform";

    public Uri Resolve(string pathOrUrl)
    {
        if (Uri.TryCreate(pathOrUrl, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http", StringComparison.Ordinal))
        {
            return absolute;
        }

        var baseUrl = options.Value.BaseUrl ?? throw new Application.Common.ContractError(
            Application.Common.ErrNo.DataError, "数据错误: Energy:Platform:BaseUrl is not configured");
        var root = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
        return new Uri(root, pathOrUrl.TrimStart('/'));
    }

    public Task<PlatformReply> PostAsync(string pathOrUrl, JsonNode body, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, pathOrUrl, body, ct);

    public Task<PlatformReply> GetAsync(string pathOrUrl, CancellationToken ct) =>
        SendAsync(HttpMethod.Get, pathOrUrl, null, ct);

    private async Task<PlatformReply> SendAsync(HttpMethod method, string pathOrUrl, JsonNode? body, CancellationToken ct)
    {
        var url = Resolve(pathOrUrl);
        var o = options.Value;
        var delay = o.RetryDelay;
        var last = "";
        for (var attempt = 0; attempt <= o.Retries; attempt++)
        {
            if (attempt > 0)
            {
                await Task.Delay(delay, ct);
                delay *= 2;
            }

            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(o.AttemptTimeout);
                using var request = new HttpRequestMessage(method, url);
                if (body is not null)
                {
                    request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
                }

                using var response = await factory.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
                last = await response.Content.ReadAsStringAsync(timeout.Token);
                if (response.IsSuccessStatusCode && Accepted(last))
                {
                    return new PlatformReply(true, url.AbsoluteUri, last);
                }

                if ((int)response.StatusCode is >= 400 and < 500 and not 408 and not 429)
                {
                    break; // the platform refused: asking again gives the same answer
                }
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
            {
                last = $"no answer: {e.GetType().Name}: {e.Message}";
                logger.LogWarning("Platform call {Method} {Url} failed (attempt {Attempt}): {Error}", method, url, attempt + 1, e.Message);
            }
        }

        return new PlatformReply(false, url.AbsoluteUri, last);
    }

    private static bool Accepted(string body)
    {
        try
        {
            if (JsonNode.Parse(body) is JsonObject o && o["code"] is JsonValue code)
            {
                var text = code.ToJsonString().Trim('"');
                return text is "0" or "200";
            }

            return true;
        }
        catch (JsonException)
        {
            return true;
        }
    }
}
