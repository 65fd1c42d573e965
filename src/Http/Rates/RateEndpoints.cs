using Energy.Application.Rates;
using Energy.Http.Auth;
using Energy.Http.Contract;

namespace Energy.Http.Rates;

/// <summary>
/// Seed 4.1/4.2 <c>/api_3/rate</c>. Any logged-in user may change a rate, as for the reporting periods
/// (see <c>SettingsEndpoints</c>): a change never rewrites the past — it applies from the instant it is made —
/// and the event records who made it.
/// </summary>
public static class RateEndpoints
{
    public static IEndpointRouteBuilder MapRateEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api_3/rate").RequireAuthorization();

        group.MapGet("", async (RateQueries queries, CancellationToken ct) =>
            Envelope.Data((await queries.ListAsync(ct)).Select(RateResponse.From)));

        group.MapPut("", async (ChangeRateRequest body, RatesHandler handler, HttpContext context, CancellationToken ct) =>
        {
            await handler.ChangeAsync(body.Id, body.ToTerms(), context.Actor(), ct);
            return Envelope.Ok();
        });

        return app;
    }
}
