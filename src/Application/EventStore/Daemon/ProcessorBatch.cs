using Marten;
using Npgsql;

namespace Energy.Application.EventStore;

/// <summary>
/// A page of events applied by a processor inside the daemon's transaction, just before Marten commits it with
/// the shard's new progress. A page that fails for a reason in the data (not the connection) is applied again
/// event by event, each under a savepoint, so only the poisoned event goes to <c>dead_letters</c> and the rest of
/// the page still counts; errors PostgreSQL calls transient go back to Marten, which retries the page.
/// </summary>
internal sealed class ProcessorBatch(IEventProcessor processor, IEventStore store, DeadLetters deadLetters, IReadOnlyList<EventEnvelope> events) : ITransactionParticipant
{
    public async Task BeforeCommitAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken token)
    {
        await RefuseWhilePausedAsync(connection, transaction, token);
        var context = new ProjectionContext(connection, transaction, store, Rebuilding: false);
        await transaction.SaveAsync("page", token);
        try
        {
            await processor.ApplyAsync(context, events, token);
            await transaction.ReleaseAsync("page", token);
            return;
        }
        catch (Exception e) when (!IsTransient(e, token))
        {
            await transaction.RollbackAsync("page", token);
        }

        foreach (var single in events)
        {
            await transaction.SaveAsync("event", token);
            try
            {
                await processor.ApplyAsync(context, [single], token);
                await transaction.ReleaseAsync("event", token);
            }
            catch (Exception e) when (!IsTransient(e, token))
            {
                await transaction.RollbackAsync("event", token);
                await deadLetters.RecordAsync(connection, transaction, processor.Name, single, e, token);
            }
        }
    }

    public Task AfterCommitAsync(CancellationToken token) => Task.CompletedTask;

    private async Task RefuseWhilePausedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken token)
    {
        await using var cmd = new NpgsqlCommand("SELECT paused FROM projection_control WHERE name = $1", connection, transaction);
        cmd.Parameters.Add(new() { Value = processor.Name });
        if (await cmd.ExecuteScalarAsync(token) is true)
        {
            throw new ProcessorPausedException(processor.Name);
        }
    }

    private static bool IsTransient(Exception e, CancellationToken token) =>
        token.IsCancellationRequested
        || e is NpgsqlException { IsTransient: true }
        || e.InnerException is NpgsqlException { IsTransient: true };
}

/// <summary>A page refused because an operator paused its processor; nothing of it is applied.</summary>
public sealed class ProcessorPausedException(string processor) : Exception($"{processor} is paused by an operator");
