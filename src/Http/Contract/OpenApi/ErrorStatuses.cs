namespace Energy.Http.Contract.OpenApi;

/// <summary>
/// What each error status means in the seed's codes (CONTRACT §1 Errors), as the document describes it. The status
/// of each code is decided by <see cref="ErrNoStatus"/>; these are its classes, plus the two statuses the edge
/// writes itself (413 from <see cref="ContractErrorMiddleware"/>, 503 from the vendor's webhooks).
/// </summary>
public static class ErrorStatuses
{
    public static IReadOnlyDictionary<int, string> Descriptions { get; } = new Dictionary<int, string>
    {
        [StatusCodes.Status400BadRequest] = "4103 参数错误: a parameter is missing or malformed; Err_Msg names it and says what was expected",
        [StatusCodes.Status401Unauthorized] = "4101 用户未登录 (not logged in), 4102 用户登录失败 (login or a vendor sign refused) or 4106 密码错误",
        [StatusCodes.Status403Forbidden] = "4105 用户权限不足 (or 4202 IP受限): the user may not do this",
        [StatusCodes.Status404NotFound] = "4002 无数据 (4104 用户不存在 for users): no record with the id or name the request gives",
        [StatusCodes.Status409Conflict] = "4003 数据已存在: the name (or device) is taken; names are unique within their kind",
        [StatusCodes.Status413PayloadTooLarge] = "4103 参数错误: the body is larger than the limit (Energy:Http:MaxRequestBodyBytes)",
        [StatusCodes.Status422UnprocessableEntity] = "4004 数据错误: the request refers to something missing or breaks a rule",
        [StatusCodes.Status429TooManyRequests] = "4201 非法请求或请求次数受限: too many attempts; try again later",
        [StatusCodes.Status500InternalServerError] = "4001 数据库查询出错, 4107 数据库记录新增或修改出错, 4302 文件读写错误 or 4501 未知错误: the service failed; nothing was changed",
        [StatusCodes.Status503ServiceUnavailable] = "4107 数据库记录新增或修改出错: the database cannot store the delivery now; nothing was stored, send it again later",
    };
}
