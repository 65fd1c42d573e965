using Energy.Application.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Energy.Http.Contract;

/// <summary>
/// Every api/api_3 response (CONTRACT §1 Envelope): <c>{"Err_No":"0","Err_Msg":"ok"}</c>, plus
/// <c>"Data":[...]</c> when there is data and <c>"Total_Numbers"</c> on list queries.
/// </summary>
public static class Envelope
{
    public const string OkMessage = "ok";

    /// <summary><c>{"Err_No":"0","Err_Msg":"ok"}</c>.</summary>
    public static IResult Ok() => Write(new EnvelopeBody<object>(ErrNo.Ok, OkMessage), StatusCodes.Status200OK);

    /// <summary>Success with <c>Data</c>; a single row is still an array, as in the seed.</summary>
    public static IResult Data<T>(IEnumerable<T> items) =>
        Write(new EnvelopeBody<T>(ErrNo.Ok, OkMessage, Materialize(items)), StatusCodes.Status200OK);

    /// <summary>Success with one row, written as <c>"Data":[row]</c>.</summary>
    public static IResult Single<T>(T item) => Data([item]);

    /// <summary>A list query: one page of <c>Data</c> and the count of all matches before paging.</summary>
    public static IResult Page<T>(IEnumerable<T> items, long total) =>
        Write(new EnvelopeBody<T>(ErrNo.Ok, OkMessage, Materialize(items), total), StatusCodes.Status200OK);

    /// <summary>A create: <c>"Data":[{"id":&lt;id&gt;}]</c>.</summary>
    public static IResult Created(long id) => Data([new CreatedId(id)]);

    /// <summary>An error envelope with the status <see cref="ErrNoStatus"/> maps the code to.</summary>
    public static IResult Error(string errNo, string message) => Error(errNo, message, ErrNoStatus.Of(errNo));

    /// <summary>An error envelope with an explicit status, for the rare edge case that needs another (413).</summary>
    public static IResult Error(string errNo, string message, int status) =>
        Write(new EnvelopeBody<object>(errNo, message), status);

    public static IResult Error(ContractError error) => Error(error.ErrNo, error.Message);

    /// <summary>4101/401, for authentication challenges (cookie and bearer events).</summary>
    public static IResult NotLoggedIn() => Error(ContractError.NotLoggedIn());

    /// <summary>4105/403, for authorization refusals.</summary>
    public static IResult NoPermission() => Error(ContractError.NoPermission());

    private static List<T> Materialize<T>(IEnumerable<T> items) => items as List<T> ?? items.ToList();

    // Options come from the HTTP JSON options (ContractJson): seed names verbatim, Chinese unescaped.
    private static JsonHttpResult<EnvelopeBody<T>> Write<T>(EnvelopeBody<T> body, int status) =>
        TypedResults.Json(body, options: null, contentType: "application/json; charset=utf-8", statusCode: status);
}
