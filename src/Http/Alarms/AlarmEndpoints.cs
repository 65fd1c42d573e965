using Energy.Application.Alarms;
using Energy.Application.Common;
using Energy.Http.Auth;
using Energy.Http.Contract;
using Energy.Http.Contract.OpenApi;
using Energy.Http.Meters;

namespace Energy.Http.Alarms;

/// <summary>Seed 6.1–6.10: alarms, rules, alarm records and their counts by reporting period.</summary>
public static class AlarmEndpoints
{
    private static readonly ApiFeature Feature = new("Alarms", "Seed 6.1–6.10: alarms (报警状态), their rules, alarm records and their counts by period.");

    public static IEndpointRouteBuilder MapAlarmEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api_3").RequireAuthorization().InFeature(Feature);
        api.MapGet("/alarm_status", async (HttpContext context, AlarmQueries alarms, CancellationToken ct) =>
        {
            var (rows, total) = await alarms.AlarmsAsync(Query.Paging(context), ct);
            return Envelope.Page(rows.Select(AlarmResponse.From), total);
        }).WithSummary("6.1 获取报警状态").SeedPaging().AnswersPage<AlarmResponse>();
        api.MapPost("/alarm_status", async (AlarmRequest body, HttpContext context, AlarmHandler alarms, CancellationToken ct) =>
            Envelope.Created(await alarms.DefineAsync(body.ToDetails(), context.Actor(), ct)))
            .WithSummary("6.2 添加报警状态").AnswersCreated();
        api.MapPut("/alarm_status", async (AlarmRequest body, HttpContext context, AlarmHandler alarms, CancellationToken ct) =>
        {
            await alarms.ChangeAsync(RequiredId(body.Id), body.ToDetails(), context.Actor(), ct);
            return Envelope.Ok();
        }).WithSummary("6.3 修改报警状态").AnswersOk();
        api.MapDelete("/alarm_status", async (HttpContext context, AlarmHandler alarms, CancellationToken ct) =>
        {
            await alarms.DeleteAsync(await CatalogRequests.DeleteIdAsync(context, ct), context.Actor(), ct);
            return Envelope.Ok();
        }).WithSummary("6.4 删除报警状态").SeedDeleteId().AnswersOk();

        api.MapGet("/alarm_status_rules", async (HttpContext context, AlarmQueries alarms, CancellationToken ct) =>
        {
            var alarmId = Query.OptionalString(context, "Alarm_id") is null ? (long?)null : Query.RequiredId(context, "Alarm_id");
            var (rows, total) = await alarms.RulesAsync(alarmId, Query.Paging(context), ct);
            return Envelope.Page(rows.Select(AlarmRuleResponse.From), total);
        }).WithSummary("6.5 获取报警状态规则").SeedPaging()
            .SeedQuery("Alarm_id", SeedType.Id, description: "筛选, 传报警状态主键id: only the rules of this alarm")
            .AnswersPage<AlarmRuleResponse>();
        api.MapPost("/alarm_status_rules", async (AlarmRuleRequest body, HttpContext context, AlarmRuleHandler rules, CancellationToken ct) =>
            Envelope.Created(await rules.DefineAsync(body.ToDetails(), context.Actor(), ct)))
            .WithSummary("6.6 添加报警状态规则").AnswersCreated();
        api.MapPut("/alarm_status_rules", async (AlarmRuleRequest body, HttpContext context, AlarmRuleHandler rules, CancellationToken ct) =>
        {
            await rules.ChangeAsync(RequiredId(body.Id), body.ToDetails(), context.Actor(), ct);
            return Envelope.Ok();
        }).WithSummary("6.7 修改报警状态规则").AnswersOk();
        api.MapDelete("/alarm_status_rules", async (HttpContext context, AlarmRuleHandler rules, CancellationToken ct) =>
        {
            await rules.DeleteAsync(await CatalogRequests.DeleteIdAsync(context, ct), context.Actor(), ct);
            return Envelope.Ok();
        }).WithSummary("6.8 删除报警状态规则").SeedDeleteId().AnswersOk();

        // CONTRACT §8: 6.9 is served on GET; the seed's DELETE spelling is accepted too (and deletes nothing).
        api.MapMethods("/alarm_message", [HttpMethods.Get, HttpMethods.Delete], AlarmRecordEndpoints.ListAsync)
            .WithSummary("6.9 获取报警记录")
            .WithDescription("Served on GET (CONTRACT §8); the seed's DELETE spelling answers the same and deletes nothing.")
            .SeedPaging().SeedAlarmRecordQuery().AnswersPage<AlarmRecordResponse>();
        api.MapGet("/alarm_statistic_nums", AlarmRecordEndpoints.StatisticAsync)
            .WithSummary("6.10 获取报警个数的统计(年月日)").SeedAlarmStatisticQuery().AnswersData<AlarmCountResponse>();
        return app;
    }

    private static long RequiredId(long? id) =>
        id is > 0 ? id.Value : throw ContractError.BadParameter("id", id is null ? "is required" : $"must be a positive integer id, got {id}");
}
