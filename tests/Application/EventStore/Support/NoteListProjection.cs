using Npgsql;

namespace Energy.Application.Tests.EventStore.Support;

/// <summary>An inline read model: one row per note, written in the appending transaction.</summary>
public sealed class NoteListProjection : IInlineProjection, ISchemaContributor
{
    public string Name => "test_notes";

    public IReadOnlyCollection<string> EventTypes => [nameof(NoteWritten)];

    public string Sql => "CREATE TABLE IF NOT EXISTS test_notes (seq_id bigint PRIMARY KEY, text text NOT NULL)";

    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<EventEnvelope> events, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(
            "INSERT INTO test_notes SELECT * FROM unnest($1::bigint[], $2::text[])", context.Connection, context.Transaction);
        cmd.Parameters.Add(new() { Value = events.Select(e => e.SeqId).ToArray() });
        cmd.Parameters.Add(new() { Value = events.Select(e => ((NoteWritten)e.Data).Text).ToArray() });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task ResetAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("TRUNCATE test_notes", connection, transaction);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
