using Energy.Application.Rates;
using Energy.Http.Auth;
using Energy.Http.Contract;
using Energy.Http.Contract.OpenApi;

namespace Energy.Http.Rates;

/// <summary>
/// Seed 4.1/4.2 <c>/api_3/rate</c>. Any logged-in user may change a rate, as for the reporting periods
/// (see <c>SettingsEndpoints</c>): a change never rewrites the past — it applies from the instant it is made —
/// and the event records who made it.
/// </summary>
public static class RateEndpoints
{
    private static readonly ApiFeature Feature = new("Rates", "Seed 4.1/4.2: the tariffs (费率) of each energy type.");

    public static IEndpointRouteBuilder MapRateEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api_3/rate").RequireAuthorization().InFeature(Feature);

        group.MapGet("", async (RateQueries queries, CancellationToken ct) =>
            Envelope.Data((await queries.ListAsync(ct)).Select(RateResponse.From)))
            .WithSummary("4.2 费率查询").AnswersData<RateResponse>();

        group.MapPut("", async (ChangeRateRequest body, RatesHandler handler, HttpContext context, CancellationToken ct) =>
        {
            await handler.ChangeAsync(body.Id, body.ToTerms(), context.Actor(), ct);
            return Envelope.Ok();
        }).WithSummary("4.1 费率修改").AnswersOk();

        return app;
    }
}
