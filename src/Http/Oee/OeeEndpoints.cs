using Energy.Application.Common;
using Energy.Application.Oee;
using Energy.Domain.Calendar;
using Energy.Http.Auth;
using Energy.Http.Contract;
using Energy.Http.Contract.OpenApi;
using Energy.Http.Meters;

namespace Energy.Http.Oee;

/// <summary>Seed 7.1–7.6: OEE status rules, a machine's status records and its seconds per status.</summary>
public static class OeeEndpoints
{
    /// <summary>Statuses counted as running for (ext) <c>Availability</c>, comma separated (CONTRACT §7).</summary>
    public const string RunningStatusesKey = "Energy:Oee:RunningStatuses";

    private static readonly ApiFeature Feature = new("OEE", "Seed 7.1–7.6: OEE status rules, a machine's status records and its time per status.");

    public static IEndpointRouteBuilder MapOeeEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api_3").RequireAuthorization().InFeature(Feature);
        api.MapGet("/OEE_status_rules", async (HttpContext context, OeeRuleQueries rules, CancellationToken ct) =>
        {
            long? machineId = Query.OptionalString(context, "Meter_Superior_id") is null ? null : Query.RequiredId(context, "Meter_Superior_id");
            var (rows, total) = await rules.ListAsync(machineId, Query.Paging(context), ct);
            return Envelope.Page(rows.Select(OeeRuleResponse.From), total);
        }).WithSummary("7.1 获取OEE规则").SeedPaging()
            .SeedQuery("Meter_Superior_id", SeedType.Id, description: "(ext) only this machine's rules")
            .AnswersPage<OeeRuleResponse>();
        api.MapPost("/OEE_status_rules", async (OeeRuleRequest body, HttpContext context, OeeRuleHandler rules, CancellationToken ct) =>
            Envelope.Created(await rules.AddAsync(body.ToDetails(), context.Actor(), ct)))
            .WithSummary("7.2 添加OEE规则").AnswersCreated();
        api.MapPut("/OEE_status_rules", async (ChangeOeeRuleRequest body, HttpContext context, OeeRuleHandler rules, CancellationToken ct) =>
        {
            await rules.ChangeAsync(body.Id, body.ToDetails(), context.Actor(), ct);
            return Envelope.Ok();
        }).WithSummary("7.3 修改OEE规则").AnswersOk();
        api.MapDelete("/OEE_status_rules", async (HttpContext context, OeeRuleHandler rules, CancellationToken ct) =>
        {
            await rules.RemoveAsync(await CatalogRequests.DeleteIdAsync(context, ct), context.Actor(), ct);
            return Envelope.Ok();
        }).WithSummary("7.4 删除OEE规则").SeedDeleteId().AnswersOk();
        api.MapGet("/OEE_statistic_records", async (HttpContext context, OeeQueries oee, PlantTime clock, CancellationToken ct) =>
        {
            var rows = await oee.RecordsAsync(Query.RequiredId(context, "Meter_Superior_id"),
                Query.RequiredTime(context, "Time_Start"), Query.RequiredTime(context, "Time_End"), ct);
            return Envelope.Data(rows.Select(r => new OeeRecordResponse(clock.Format(r.Time), r.StatusName)));
        }).WithSummary("7.5 获取OEE时间段内的状态记录")
            .SeedQuery("Meter_Superior_id", SeedType.Id, required: true, description: "机器筛选: the machine")
            .SeedQuery("Time_Start", SeedType.Time, required: true, description: "查询开始时间")
            .SeedQuery("Time_End", SeedType.Time, required: true, description: "查询结束时间")
            .AnswersData<OeeRecordResponse>();
        api.MapGet("/OEE_statistic", StatisticsAsync).WithSummary("7.6 获取OEE状态时间的统计(年月日)")
            .SeedQuery("Time_Type", SeedType.Int, required: true, description: "时间类型: 1 year, 2 month, 3 day")
            .SeedQuery("Return_Format", SeedType.Int, required: true, description: "1 totals, 2 per interval (a day query gives each hour)")
            .SeedQuery("Meter_Superior_id", SeedType.Id, required: true, description: "机器筛选: the machine")
            .SeedQuery("Time_Start", SeedType.Time, required: true, description: "查询开始时间")
            .SeedQuery("Time_End", SeedType.Time, required: true, description: "查询结束时间")
            .AnswersData<OeeStatisticResponse>();
        return app;
    }

    private static async Task<IResult> StatisticsAsync(HttpContext context, OeeQueries oee, PlantTime clock, IConfiguration configuration, CancellationToken ct)
    {
        var timeType = Query.RequiredInt(context, "Time_Type");
        if (!Enum.IsDefined((TimeType)timeType))
        {
            throw ContractError.BadParameter("Time_Type", $"must be 1 (year), 2 (month) or 3 (day), got {timeType}");
        }

        var format = Query.RequiredInt(context, "Return_Format");
        if (format is not (1 or 2))
        {
            throw ContractError.BadParameter("Return_Format", $"must be 1 (totals) or 2 (per interval), got {format}");
        }

        var running = ParameterList.Split(configuration[RunningStatusesKey] ?? "运行").ToHashSet(StringComparer.Ordinal);
        var rows = await oee.StatisticsAsync(Query.RequiredId(context, "Meter_Superior_id"), (TimeType)timeType,
            Query.RequiredTime(context, "Time_Start"), Query.RequiredTime(context, "Time_End"), format == 2, running, ct);
        return Envelope.Data(rows.Select(r => new OeeStatisticResponse(clock.Format(r.Time), r.Seconds, r.StatusName, r.Availability)));
    }
}
