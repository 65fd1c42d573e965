using Npgsql;

namespace Energy.Application.Tests.EventStore.Support;

/// <summary>
/// Records every applied event by its sequence number. The primary key makes a second application of the
/// same event fail loudly instead of being counted twice.
/// </summary>
public sealed class CountingProjection : IProjection
{
    public string Name => "test_counts";

    public IReadOnlyCollection<string>? EventTypes => [nameof(CounterIncremented), nameof(PoisonPill)];

    /// <summary>Slows each batch, so a test can stop the daemon in the middle of one.</summary>
    public TimeSpan DelayPerBatch { get; set; }

    public IReadOnlyList<string> Tables => ["test_counts"];

    public string TablesSql(string suffix) => $"""
        CREATE TABLE IF NOT EXISTS test_counts{suffix} (seq_id bigint PRIMARY KEY, stream_id text NOT NULL, amount int NOT NULL);
        CREATE INDEX IF NOT EXISTS test_counts{suffix}_by_stream ON test_counts{suffix} (stream_id);
        """;

    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<EventEnvelope> events, CancellationToken ct)
    {
        if (events.FirstOrDefault(e => e.Data is PoisonPill) is { } pill)
        {
            throw new InvalidOperationException("poisoned: " + ((PoisonPill)pill.Data).Why);
        }

        await using var cmd = new NpgsqlCommand(
            $"INSERT INTO {context.Table("test_counts")} (seq_id, stream_id, amount) SELECT * FROM unnest($1::bigint[], $2::text[], $3::int[])",
            context.Connection, context.Transaction);
        cmd.Parameters.Add(new() { Value = events.Select(e => e.SeqId).ToArray() });
        cmd.Parameters.Add(new() { Value = events.Select(e => e.StreamId).ToArray() });
        cmd.Parameters.Add(new() { Value = events.Select(e => ((CounterIncremented)e.Data).Amount).ToArray() });
        await cmd.ExecuteNonQueryAsync(ct);
        if (DelayPerBatch > TimeSpan.Zero)
        {
            await Task.Delay(DelayPerBatch, ct);
        }
    }
}
