using Energy.Application.Common;
using Energy.Application.Meters;
using Energy.Http.Auth;
using Energy.Http.Contract;
using Energy.Http.Contract.OpenApi;

namespace Energy.Http.Meters;

/// <summary>Seed 2.1–2.4: meters, and a meter as it was at a time.</summary>
public static class MeterEndpoints
{
    private static readonly ApiFeature Feature = new("Meters", "Seed 2.1–2.4: meters, and (ext) a meter as it was at a time.");

    public static IEndpointRouteBuilder MapMeterEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api_3").RequireAuthorization().InFeature(Feature);
        api.MapGet("/meters", ListAsync).WithSummary("2.3 获取仪表信息")
            .SeedQuery("id", SeedType.Id, description: "仪表主键: only this meter")
            .SeedQuery("Meter_Type", SeedType.Int, description: "根据仪表类型筛选: an energy type code 0–8 (CONTRACT §2)")
            .SeedQuery("Meter_Superior", SeedType.String, description: "根据所属机器的名称筛选: the machine's name")
            .SeedQuery("Is_HandWork", SeedType.Int, description: "根据是否手工填报筛选: 1 hand-filled meters, 0 the others")
            .SeedQuery("Meter_IsCount", SeedType.Flag, description: "根据是否需要统计筛选: \"1\" counted meters, \"0\" the others")
            .SeedQuery("Meter_Code", SeedType.String, description: "(ext) the meter bound to this device number")
            .SeedPaging().AnswersPage<MeterResponse>();
        api.MapPost("/meters", async (MeterRequest body, HttpContext context, MeterHandler meters, CancellationToken ct) =>
            Envelope.Created(await meters.RegisterAsync(body.ToInput(), context.Actor(), ct)))
            .WithSummary("2.1 新增仪表").AnswersCreated();
        api.MapPut("/meters", async (MeterRequest body, HttpContext context, MeterHandler meters, CancellationToken ct) =>
        {
            var id = body.Id is { } given and > 0 ? given : throw ContractError.BadParameter("id", "is required (a positive integer)");
            await meters.ChangeAsync(id, body.ToInput(), context.Actor(), ct);
            return Envelope.Ok();
        }).WithSummary("2.2 修改仪表").AnswersOk();
        api.MapDelete("/meters", async (HttpContext context, MeterHandler meters, CancellationToken ct) =>
        {
            await meters.DeleteAsync(await CatalogRequests.DeleteIdAsync(context, ct), context.Actor(), ct);
            return Envelope.Ok();
        }).WithSummary("2.4 删除仪表").SeedDeleteId().AnswersOk();
        api.MapGet("/audit/meters/{id}", async (string id, HttpContext context, MeterListQueries meters, CancellationToken ct) =>
        {
            var meterId = CatalogRequests.RouteId(id);
            var asOf = Query.RequiredTime(context, "As_Of");
            var meter = await meters.AsOfAsync(meterId, asOf, ct) ?? throw ContractError.NotFound("meter (at As_Of)", meterId);
            return Envelope.Single(MeterResponse.From(meter));
        }).WithSummary("(ext) A meter as it was at a time")
            .SeedQuery("As_Of", SeedType.Time, required: true, description: "the time to show the meter at")
            .AnswersData<MeterResponse>();
        return app;
    }

    /// <summary>2.3 with every filter: id, Meter_Type, Meter_Superior (machine name), Is_HandWork, Meter_IsCount, (ext) Meter_Code.</summary>
    private static async Task<IResult> ListAsync(HttpContext context, MeterListQueries meters, CancellationToken ct)
    {
        var filter = new MeterFilter(
            Query.OptionalString(context, "id") is null ? null : Query.RequiredId(context),
            Query.OptionalString(context, "Meter_Type") is { } type ? MeterRequest.EnergyType(type) : null,
            Query.OptionalString(context, "Meter_Superior"),
            MeterRequest.HandWork(Query.OptionalInt(context, "Is_HandWork")),
            Query.OptionalFlag(context, "Meter_IsCount"),
            Query.OptionalString(context, "Meter_Code"));
        var (rows, total) = await meters.ListAsync(filter, Query.Paging(context), ct);
        return Envelope.Page(rows.Select(MeterResponse.From), total);
    }
}
