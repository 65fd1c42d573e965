using JasperFx.Events;
using Marten;

namespace Energy.Application.EventStore;

/// <summary>
/// One of the project's processors as a Marten projection, run by Marten's async daemon. Marten loads the
/// processor's events (filtered by type in the database), hands them over a page at a time and commits the page
/// with the shard's progress in <c>mt_event_progression</c>; the processor's own SQL joins that transaction as a
/// transaction participant (<see cref="ProcessorBatch"/>), so the read-model writes, a reactor's appended events
/// and the progress commit together or not at all.
/// </summary>
internal sealed class MartenProcessor(IEventProcessor processor, Func<IEventStore> store, DeadLetters deadLetters) : Marten.Events.Projections.IProjection
{
    public IEventProcessor Processor => processor;

    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        if (events.Count > 0)
        {
            // The daemon's session is Marten's ProjectionDocumentSession; registering is how SQL of our own runs in its transaction.
            ((ITransactionParticipantRegistrar)operations).AddTransactionParticipant(new ProcessorBatch(processor, store(), deadLetters, events.Select(ToEnvelope).ToArray()));
        }

        return Task.CompletedTask;
    }

    public static EventEnvelope ToEnvelope(IEvent e) => new(
        e.Sequence,
        e.Id,
        e.StreamKey!,
        e.Version,
        e.EventTypeName,
        e.Data,
        e.Timestamp,
        e.CorrelationId,
        e.CausationId,
        e.UserName,
        e.Headers is { Count: > 0 } headers ? headers.ToDictionary(h => h.Key, h => h.Value?.ToString() ?? "") : null);
}
