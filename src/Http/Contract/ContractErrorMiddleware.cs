using Energy.Application.Common;
using Energy.Http.Operations;
using Microsoft.Extensions.Options;

namespace Energy.Http.Contract;

/// <summary>
/// The edge where every failure becomes an envelope (CONTRACT §1 Errors): contract errors and
/// request-reading failures with their code, anything else as 4001 with a generic message and the
/// exception in the log only — never a stack trace or a framework error page in the body.
/// Also refuses bodies over <c>Energy:Http:MaxRequestBodyBytes</c> before anything reads them.
/// </summary>
public sealed partial class ContractErrorMiddleware(
    RequestDelegate next, IOptions<ContractHttpOptions> options, EnergyMetrics metrics, ILogger<ContractErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = options.Value.MaxRequestBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            // 413 rather than 400: proxies and clients know what it means; the body still says 4103.
            metrics.ErrorWritten(ErrNo.BadParameter);
            await Envelope.Error(ErrNo.BadParameter, $"参数错误: the request body is larger than the limit of {limit} bytes",
                StatusCodes.Status413PayloadTooLarge).ExecuteAsync(context);
            return;
        }

        try
        {
            RequestText.Check(context.Request);
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            LogAborted(logger, context.Request.Method, context.Request.Path.ToString());
        }
        catch (Exception exception) when (!context.Response.HasStarted)
        {
            var error = RequestErrors.Translate(exception);
            if (error is null)
            {
                LogUnhandled(logger, exception, context.Request.Method, context.Request.Path.ToString());
                error = new ContractError(ErrNo.QueryFailed, "数据库查询出错: the service failed to handle this request; it has been logged");
            }
            else
            {
                LogRefused(logger, context.Request.Method, context.Request.Path.ToString(), error.ErrNo, error.Message);
            }

            context.Response.Clear();
            metrics.ErrorWritten(error.ErrNo);
            await Envelope.Error(error).ExecuteAsync(context);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled failure on {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} refused with {ErrNo}: {ErrMsg}")]
    private static partial void LogRefused(ILogger logger, string method, string path, string errNo, string errMsg);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Method} {Path} aborted by the client")]
    private static partial void LogAborted(ILogger logger, string method, string path);
}
