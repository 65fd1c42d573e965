using Energy.Application.Common;
using Energy.Application.Meters;
using Energy.Http.Auth;
using Energy.Http.Contract;

namespace Energy.Http.Meters;

/// <summary>Seed 2.1–2.4: meters, and a meter as it was at a time.</summary>
public static class MeterEndpoints
{
    public static IEndpointRouteBuilder MapMeterEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api_3").RequireAuthorization();
        api.MapGet("/meters", ListAsync);
        api.MapPost("/meters", async (MeterRequest body, HttpContext context, MeterHandler meters, CancellationToken ct) =>
            Envelope.Created(await meters.RegisterAsync(body.ToInput(), context.Actor(), ct)));
        api.MapPut("/meters", async (MeterRequest body, HttpContext context, MeterHandler meters, CancellationToken ct) =>
        {
            var id = body.Id is { } given and > 0 ? given : throw ContractError.BadParameter("id", "is required (a positive integer)");
            await meters.ChangeAsync(id, body.ToInput(), context.Actor(), ct);
            return Envelope.Ok();
        });
        api.MapDelete("/meters", async (HttpContext context, MeterHandler meters, CancellationToken ct) =>
        {
            await meters.DeleteAsync(await CatalogRequests.DeleteIdAsync(context, ct), context.Actor(), ct);
            return Envelope.Ok();
        });
        api.MapGet("/audit/meters/{id}", async (string id, HttpContext context, MeterListQueries meters, CancellationToken ct) =>
        {
            var meterId = CatalogRequests.RouteId(id);
            var asOf = Query.RequiredTime(context, "As_Of");
            var meter = await meters.AsOfAsync(meterId, asOf, ct) ?? throw ContractError.NotFound("meter (at As_Of)", meterId);
            return Envelope.Single(MeterResponse.From(meter));
        });
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
