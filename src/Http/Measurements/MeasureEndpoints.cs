using System.Globalization;
using System.Text.Json.Serialization;
using Energy.Application.Common;
using Energy.Application.Measurements;
using Energy.Domain.Calendar;
using Energy.Http.Contract;

namespace Energy.Http.Measurements;

/// <summary>
/// A 3.3 row. The seed spells the time field <c>TIme</c>; it is kept verbatim for existing clients (the contract
/// keeps field names verbatim, and the JSON options match names case-insensitively, so no <c>Time</c> beside it).
/// </summary>
public sealed record MeasureRow(
    [property: JsonPropertyName("TIme")] string Time,
    [property: JsonPropertyName("Measure_Name")] string Name,
    [property: JsonPropertyName("Measure_Value")] string Value);

public static class MeasureEndpoints
{
    public static IEndpointRouteBuilder MapMeasureEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api_3/measure", MeasureAsync).RequireAuthorization();
        return app;
    }

    private static async Task<IResult> MeasureAsync(HttpContext context, MeasureQueries queries, PlantTime plantTime, CancellationToken ct)
    {
        var type = Query.RequiredInt(context, "Time_Type") is var t and >= 1 and <= 3
            ? (TimeType)t
            : throw ContractError.BadParameter("Time_Type", "1 (year), 2 (month) or 3 (day)");
        var start = Query.RequiredTime(context, "Time_Start");
        var end = Query.RequiredTime(context, "Time_End");
        if (end <= start)
        {
            throw ContractError.BadParameter("Time_End", "a time after Time_Start");
        }

        var interval = Query.OptionalInt(context, "Time_Interval");
        if (type == TimeType.Day && interval is { } minutes && (end - start).TotalMinutes / minutes > 10_000)
        {
            throw ContractError.BadParameter("Time_Interval", "at most 10000 points per query; use a longer interval or a shorter window");
        }

        var points = await queries.QueryAsync(type, start, end, interval, Query.RequiredString(context, "Meter_Name"), Query.List(context, "Measure_Name"), ct);
        var rows = points.Select(p =>
        {
            return new MeasureRow(plantTime.Format(p.Time), p.Parameter, p.Value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "");
        }).ToArray();
        return Envelope.Page(rows, rows.Length);
    }
}
