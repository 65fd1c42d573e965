using System.Text.Json.Nodes;
using Energy.Application.Common;
using Energy.Application.Vendor;
using Energy.Http.Contract;
using Energy.Http.Contract.OpenApi;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Energy.Http.Vendor;

/// <summary>
/// The two webhooks the collector vendor calls (seed 003 2.2, 2.3; CONTRACT §5). No login: every delivery
/// carries its sign (附4). The vendor judges by status alone — 200 only once committed, 401 bad sign,
/// 400/413 malformed (naming the field), 503 when the database cannot store now so the vendor retries.
/// The seed gives these endpoints no response body; the contract envelope is sent all the same (CONTRACT §1,
/// every api response), which the vendor ignores and a person debugging the integration can read.
/// </summary>
public static partial class VendorWebhookEndpoints
{
    private static readonly ApiFeature Feature = new("Vendor webhooks",
        "Seed 003 2.2/2.3: the collector vendor's deliveries, signed (附4) instead of a login; 200 only once stored.");

    public static IEndpointRouteBuilder MapVendorWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        var bbi = app.MapGroup("/api/bbi").InFeature(Feature)
            .AnswersErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status503ServiceUnavailable);
        bbi.MapPost("/push", (HttpContext context, VendorIngestHandler handler) =>
            IngestAsync(context, (body, ct) => handler.PushAsync(body, context.TraceIdentifier, ct)))
            .WithSummary("003 2.3 电表数据主动推送")
            .ReadsBody(typeof(JsonNode), "application/json",
                "One delivery {sign, meter, data_id, data} or an array of them; data is a 附1 reading or an array of them. Deliveries already stored (by data_id) are skipped.")
            .AnswersOk();
        bbi.MapPost("/callback", (HttpContext context, VendorIngestHandler handler) =>
            IngestAsync(context, (body, ct) => handler.CallbackAsync(body, context.TraceIdentifier, ct)))
            .WithSummary("003 2.2 任务结果回调（异步）")
            .ReadsBody(typeof(JsonNode), "application/json",
                "One task result {sign, meter, task_id, data} or an array of them. Results already stored (by task_id) are skipped.")
            .AnswersOk();
        return app;
    }

    private static async Task<IResult> IngestAsync(HttpContext context, Func<ReadOnlyMemory<byte>, CancellationToken, Task<IngestResult>> ingest)
    {
        var limit = context.RequestServices.GetRequiredService<IOptions<VendorOptions>>().Value.MaxWebhookBodyBytes;
        var body = await ReadBodyAsync(context.Request, limit, context.RequestAborted);
        if (body is null)
        {
            return Envelope.Error(ErrNo.BadParameter, $"参数错误: the request body is larger than the limit of {limit} bytes", StatusCodes.Status413PayloadTooLarge);
        }

        try
        {
            await ingest(body.Value, context.RequestAborted);
            return Envelope.Ok();
        }
        catch (ContractError error)
        {
            return Envelope.Error(error);
        }
        catch (NpgsqlException e)
        {
            // Nothing was committed: 503 makes the vendor deliver again later (seed 003: 10, 20, 30 minutes).
            LogUnavailable(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(VendorWebhookEndpoints)), e, context.Request.Path);
            return Envelope.Error(ErrNo.WriteFailed, "数据库记录新增或修改出错: the delivery could not be stored now; send it again later",
                StatusCodes.Status503ServiceUnavailable);
        }
    }

    /// <summary>The whole body, or null when it is over <paramref name="limit"/> (declared or actual).</summary>
    private static async Task<ReadOnlyMemory<byte>?> ReadBodyAsync(HttpRequest request, int limit, CancellationToken ct)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream(request.ContentLength is { } length ? (int)length : 16 * 1024);
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Vendor delivery to {Path} not stored: the database is unavailable; answered 503")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, string path);
}
