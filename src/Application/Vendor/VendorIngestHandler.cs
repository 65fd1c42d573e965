using System.Text.Json;
using Energy.Application.Common;
using Energy.Application.Readings;
using Energy.Domain.Readings;
using Energy.Domain.Vendor;
using Energy.Application.EventStore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Energy.Application.Vendor;

/// <summary>What a webhook delivery stored: new deliveries, deliveries already stored earlier, and readings.</summary>
public sealed record IngestResult(int Stored, int Duplicates, int Readings);

/// <summary>
/// The vendor's webhooks (seed 003 2.2, 2.3; CONTRACT §5): read the body, check every sign, turn each 附1
/// item into reading events, and store them idempotently by delivery id. The whole request is validated
/// before anything is written, so a failure stores nothing.
/// </summary>
public sealed partial class VendorIngestHandler(
    IEventStore store,
    VendorInbox inbox,
    PlantTime plantTime,
    VendorSignature signature,
    TimeProvider clock,
    IOptions<VendorOptions> options,
    ILogger<VendorIngestHandler> logger)
{
    public const string PushSource = "vendor-push";
    public const string CallbackSource = "vendor-callback";
    public const string VendorUser = "vendor";

    /// <summary>2.3 <c>/api/bbi/push</c>: readings, deduplicated by <c>data_id</c>.</summary>
    public async Task<IngestResult> PushAsync(ReadOnlyMemory<byte> body, string? correlationId, CancellationToken ct)
    {
        using var document = Parse(body);
        var deliveries = VendorPayload.ReadDeliveries(document.RootElement, VendorPayload.DataIdField);
        Verify(deliveries, "data_id");
        var batches = deliveries
            .Select(d => new InboxBatch(d.Id, d.PayloadHash, ReadingEvents(d, Plausible(VendorPayload.ReadItems(d, plantTime, timeRequired: true)), taskId: null)))
            .ToList();
        return await inbox.StoreAsync(PushSource, batches, new EventMetadata(correlationId, null, VendorUser), ct);
    }

    /// <summary>
    /// 2.2 <c>/api/bbi/callback</c>: a task's result, kept on the task's stream; data that carries its time
    /// (a recall's reading) is also recorded as a reading. Deduplicated by <c>task_id</c>.
    /// </summary>
    public async Task<IngestResult> CallbackAsync(ReadOnlyMemory<byte> body, string? correlationId, CancellationToken ct)
    {
        using var document = Parse(body);
        var deliveries = VendorPayload.ReadDeliveries(document.RootElement, VendorPayload.TaskIdField);
        Verify(deliveries, "task_id");
        var now = clock.GetUtcNow();
        var batches = new List<InboxBatch>(deliveries.Count);
        foreach (var delivery in deliveries)
        {
            var items = Plausible(VendorPayload.ReadItems(delivery, plantTime, timeRequired: false));
            var streamId = VendorTask.StreamId(delivery.Id);
            var state = (await store.AggregateStreamAsync(streamId, VendorTaskState.Initial, VendorTask.Evolve, ct: ct)).State;
            var completion = VendorTask.Decide(new CompleteVendorTask(delivery.Id, delivery.Meter, now, items[0].Fields), state)
                .Select(e => new InboxEvent(streamId, VendorTaskStreamType, e));
            var readings = ReadingEvents(delivery, items.Where(i => i.ReadAt is not null).ToList(), delivery.Id);
            batches.Add(new InboxBatch(delivery.Id, delivery.PayloadHash, completion.Concat(readings).ToList()));
        }

        return await inbox.StoreAsync(CallbackSource, batches, new EventMetadata(correlationId, null, VendorUser), ct);
    }

    public const string VendorTaskStreamType = "vendor-task";

    private List<InboxEvent> ReadingEvents(VendorDelivery delivery, IReadOnlyList<VendorReadingItem> items, string? taskId)
    {
        var events = new List<InboxEvent>();
        foreach (var item in items)
        {
            var readAt = item.ReadAt!.Value;
            var stream = ReadingStreams.For(delivery.Meter, VendorPayload.PlantDay(plantTime, readAt));
            events.AddRange(ReadingDecider.Decide(new RecordReading(delivery.Meter, readAt, delivery.Id, item.Fields, taskId))
                .Select(e => new InboxEvent(stream, ReadingStreams.StreamType, e)));
        }

        return events;
    }

    /// <summary>The items, once every reading's time lies in <see cref="ReadingWindow"/>; else 4103 naming its sjsj.</summary>
    private IReadOnlyList<VendorReadingItem> Plausible(IReadOnlyList<VendorReadingItem> items)
    {
        var now = clock.GetUtcNow();
        foreach (var item in items)
        {
            if (item.ReadAt is { } at && ReadingWindow.Refusal(at, now, options.Value.MaxReadingLead, plantTime) is { } refusal)
            {
                throw ContractError.BadParameter($"{item.Path}.{VendorPayload.TimeField}", refusal);
            }
        }

        return items;
    }

    private void Verify(IReadOnlyList<VendorDelivery> deliveries, string idName)
    {
        foreach (var delivery in deliveries)
        {
            if (!signature.Matches(delivery.Id, delivery.Meter, delivery.Sign))
            {
                LogBadSign(logger, idName, delivery.Id, delivery.Meter);
                throw new ContractError(ErrNo.LoginFailed, $"用户登录失败: {delivery.Path}sign does not match {idName} and meter (seed 003 附4)", delivery.Path + "sign");
            }
        }
    }

    private static JsonDocument Parse(ReadOnlyMemory<byte> body)
    {
        try
        {
            return JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException e)
        {
            throw ContractError.BadRequest($"the body is not valid JSON (line {e.LineNumber + 1}, position {e.BytePositionInLine + 1})");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Vendor delivery refused: the sign of {IdName} {Id} for meter {Meter} does not match")]
    private static partial void LogBadSign(ILogger logger, string idName, string id, string meter);
}
