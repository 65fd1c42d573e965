using Microsoft.Extensions.Logging;
using Npgsql;

namespace Energy.EventStore;

/// <summary>The event store on PostgreSQL through Npgsql. Thread-safe; one instance per database.</summary>
public sealed partial class PostgresEventStore(
    NpgsqlDataSource dataSource,
    EventSerializer serializer,
    AppendSignal signal,
    ILogger<PostgresEventStore> logger) : IEventStore
{
    public EventSerializer Serializer => serializer;
}
