using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Energy.Application.Common;
using Energy.Application.EventStore;
using Energy.Http.Auth;
using Energy.Http.Contract;
using Energy.Http.Contract.OpenApi;

namespace Energy.Http.Audit;

/// <summary>An event as auditors see it (ext): its place in the stream, when, by whom, and its data without secrets.</summary>
public sealed record AuditEvent(
    [property: JsonPropertyName("Seq_Id")] long SeqId,
    [property: JsonPropertyName("Stream")] string Stream,
    [property: JsonPropertyName("Version")] long Version,
    [property: JsonPropertyName("Event_Type")] string Type,
    [property: JsonPropertyName("Time")] string Time,
    [property: JsonPropertyName("User")] string User,
    [property: JsonPropertyName("Data")] JsonNode? Data)
{
    public static AuditEvent From(EventEnvelope e, PlantTime plantTime) =>
        new(e.SeqId, e.StreamId, e.Version, e.Type, plantTime.Format(e.Timestamp), e.UserName ?? "", AuditRedaction.Redact(e.Data));
}

public static class AuditEndpoints
{
    private static readonly ApiFeature Feature = new("Audit", "(ext) The event log for auditors, secrets removed: a stream's events and the whole log.");

    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        var audit = app.MapGroup("/api_3/audit").RequireAuthorization(AuthPolicies.Admin).InFeature(Feature);
        audit.MapGet("/streams/{stream}", StreamAsync).WithSummary("(ext) A stream's events in order")
            .SeedPaging().AnswersPage<AuditEvent>();
        audit.MapGet("/events", EventsAsync).WithSummary("(ext) The event log by time, type and stream")
            .SeedPaging()
            .SeedQuery("Time_Start", SeedType.Time, description: "events from this instant on")
            .SeedQuery("Time_End", SeedType.Time, description: "events before this instant (after Time_Start)")
            .SeedQuery("Type", SeedType.List, description: "only events of these types")
            .SeedQuery("Stream", SeedType.String, description: "only this stream's events")
            .AnswersPage<AuditEvent>();
        return app;
    }

    /// <summary>The whole log for auditors (issue 7): by time, type (comma list) and stream, paged, secrets removed.</summary>
    private static async Task<IResult> EventsAsync(HttpContext context, IEventStore store, PlantTime plantTime, CancellationToken ct)
    {
        var paging = Query.Paging(context);
        var (from, to) = (Query.OptionalTime(context, "Time_Start"), Query.OptionalTime(context, "Time_End"));
        if (from is not null && to is not null && from >= to)
        {
            throw ContractError.BadParameter("Time_End", "an instant after Time_Start");
        }

        var types = Query.List(context, "Type");
        var page = await store.QueryLogAsync(
            new EventLogQuery(from, to, types.Count == 0 ? null : types, Query.OptionalString(context, "Stream"), paging.Offset, paging.Limit), ct);
        return Envelope.Page(page.Events.Select(e => AuditEvent.From(e, plantTime)), page.Total);
    }

    /// <summary>A stream's events in order (CONTRACT §3, issue 3 "Audit"); administrators only, since user streams hold e-mail addresses.</summary>
    private static async Task<IResult> StreamAsync(string stream, HttpContext context, IEventStore store, PlantTime plantTime, CancellationToken ct)
    {
        var paging = Query.Paging(context);
        var events = await store.ReadStreamAsync(stream, ct: ct);
        if (events.Count == 0)
        {
            throw ContractError.NotFound("stream", stream);
        }

        return Envelope.Page(paging.Slice(events.Select(e => AuditEvent.From(e, plantTime)).ToArray()), events.Count);
    }
}
