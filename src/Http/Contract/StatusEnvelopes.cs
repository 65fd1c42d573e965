using Energy.Application.Common;
using Energy.Http.Operations;
using Microsoft.AspNetCore.Diagnostics;

namespace Energy.Http.Contract;

/// <summary>
/// Gives an envelope to error statuses that framework parts produce without a body: unknown routes
/// (4002/404), wrong methods or media types (4103), and authentication challenges (4101/401) and
/// refusals (4105/403) from the auth handlers added later.
/// </summary>
public static class StatusEnvelopes
{
    /// <summary>For <c>UseStatusCodePages</c>: writes the envelope matching the response's status.</summary>
    public static Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var status = http.Response.StatusCode;
        var errNo = ErrNoStatus.ForStatus(status);
        Count(http, errNo);
        return Envelope.Error(errNo, MessageFor(status, http.Request), status).ExecuteAsync(http);
    }

    /// <summary>
    /// Writes a contract error as the whole response, e.g. from cookie or bearer events:
    /// <c>OnRedirectToLogin = c => StatusEnvelopes.WriteAsync(c.HttpContext, ContractError.NotLoggedIn())</c>.
    /// </summary>
    public static Task WriteAsync(HttpContext context, ContractError error)
    {
        Count(context, error.ErrNo);
        return Envelope.Error(error).ExecuteAsync(context);
    }

    private static void Count(HttpContext context, string errNo) =>
        context.RequestServices.GetService<EnergyMetrics>()?.ErrorWritten(errNo);

    private static string MessageFor(int status, HttpRequest request) => status switch
    {
        StatusCodes.Status401Unauthorized => ContractError.NotLoggedIn().Message,
        StatusCodes.Status403Forbidden => ContractError.NoPermission().Message,
        StatusCodes.Status404NotFound => $"无数据: there is no {request.Method} {request.Path}",
        StatusCodes.Status405MethodNotAllowed => $"参数错误: {request.Path} does not accept {request.Method}",
        StatusCodes.Status415UnsupportedMediaType => "参数错误: the body must be JSON (Content-Type: application/json)",
        StatusCodes.Status429TooManyRequests => ContractError.RateLimited().Message,
        >= 400 and < 500 => "参数错误: the request could not be read",
        _ => "未知错误: the service could not answer",
    };
}
