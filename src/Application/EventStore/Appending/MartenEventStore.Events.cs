using JasperFx.Events;
using Marten.Services;
using Npgsql;

namespace Energy.Application.EventStore;

public sealed partial class MartenEventStore
{
    /// <summary>
    /// One Marten session enlisted in the caller's transaction (Marten neither commits nor rolls back): each
    /// stream's events go through Marten's Quick append function, which numbers them from <c>mt_events_sequence</c>
    /// in append order. The stream rows are already locked and checked, so no version is passed to Marten.
    /// </summary>
    private async Task<IReadOnlyList<IEvent>> AppendToMartenAsync(NpgsqlTransaction transaction, List<StreamAppend> streams, EventMetadata defaults, CancellationToken ct)
    {
        await using var session = marten.LightweightSession(SessionOptions.ForTransaction(transaction));
        var appended = new List<IEvent>(streams.Sum(s => s.Events.Count));
        foreach (var stream in streams)
        {
            var events = stream.Events.Select(item => ToMartenEvent(item, defaults)).ToArray();
            session.Events.Append(stream.StreamId, events);
            appended.AddRange(events);
        }

        await session.SaveChangesAsync(ct);
        return appended;
    }

    /// <summary>An event with its id and metadata set on it, so each event keeps its own even when one request mixes several.</summary>
    private IEvent ToMartenEvent(object item, EventMetadata defaults)
    {
        var (data, id, metadata) = item is NewEvent e ? (e.Data, e.Id, e.Metadata ?? defaults) : (item, null, defaults);
        serializer.Registry.NameOf(data.GetType()); // an unregistered type fails here, before anything is sent
        var martenEvent = eventGraph.BuildEvent(data);
        martenEvent.Id = id ?? Guid.CreateVersion7();
        martenEvent.CorrelationId = metadata.CorrelationId;
        martenEvent.CausationId = metadata.CausationId;
        martenEvent.UserName = metadata.UserName;
        foreach (var (key, value) in metadata.Headers ?? new Dictionary<string, string>())
        {
            martenEvent.SetHeader(key, value);
        }

        return martenEvent;
    }

    private EventEnvelope ToEnvelope(IEvent e, DateTimeOffset timestamp) => new(
        e.Sequence, e.Id, e.StreamKey!, e.Version, serializer.Registry.NameOf(e.EventType), e.Data, timestamp,
        e.CorrelationId, e.CausationId, e.UserName,
        e.Headers is { Count: > 0 } headers ? headers.ToDictionary(h => h.Key, h => h.Value?.ToString() ?? "") : null);
}
