using Energy.Application.EventStore;
using Npgsql;

namespace Energy.Application.Common;

/// <summary>
/// The one "load, decide, append" helper handlers use. The stream is folded, the pure decider gives the new
/// events, and they are appended at the version that was read; a concurrent writer makes the append fail,
/// and the command is decided again on the fresh state — never a lost update from a stale read.
/// </summary>
public sealed class StreamCommands(IEventStore store, NpgsqlDataSource dataSource)
{
    private const int Attempts = 3;

    public IEventStore Store => store;

    /// <param name="alongside">Extra writes in the same transaction (name reservations), given the decided events.</param>
    public async Task<TState> HandleAsync<TState>(
        string streamId,
        TState initial,
        Func<TState, object, TState> evolve,
        Func<TState, IReadOnlyList<object>> decide,
        Actor actor,
        Func<NpgsqlConnection, NpgsqlTransaction, IReadOnlyList<object>, Task>? alongside = null,
        CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var folded = await store.AggregateStreamAsync(streamId, initial, evolve, ct: ct);
            var events = decide(folded.State);
            if (events.Count == 0)
            {
                return folded.State;
            }

            try
            {
                await AppendAsync(streamId, ExpectedVersion.Exactly(folded.Version), events, actor, alongside, ct);
                return events.Aggregate(folded.State, evolve);
            }
            catch (StreamVersionConflictException) when (attempt < Attempts)
            {
                // Someone else changed the stream after we read it: decide again on what is there now.
            }
        }
    }

    /// <summary>Appends decided events (with their same-transaction writes) at an expected version.</summary>
    public async Task AppendAsync(
        string streamId,
        ExpectedVersion expected,
        IReadOnlyList<object> events,
        Actor actor,
        Func<NpgsqlConnection, NpgsqlTransaction, IReadOnlyList<object>, Task>? alongside = null,
        CancellationToken ct = default)
    {
        var request = AppendRequest.To(streamId, expected, events, Metadata(actor));
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        if (alongside is not null)
        {
            await alongside(conn, tx, events);
        }

        await store.AppendAsync(conn, tx, request, ct);
        await tx.CommitAsync(ct);
    }

    public static EventMetadata Metadata(Actor actor) => new(actor.CorrelationId, null, actor.UserName);
}
