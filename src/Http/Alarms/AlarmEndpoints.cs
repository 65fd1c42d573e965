using Energy.Application.Alarms;
using Energy.Application.Common;
using Energy.Http.Auth;
using Energy.Http.Contract;

namespace Energy.Http.Alarms;

/// <summary>Seed 6.1–6.10: alarms, rules, alarm records and their counts by reporting period.</summary>
public static class AlarmEndpoints
{
    public static IEndpointRouteBuilder MapAlarmEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api_3").RequireAuthorization();
        api.MapGet("/alarm_status", async (HttpContext context, AlarmQueries alarms, CancellationToken ct) =>
        {
            var (rows, total) = await alarms.AlarmsAsync(Query.Paging(context), ct);
            return Envelope.Page(rows.Select(AlarmResponse.From), total);
        });
        api.MapPost("/alarm_status", async (AlarmRequest body, HttpContext context, AlarmHandler alarms, CancellationToken ct) =>
            Envelope.Created(await alarms.DefineAsync(body.ToDetails(), context.Actor(), ct)));
        api.MapPut("/alarm_status", async (AlarmRequest body, HttpContext context, AlarmHandler alarms, CancellationToken ct) =>
        {
            await alarms.ChangeAsync(RequiredId(body.Id), body.ToDetails(), context.Actor(), ct);
            return Envelope.Ok();
        });
        api.MapDelete("/alarm_status", async (HttpContext context, AlarmHandler alarms, CancellationToken ct) =>
        {
            await alarms.DeleteAsync(await Meters.CatalogRequests.DeleteIdAsync(context, ct), context.Actor(), ct);
            return Envelope.Ok();
        });

        api.MapGet("/alarm_status_rules", async (HttpContext context, AlarmQueries alarms, CancellationToken ct) =>
        {
            var alarmId = Query.OptionalString(context, "Alarm_id") is null ? (long?)null : Query.RequiredId(context, "Alarm_id");
            var (rows, total) = await alarms.RulesAsync(alarmId, Query.Paging(context), ct);
            return Envelope.Page(rows.Select(AlarmRuleResponse.From), total);
        });
        api.MapPost("/alarm_status_rules", async (AlarmRuleRequest body, HttpContext context, AlarmRuleHandler rules, CancellationToken ct) =>
            Envelope.Created(await rules.DefineAsync(body.ToDetails(), context.Actor(), ct)));
        api.MapPut("/alarm_status_rules", async (AlarmRuleRequest body, HttpContext context, AlarmRuleHandler rules, CancellationToken ct) =>
        {
            await rules.ChangeAsync(RequiredId(body.Id), body.ToDetails(), context.Actor(), ct);
            return Envelope.Ok();
        });
        api.MapDelete("/alarm_status_rules", async (HttpContext context, AlarmRuleHandler rules, CancellationToken ct) =>
        {
            await rules.DeleteAsync(await Meters.CatalogRequests.DeleteIdAsync(context, ct), context.Actor(), ct);
            return Envelope.Ok();
        });

        // CONTRACT §8: 6.9 is served on GET; the seed's DELETE spelling is accepted too (and deletes nothing).
        api.MapMethods("/alarm_message", [HttpMethods.Get, HttpMethods.Delete], AlarmRecordEndpoints.ListAsync);
        api.MapGet("/alarm_statistic_nums", AlarmRecordEndpoints.StatisticAsync);
        return app;
    }

    private static long RequiredId(long? id) =>
        id is > 0 ? id.Value : throw ContractError.BadParameter("id", id is null ? "is required" : $"must be a positive integer id, got {id}");
}
