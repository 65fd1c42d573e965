using Energy.Domain.Users;
using Energy.Application.EventStore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Energy.Http.Tests.Operations;

/// <summary>
/// An asynchronous projection and a reactor for the ops tests (the product has none yet). The projection
/// notes registrations and session ends; a session end of a negative user is its poison.
/// </summary>
public sealed class RegistrationNotes : IProjection
{
    public const string ProjectionName = "test_registration_notes";

    public string Name => ProjectionName;

    public IReadOnlyCollection<string>? EventTypes => [nameof(UserRegistered), nameof(SessionEnded)];

    public IReadOnlyList<string> Tables => ["test_registration_notes"];

    public string TablesSql(string suffix) =>
        $"CREATE TABLE IF NOT EXISTS test_registration_notes{suffix} (seq_id bigint PRIMARY KEY, stream_id text NOT NULL);";

    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<EventEnvelope> events, CancellationToken ct)
    {
        if (events.Any(e => e.Data is SessionEnded { UserId: < 0 }))
        {
            throw new InvalidOperationException("a session end of a negative user is poison");
        }

        await using var cmd = new NpgsqlCommand(
            $"INSERT INTO {context.Table("test_registration_notes")} (seq_id, stream_id) SELECT * FROM unnest($1::bigint[], $2::text[])",
            context.Connection, context.Transaction);
        cmd.Parameters.Add(new() { Value = events.Select(e => e.SeqId).ToArray() });
        cmd.Parameters.Add(new() { Value = events.Select(e => e.StreamId).ToArray() });
        await cmd.ExecuteNonQueryAsync(ct);
    }
}

/// <summary>A reactor that does nothing: enough to be listed and to be refused a rebuild.</summary>
public sealed class QuietReactor : IReactor
{
    public const string ReactorName = "test_quiet_reactor";

    public string Name => ReactorName;

    public IReadOnlyCollection<string>? EventTypes => [nameof(SessionEnded)];

    public Task ApplyAsync(ProjectionContext context, IReadOnlyList<EventEnvelope> events, CancellationToken ct) => Task.CompletedTask;
}

public static class TestProcessors
{
    public static void Register(IServiceCollection services)
    {
        services.AddSingleton<IEventProcessor, RegistrationNotes>();
        services.AddSingleton<IEventProcessor, QuietReactor>();
    }
}
