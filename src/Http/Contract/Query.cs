using System.Globalization;
using Energy.Application.Common;

namespace Energy.Http.Contract;

/// <summary>
/// Typed reads of the query string under the seed's parameter names. A missing required value or a
/// value of the wrong form → 4103 naming the parameter, so endpoints need no checks of their own.
/// Blank values count as absent, as the seed's clients send <c>Meter_Name=</c> for "no filter".
/// </summary>
/// <remarks>
/// Prefer these to <c>[FromQuery] int x</c> binding: the framework's binding failures name the C#
/// parameter, not the seed's field.
/// </remarks>
public static class Query
{
    public static string? OptionalString(HttpContext context, string name)
    {
        var value = context.Request.Query[name].ToString().Trim();
        return value.Length == 0 ? null : value;
    }

    public static string RequiredString(HttpContext context, string name) =>
        OptionalString(context, name) ?? throw ContractError.BadParameter(name, "is required");

    public static int? OptionalInt(HttpContext context, string name) =>
        OptionalString(context, name) is { } text
            ? int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw ContractError.BadParameter(name, $"must be an integer, got \"{text}\"")
            : null;

    public static int RequiredInt(HttpContext context, string name) =>
        OptionalInt(context, name) ?? throw ContractError.BadParameter(name, "is required (an integer)");

    /// <summary>A record id: a positive integer (CONTRACT §1 Ids).</summary>
    public static long RequiredId(HttpContext context, string name = "id")
    {
        var text = RequiredString(context, name);
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : throw ContractError.BadParameter(name, $"must be a positive integer id, got \"{text}\"");
    }

    public static decimal? OptionalDecimal(HttpContext context, string name) =>
        OptionalString(context, name) is { } text
            ? decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw ContractError.BadParameter(name, $"must be a number, got \"{text}\"")
            : null;

    /// <summary>A seed flag, "0" or "1".</summary>
    public static bool? OptionalFlag(HttpContext context, string name) => OptionalString(context, name) switch
    {
        null => null,
        "1" => true,
        "0" => false,
        var text => throw ContractError.BadParameter(name, $"must be \"0\" or \"1\", got \"{text}\""),
    };

    /// <summary>A time in plant wall clock or ISO-8601, as a UTC instant (CONTRACT §1 Time).</summary>
    public static DateTimeOffset? OptionalTime(HttpContext context, string name) =>
        OptionalString(context, name) is { } text ? Clock(context).Parse(text, name) : null;

    public static DateTimeOffset RequiredTime(HttpContext context, string name) =>
        Clock(context).Parse(RequiredString(context, name), name);

    /// <summary>A comma separated list (ASCII or full-width commas); empty when absent.</summary>
    public static IReadOnlyList<string> List(HttpContext context, string name) =>
        ParameterList.Split(context.Request.Query[name].ToString());

    public static IReadOnlyList<int> IntList(HttpContext context, string name) =>
        ParameterList.SplitInts(context.Request.Query[name].ToString(), name);

    /// <summary><c>Per_Page_Counts</c> and <c>Page_Counts</c> (CONTRACT §1 Paging).</summary>
    public static Paging Paging(HttpContext context) =>
        Application.Common.Paging.From(OptionalInt(context, Application.Common.Paging.PerPageField),
            OptionalInt(context, Application.Common.Paging.PageField));

    private static PlantTime Clock(HttpContext context) =>
        context.RequestServices.GetRequiredService<PlantTime>();
}
