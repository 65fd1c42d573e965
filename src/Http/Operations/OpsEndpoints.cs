using Energy.Application.Common;
using Energy.Application.EventStore;
using Energy.Http.Auth;
using Energy.Http.Contract;
using Energy.Http.Contract.OpenApi;

namespace Energy.Http.Operations;

/// <summary>Operators' view of the read models (ext, issue 7): how current each is, and rebuilds without downtime.</summary>
public static class OpsEndpoints
{
    private static readonly ApiFeature Feature = new("Operations", "(ext) Read models for operators: how current each projection is, and rebuilds without downtime.");

    public static IEndpointRouteBuilder MapOpsEndpoints(this IEndpointRouteBuilder app)
    {
        var ops = app.MapGroup("/api_3/ops/projections").RequireAuthorization().InFeature(Feature);
        ops.MapGet("/", ListAsync).WithSummary("(ext) The projections and reactors, and how far each has read the log")
            .AnswersPage<ProjectionAnswer>();
        ops.MapPost("/{name}/rebuild", RebuildAsync).RequireAuthorization(AuthPolicies.Admin)
            .WithSummary("(ext) Rebuild a projection beside the live one").AnswersOk();
        return app;
    }

    private static async Task<IResult> ListAsync(ProjectionOperations operations, InlineProjectionRebuild inline, CancellationToken ct)
    {
        var statuses = await operations.StatusAsync(ct);
        var highWater = statuses.Count > 0 ? statuses[0].HighWater : 0;
        var rows = statuses.Select(ProjectionAnswer.From).Concat(inline.Names.Select(n => ProjectionAnswer.Inline(n, highWater))).ToArray();
        return Envelope.Page(rows, rows.Length);
    }

    /// <summary>
    /// Asynchronous projections are rebuilt blue/green beside their live tables (queries keep reading the old tables);
    /// inline ones are replayed at once in one transaction. Reactors are never replayed: that would re-fire effects.
    /// </summary>
    private static async Task<IResult> RebuildAsync(string name, ProcessorCatalog processors, ProjectionOperations operations, InlineProjectionRebuild inline, CancellationToken ct)
    {
        if (inline.Names.Contains(name))
        {
            await inline.RebuildAsync(name, ct);
            return Envelope.Ok();
        }

        var processor = processors.Find(name) ?? throw ContractError.NotFound("projection", name);
        if (processor.Kind == ProcessorKind.Reactor)
        {
            throw ContractError.DataError($"{name} is a reactor; reactors are never replayed, since that would repeat their effects");
        }

        await operations.RequestRebuildAsync(name, ct);
        return Envelope.Ok();
    }
}
