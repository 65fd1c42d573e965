using System.Globalization;
using System.Text.Json.Serialization;
using Energy.Application.Common;
using Energy.Application.Measurements;
using Energy.Domain.Calendar;
using Energy.Http.Contract;
using Energy.Http.Contract.OpenApi;

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
    private static readonly ApiFeature Feature = new("Measurements", "Seed 3.3: a meter's measured values (测点数据) over time.");

    public static IEndpointRouteBuilder MapMeasureEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api_3/measure", MeasureAsync).RequireAuthorization().InFeature(Feature).WithSummary("3.3 测点数据查询")
            .SeedQuery("Time_Type", SeedType.Int, required: true, description: "时间类型: 1 year, 2 month, 3 day")
            .SeedQuery("Meter_Name", SeedType.String, required: true, description: "仪表名称")
            .SeedQuery("Time_Start", SeedType.Time, required: true, description: "查询开始时间")
            .SeedQuery("Time_End", SeedType.Time, required: true, description: "查询结束时间, after Time_Start")
            .SeedQuery("Time_Interval", SeedType.Int, description: "查询时间间隔: months for a year query (default 1), days for a month (1), minutes for a day (60); at most 10000 points")
            .SeedQuery("Measure_Name", SeedType.List, description: "测点名称: the measuring points, default all")
            .AnswersPage<MeasureRow>();
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
