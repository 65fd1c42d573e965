using System.Text.Json.Serialization;
using Energy.Application.Common;
using Energy.Application.Readings;
using Energy.Http.Auth;
using Energy.Http.Contract;
using Energy.Http.Contract.OpenApi;

namespace Energy.Http.Readings;

/// <summary>Seed 5.6 添加填报数据: <c>Date_Type</c> "2" month, "3" day; <c>Data_Amount</c> the consumption of that period.</summary>
public sealed record ManualEnergyMeasureRequest(
    [property: JsonPropertyName("Meter_id")] long MeterId,
    [property: JsonPropertyName("Date_Time")] string DateTime,
    [property: JsonPropertyName("Date_Type")] string DateType,
    [property: JsonPropertyName("Data_Amount")] decimal DataAmount);

public static class ReadingEndpoints
{
    private static readonly ApiFeature Feature = new("Readings", "Seed 5.6: hand-filled consumption, and (ext) devices whose readings no meter is bound to.");

    public static IEndpointRouteBuilder MapReadingEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api_3").RequireAuthorization().InFeature(Feature);
        api.MapGet("/unbound_devices", UnboundDevicesAsync).WithSummary("(ext) Device numbers with readings that no live meter is bound to")
            .SeedPaging().AnswersPage<UnboundDeviceView>();
        api.MapPost("/PRP_manual_energy_measure_datas", ManualFillAsync).WithSummary("5.6 添加填报数据").AnswersOk();
        return app;
    }

    /// <summary>(ext) CONTRACT §4: device numbers with readings that no live meter is bound to.</summary>
    private static async Task<IResult> UnboundDevicesAsync(HttpContext context, ReadingQueries queries, PlantTime plantTime, CancellationToken ct)
    {
        var (rows, total) = await queries.UnboundDevicesAsync(Query.Paging(context), ct);
        return Envelope.Page(rows.Select(r => new UnboundDeviceView(
            r.Device,
            plantTime.Format(new DateTimeOffset(DateTime.SpecifyKind(r.FirstReadAt, DateTimeKind.Utc))),
            plantTime.Format(new DateTimeOffset(DateTime.SpecifyKind(r.LastReadAt, DateTimeKind.Utc))),
            r.Readings)), total);
    }

    private static async Task<IResult> ManualFillAsync(ManualEnergyMeasureRequest request, ManualConsumptionHandler handler, HttpContext context, CancellationToken ct)
    {
        await handler.RecordAsync(new RecordManualFill(request.MeterId, request.DateTime, request.DateType, request.DataAmount), context.Actor(), ct);
        return Envelope.Ok();
    }

    private sealed record UnboundDeviceView(
        [property: JsonPropertyName("Meter_Code")] string MeterCode,
        [property: JsonPropertyName("First_Reading_Time")] string FirstReadingTime,
        [property: JsonPropertyName("Last_Reading_Time")] string LastReadingTime,
        [property: JsonPropertyName("Reading_Counts")] long ReadingCounts);
}
