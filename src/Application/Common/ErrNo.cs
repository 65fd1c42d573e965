namespace Energy.Application.Common;

/// <summary>
/// The seed's status codes (appendix IV, "通用状态码说明"), carried as strings in <c>Err_No</c>.
/// Which HTTP status each one travels with is decided in one place at the HTTP edge (CONTRACT §1).
/// </summary>
public static class ErrNo
{
    public const string Ok = "0";

    /// <summary>4001 数据库查询出错 — a failure of ours while reading; also any unexpected failure.</summary>
    public const string QueryFailed = "4001";

    /// <summary>4002 无数据 — no record with the given id or name.</summary>
    public const string NoSuchRecord = "4002";

    /// <summary>4003 数据已存在 — a unique name is taken.</summary>
    public const string AlreadyExists = "4003";

    /// <summary>4004 数据错误 — refers to something missing or breaks a rule.</summary>
    public const string DataError = "4004";

    /// <summary>4101 用户未登录.</summary>
    public const string NotLoggedIn = "4101";

    /// <summary>4102 用户登录失败.</summary>
    public const string LoginFailed = "4102";

    /// <summary>4103 参数错误 — a parameter is missing or malformed.</summary>
    public const string BadParameter = "4103";

    /// <summary>4104 用户不存在.</summary>
    public const string NoSuchUser = "4104";

    /// <summary>4105 用户权限不足.</summary>
    public const string NoPermission = "4105";

    /// <summary>4106 密码错误.</summary>
    public const string WrongPassword = "4106";

    /// <summary>4107 数据库记录新增或修改出错 — a write of ours failed.</summary>
    public const string WriteFailed = "4107";

    /// <summary>4201 非法请求或请求次数受限.</summary>
    public const string RateLimited = "4201";

    /// <summary>4202 IP受限.</summary>
    public const string IpRestricted = "4202";

    /// <summary>4302 文件读写错误.</summary>
    public const string FileError = "4302";

    /// <summary>4501 未知错误.</summary>
    public const string Unknown = "4501";
}
