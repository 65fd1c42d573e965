using Energy.Application.EventStore;
using Npgsql;

namespace Energy.Projections.Meters;

/// <summary>
/// Set-based application of catalog events (machines, meters): the batch is cut into runs of consecutive
/// events of one type, each run becomes one statement over <c>unnest</c> arrays, and all statements go to
/// the server in one round trip, in order. Within a run only the last event per row counts, since an
/// <c>UPDATE … FROM unnest</c> with a key twice would apply an arbitrary one.
/// </summary>
internal sealed class CatalogBatch(ProjectionContext context) : IAsyncDisposable
{
    private readonly NpgsqlBatch batch = new(context.Connection, context.Transaction);

    /// <summary>Consecutive events of one type, in log order.</summary>
    public static IEnumerable<IReadOnlyList<EventEnvelope>> Runs(IReadOnlyList<EventEnvelope> events)
    {
        var run = new List<EventEnvelope>();
        foreach (var e in events)
        {
            if (run.Count > 0 && run[0].Type != e.Type)
            {
                yield return run;
                run = [];
            }

            run.Add(e);
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }

    /// <summary>The run's events of type <typeparamref name="T"/>, keeping only the last one per key.</summary>
    public static List<T> LastPer<T>(IReadOnlyList<EventEnvelope> run, Func<T, long> key) =>
        run.Select(e => (T)e.Data).GroupBy(key).Select(g => g.Last()).ToList();

    /// <summary>Adds a statement whose positional parameters are the given arrays.</summary>
    public void Add(string sql, params object[] arrays)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var array in arrays)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = array });
        }

        batch.BatchCommands.Add(command);
    }

    public async Task ExecuteAsync(CancellationToken ct)
    {
        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(ct);
        }
    }

    public ValueTask DisposeAsync() => batch.DisposeAsync();

    public static async Task TruncateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string table, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"TRUNCATE {table}", connection, transaction);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public static DateTime Utc(DateTimeOffset instant) => instant.UtcDateTime;
}
