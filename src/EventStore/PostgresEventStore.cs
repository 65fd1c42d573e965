using Microsoft.Extensions.Logging;
using Npgsql;

namespace Energy.EventStore;

/// <summary>The event store on PostgreSQL through Npgsql. Thread-safe; one instance per database.</summary>
public sealed partial class PostgresEventStore(
    NpgsqlDataSource dataSource,
    EventSerializer serializer,
    AppendSignal signal,
    IEnumerable<IInlineProjection> inlineProjections,
    EventStoreMetrics metrics,
    ILogger<PostgresEventStore> logger) : IEventStore
{
    private readonly IInlineProjection[] inline = inlineProjections.ToArray();

    public EventSerializer Serializer => serializer;
}
