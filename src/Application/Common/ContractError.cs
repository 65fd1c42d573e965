using System.Diagnostics.CodeAnalysis;

namespace Energy.Application.Common;

/// <summary>
/// A failure a client can act on, reported with one of the seed's codes (<see cref="ErrNo"/>).
/// </summary>
/// <remarks>
/// An exception rather than a Result type on purpose: a contract error always ends the request, and
/// nothing has been appended when it is raised (CONTRACT §1: "a request that fails changes nothing").
/// Throwing lets handlers, parsers and validators stop at any depth while endpoints stay a few lines
/// long; the HTTP edge turns it into the envelope and status in exactly one place. Expected failures
/// are rare enough per request that the cost of an exception does not matter.
/// Messages start with the seed's own words for the code (what existing clients know) and then say
/// which field and what was expected.
/// </remarks>
[SuppressMessage("Naming", "CA1710", Justification = "Named after what it is in the contract, an error with an Err_No.")]
public sealed class ContractError : Exception
{
    public ContractError(string errNo, string message, string? field = null)
        : base(message)
    {
        ErrNo = errNo;
        Field = field;
    }

    public ContractError() : this(Common.ErrNo.Unknown, "未知错误") { }

    public ContractError(string message) : this(Common.ErrNo.Unknown, message) { }

    public ContractError(string message, Exception innerException) : base(message, innerException)
    {
        ErrNo = Common.ErrNo.Unknown;
    }

    /// <summary>The seed code, e.g. "4103".</summary>
    public string ErrNo { get; }

    /// <summary>The request field at fault, when there is one.</summary>
    public string? Field { get; }

    /// <summary>4103: <paramref name="field"/> is missing or not what <paramref name="expectation"/> says.</summary>
    public static ContractError BadParameter(string field, string expectation) =>
        new(Common.ErrNo.BadParameter, $"参数错误: {field} {expectation}", field);

    /// <summary>4103 without a single field to blame (e.g. an unreadable body).</summary>
    public static ContractError BadRequest(string detail) =>
        new(Common.ErrNo.BadParameter, $"参数错误: {detail}");

    /// <summary>4002: no <paramref name="what"/> with that id.</summary>
    public static ContractError NotFound(string what, object id) =>
        new(Common.ErrNo.NoSuchRecord, $"无数据: no {what} with id {id}");

    /// <summary>4002 for lookups by name (e.g. 3.3 <c>Meter_Name</c>).</summary>
    public static ContractError NotFoundByName(string what, string name) =>
        new(Common.ErrNo.NoSuchRecord, $"无数据: no {what} named '{name}'");

    /// <summary>4003: a <paramref name="what"/> named <paramref name="name"/> already exists.</summary>
    public static ContractError AlreadyExists(string what, string name) =>
        new(Common.ErrNo.AlreadyExists, $"数据已存在: a {what} named '{name}' already exists");

    /// <summary>4004: the request refers to something missing or breaks a rule.</summary>
    public static ContractError DataError(string message) =>
        new(Common.ErrNo.DataError, $"数据错误: {message}");

    public static ContractError NotLoggedIn() => new(Common.ErrNo.NotLoggedIn, "用户未登录: log in first");

    public static ContractError NoPermission(string? detail = null) =>
        new(Common.ErrNo.NoPermission, detail is null ? "用户权限不足" : $"用户权限不足: {detail}");

    /// <summary>4102: the same answer for an unknown name and a wrong password (CONTRACT §3).</summary>
    public static ContractError LoginFailed() => new(Common.ErrNo.LoginFailed, "用户登录失败: wrong user name or password");

    public static ContractError RateLimited(string? detail = null) =>
        new(Common.ErrNo.RateLimited, detail is null ? "非法请求或请求次数受限" : $"非法请求或请求次数受限: {detail}");
}
