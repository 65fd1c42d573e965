using Marten;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Energy.Application.EventStore;

/// <summary>
/// The event store on Marten: appends go through Marten sessions (Quick append, string streams, metadata), reads
/// are set-based SQL over Marten's <c>mt_events</c> and <c>mt_streams</c>. Thread-safe; one instance per database.
/// </summary>
public sealed partial class MartenEventStore(
    IDocumentStore marten,
    NpgsqlDataSource dataSource,
    EventSerializer serializer,
    AppendSignal signal,
    IEnumerable<IInlineProjection> inlineProjections,
    EventStoreMetrics metrics,
    ILogger<MartenEventStore> logger) : IEventStore
{
    private readonly IInlineProjection[] inline = inlineProjections.ToArray();

    /// <summary>Marten's own builder of <c>Event&lt;T&gt;</c> wrappers (type name and alias filled in from the mapping).</summary>
    private readonly Marten.Events.EventGraph eventGraph = (Marten.Events.EventGraph)((DocumentStore)marten).Options.Events;

    public EventSerializer Serializer => serializer;
}
