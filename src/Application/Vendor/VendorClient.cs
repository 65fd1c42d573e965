using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Energy.Domain.Vendor;
using Microsoft.Extensions.Options;

namespace Energy.Application.Vendor;

/// <summary>The vendor's answer to an archive request (1.1): the concentrator and the message to parse with 1.2.</summary>
public sealed record ArchiveReply(string Concentrator, string Message);

/// <summary>Seed 003 1.1 <c>mode</c>: 0 adds meters to the concentrator, 1 removes them.</summary>
public enum ArchiveMode
{
    Add = 0,
    Remove = 1,
}

/// <summary>
/// Outbound calls to the collector vendor (seed 003 1.1, 1.2, 2.1), the one place knowing their field
/// names. Each call carries a cached token (<see cref="VendorTokens"/>); a 401 renews it and tries once
/// more. A code other than 10000 is a <see cref="VendorRefusedException"/>; an unreachable or slow vendor
/// a <see cref="VendorUnavailableException"/>.
/// </summary>
public sealed class VendorClient(IHttpClientFactory httpClients, VendorTokens tokens, VendorResilience resilience, VendorSignature signature, IOptions<VendorOptions> options)
{
    public const string HttpClientName = "vendor";
    public const string SuccessCode = "10000";

    /// <summary>1.1 建档请求: add or remove 1–8 meters on a concentrator.</summary>
    public async Task<ArchiveReply> ArchiveAsync(ArchiveMode mode, string concentrator, IReadOnlyList<string> meters, CancellationToken ct)
    {
        using var reply = await CallAsync(options.Value.ArchivePath, token => new Dictionary<string, string>
        {
            ["access_token"] = token,
            ["mode"] = ((int)mode).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["concentrator"] = concentrator,
            ["meters"] = string.Join(',', meters),
        }, ct);
        var root = reply.RootElement;
        return new ArchiveReply(Text(root, "concentrator") ?? concentrator, Text(root, "message") ?? "");
    }

    /// <summary>1.2 建档结果解析: asks the vendor to parse the concentrator's archive answer; returns the vendor's msg.</summary>
    public async Task<string> ParseArchiveResultAsync(string message, CancellationToken ct)
    {
        using var reply = await CallAsync(options.Value.ArchiveResultPath, token => new Dictionary<string, string>
        {
            ["access_token"] = token, ["message"] = message,
        }, ct);
        return Text(reply.RootElement, "msg") ?? "";
    }

    /// <summary>2.1 任务下发: recall, close or open the relay of one meter; the result comes on the 2.2 callback.</summary>
    public async Task DispatchTaskAsync(string taskId, string meter, VendorTaskMode mode, CancellationToken ct)
    {
        using var reply = await CallAsync(options.Value.TaskPath, token => new Dictionary<string, string>
        {
            ["access_token"] = token,
            ["sign"] = signature.Compute(taskId, meter),
            ["mode"] = ((int)mode).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["meter"] = meter,
            ["task_id"] = taskId,
        }, ct);
    }

    private async Task<JsonDocument> CallAsync(string path, Func<string, Dictionary<string, string>> body, CancellationToken ct)
    {
        var http = httpClients.CreateClient(HttpClientName);
        for (var attempt = 1; ; attempt++)
        {
            var token = await tokens.AccessTokenAsync(ct);
            using var response = await resilience.SendAsync(http, () => new HttpRequestMessage(HttpMethod.Post, path.TrimStart('/'))
            {
                Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) },
                Content = JsonContent.Create(body(token)),
            }, ct);
            if (response.StatusCode == HttpStatusCode.Unauthorized && attempt == 1)
            {
                // Revoked or expired early on the vendor's side: renew and try once more.
                tokens.Reject(token);
                continue;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new VendorRefusedException($"HTTP {(int)response.StatusCode}", "the vendor refused the request");
            }

            var reply = await ReadAsync(response, ct);
            var code = Text(reply.RootElement, "code");
            if (code != SuccessCode)
            {
                var msg = Text(reply.RootElement, "msg") ?? "";
                reply.Dispose();
                throw new VendorRefusedException(code ?? "(no code)", msg);
            }

            return reply;
        }
    }

    private static async Task<JsonDocument> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document
                : throw new VendorRefusedException("(no code)", "the vendor's answer is not a JSON object");
        }
        catch (JsonException e)
        {
            throw new VendorRefusedException("(no code)", "the vendor's answer is not JSON: " + e.Message);
        }
    }

    // 附3 codes are strings ("10000"); a number is read the same way.
    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;
}
