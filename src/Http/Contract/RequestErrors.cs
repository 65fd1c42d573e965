using System.Text.Json;
using System.Text.RegularExpressions;
using Energy.Application.Common;

namespace Energy.Http.Contract;

/// <summary>
/// Turns the framework's complaints about a request (unreadable JSON, a value of the wrong type,
/// a missing body, an unbindable query value) into 4103 errors that name the field when it is known.
/// </summary>
public static partial class RequestErrors
{
    /// <summary>The contract error for <paramref name="exception"/>, or null when it is not about the request.</summary>
    public static ContractError? Translate(Exception exception) => exception switch
    {
        ContractError error => error,
        JsonException json => FromJson(json),
        BadHttpRequestException { InnerException: JsonException json } => FromJson(json),
        BadHttpRequestException bad => FromBadRequest(bad),
        _ => null,
    };

    public static ContractError FromJson(JsonException exception)
    {
        var field = ContractJson.FieldOf(exception);
        var message = exception.Message;

        var missing = MissingProperties().Match(message);
        if (missing.Success)
        {
            return ContractError.BadParameter(missing.Groups["names"].Value.Replace("'", "", StringComparison.Ordinal), "is required");
        }

        if (field is null)
        {
            return ContractError.BadRequest($"the body is not valid JSON (line {exception.LineNumber + 1}, position {exception.BytePositionInLine + 1})");
        }

        if (exception is ContractValueException)
        {
            return ContractError.BadParameter(field, message);
        }

        var converted = ConvertedTo().Match(message);
        if (converted.Success)
        {
            return ContractError.BadParameter(field, Expectation(converted.Groups["type"].Value));
        }

        return message.Contains("null", StringComparison.OrdinalIgnoreCase)
            ? ContractError.BadParameter(field, "must not be null")
            : ContractError.BadParameter(field, "is not valid JSON here");
    }

    private static ContractError FromBadRequest(BadHttpRequestException exception)
    {
        var message = exception.Message;
        var bind = FailedToBind().Match(message);
        if (bind.Success)
        {
            return ContractError.BadParameter(bind.Groups["name"].Value, $"has a bad value \"{bind.Groups["value"].Value}\"");
        }

        var required = RequiredParameter().Match(message);
        if (required.Success && !message.Contains("from body", StringComparison.Ordinal))
        {
            return ContractError.BadParameter(required.Groups["name"].Value, "is required");
        }

        return exception.StatusCode switch
        {
            StatusCodes.Status415UnsupportedMediaType => ContractError.BadRequest("the body must be JSON (Content-Type: application/json)"),
            _ when message.Contains("body", StringComparison.OrdinalIgnoreCase) => ContractError.BadRequest("a JSON body is required"),
            _ => ContractError.BadRequest("the request could not be read"),
        };
    }

    private static string Expectation(string clrType) => clrType switch
    {
        _ when clrType.Contains("Int", StringComparison.Ordinal) => "must be an integer",
        _ when clrType.Contains("Decimal", StringComparison.Ordinal)
            || clrType.Contains("Double", StringComparison.Ordinal)
            || clrType.Contains("Single", StringComparison.Ordinal) => "must be a number",
        _ when clrType.Contains("Boolean", StringComparison.Ordinal) => "must be true or false",
        _ when clrType.Contains("Date", StringComparison.Ordinal) => "must be a time like \"2019-04-01 00:00:00\"",
        _ when clrType.Contains("String", StringComparison.Ordinal) => "must be a string",
        _ when clrType.Contains("[]", StringComparison.Ordinal) || clrType.Contains("List", StringComparison.Ordinal) => "must be an array",
        _ => "has the wrong type",
    };

    [GeneratedRegex(@"could not be converted to (?<type>.+?)\. Path:")]
    private static partial Regex ConvertedTo();

    [GeneratedRegex(@"missing required properties,? including: (?<names>.+?)\.?$")]
    private static partial Regex MissingProperties();

    [GeneratedRegex("Failed to bind parameter \"\\S+ (?<name>[^\"]+)\" from \"(?<value>[^\"]*)\"")]
    private static partial Regex FailedToBind();

    [GeneratedRegex("Required parameter \"\\S+ (?<name>[^\"]+)\" was not provided")]
    private static partial Regex RequiredParameter();
}
