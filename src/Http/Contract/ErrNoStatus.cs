using Energy.Application.Common;

namespace Energy.Http.Contract;

/// <summary>
/// The one place that decides which HTTP status travels with each <c>Err_No</c> (CONTRACT §1 Errors):
/// the body always carries the code, the status mirrors its class.
/// </summary>
public static class ErrNoStatus
{
    public static int Of(string errNo) => errNo switch
    {
        ErrNo.Ok => StatusCodes.Status200OK,
        ErrNo.BadParameter => StatusCodes.Status400BadRequest,
        ErrNo.NotLoggedIn or ErrNo.LoginFailed or ErrNo.WrongPassword => StatusCodes.Status401Unauthorized,
        // 4202 (IP受限) is not in CONTRACT §1; it is a refusal of who is asking, like 4105.
        ErrNo.NoPermission or ErrNo.IpRestricted => StatusCodes.Status403Forbidden,
        // 4104 (用户不存在) is not in CONTRACT §1; it is "no such record" for users.
        ErrNo.NoSuchRecord or ErrNo.NoSuchUser => StatusCodes.Status404NotFound,
        ErrNo.AlreadyExists => StatusCodes.Status409Conflict,
        ErrNo.DataError => StatusCodes.Status422UnprocessableEntity,
        ErrNo.RateLimited => StatusCodes.Status429TooManyRequests,
        // 4001, 4107, 4302, 4501 and anything unknown: our failure.
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>
    /// The code for a bare status some framework part produced without a body (an auth challenge,
    /// an unknown route, a wrong method), so such responses still carry an envelope.
    /// </summary>
    public static string ForStatus(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => ErrNo.NotLoggedIn,
        StatusCodes.Status403Forbidden => ErrNo.NoPermission,
        StatusCodes.Status404NotFound => ErrNo.NoSuchRecord,
        StatusCodes.Status429TooManyRequests => ErrNo.RateLimited,
        >= 400 and < 500 => ErrNo.BadParameter,
        _ => ErrNo.QueryFailed,
    };
}
