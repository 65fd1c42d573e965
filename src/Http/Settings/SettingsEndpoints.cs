using Energy.Application.Settings;
using Energy.Http.Auth;
using Energy.Http.Contract;
using Energy.Http.Contract.OpenApi;

namespace Energy.Http.Settings;

/// <summary>
/// Seed 4.3/4.4 (<c>/api_3/personalise</c>) and (ext) <c>/api_3/shifts</c>. Any logged-in user may change them,
/// as the seed's clients do today: CONTRACT §1 asks only for a login under /api_3, restricting them would refuse
/// existing clients' non-admin users (4105 where they got 0), and each change is an event carrying the user's name.
/// </summary>
public static class SettingsEndpoints
{
    private static readonly ApiFeature Feature = new("Settings", "Seed 4.3/4.4: the reporting periods (个性化设置), and (ext) the shifts.");

    public static IEndpointRouteBuilder MapSettingsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api_3").RequireAuthorization().InFeature(Feature);

        group.MapGet("/personalise", async (SettingsQueries queries, CancellationToken ct) =>
            Envelope.Single(ReportingPeriodsResponse.From(await queries.ReportingPeriodsAsync(ct))))
            .WithSummary("4.3 查询个性化设置").AnswersData<ReportingPeriodsResponse>();

        group.MapPut("/personalise", async (ChangeReportingPeriodsRequest body, ReportingPeriodsHandler handler, HttpContext context, CancellationToken ct) =>
        {
            var periods = ReportingPeriodsInput.Parse(body.YearStart, body.YearEnd, body.MonthStart, body.MonthEnd, body.DayStart, body.DayEnd);
            await handler.ChangeAsync(periods, context.Actor(), ct);
            return Envelope.Ok();
        }).WithSummary("4.4 修改个性化设置").AnswersOk();

        group.MapGet("/shifts", async (SettingsQueries queries, CancellationToken ct) =>
            Envelope.Data((await queries.ShiftsAsync(ct)).Shifts.Select(ShiftBody.From)))
            .WithSummary("(ext) The shifts").AnswersData<ShiftBody>();

        group.MapPut("/shifts", async (List<ShiftBody> body, ShiftsHandler handler, HttpContext context, CancellationToken ct) =>
        {
            await handler.ChangeAsync(body.Select(s => s.ToInput()).ToList(), context.Actor(), ct);
            return Envelope.Ok();
        }).WithSummary("(ext) Replace the shifts").AnswersOk();

        return app;
    }
}
