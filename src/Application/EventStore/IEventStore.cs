using Npgsql;

namespace Energy.Application.EventStore;

/// <summary>The system of record: append-only streams of events in PostgreSQL.</summary>
public interface IEventStore
{
    EventSerializer Serializer { get; }

    /// <summary>Appends in one short transaction of its own.</summary>
    Task<AppendResult> AppendAsync(AppendRequest request, CancellationToken ct = default);

    /// <summary>
    /// Appends inside the caller's transaction (a reactor writing its effects together with its progress).
    /// The caller commits; on <see cref="AppendResult.Duplicate"/> the caller should roll back.
    /// </summary>
    Task<AppendResult> AppendAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, AppendRequest request, CancellationToken ct = default);

    Task<IReadOnlyList<EventEnvelope>> ReadStreamAsync(string streamId, long fromVersion = 1, CancellationToken ct = default);

    /// <summary>Folds a stream up to <paramref name="upTo"/> (its end, a version, or an instant).</summary>
    Task<Folded<T>> AggregateStreamAsync<T>(string streamId, T initial, Func<T, object, T> evolve, StreamPosition? upTo = null, CancellationToken ct = default);

    /// <summary>
    /// Events with <c>afterSeqId &lt; seq_id ≤ throughSeqId</c>, in order, tombstones left out; only the
    /// given types when <paramref name="types"/> is not null.
    /// </summary>
    Task<IReadOnlyList<EventEnvelope>> ReadAllAsync(long afterSeqId, long throughSeqId, int limit, IReadOnlyCollection<string>? types = null, CancellationToken ct = default);

    /// <summary>Events of the whole log matching the query, one page of them, with the count of all matches.</summary>
    Task<EventLogPage> QueryLogAsync(EventLogQuery query, CancellationToken ct = default);

    /// <summary>The stream's current version, or 0 when it does not exist.</summary>
    Task<long> StreamVersionAsync(string streamId, CancellationToken ct = default);
}
