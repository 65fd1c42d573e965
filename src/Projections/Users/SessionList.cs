using Energy.Domain.Users;
using Energy.Application.EventStore;
using Npgsql;

namespace Energy.Projections.Users;

/// <summary>Live sessions by token hash: a logout deletes the row in its own transaction, so the token stops working at once.</summary>
public sealed class SessionList : IInlineProjection, ISchemaContributor
{
    public string Name => "user_sessions";

    public IReadOnlyCollection<string> EventTypes => [nameof(SessionStarted), nameof(SessionEnded)];

    public string Sql => """
        CREATE TABLE IF NOT EXISTS user_sessions (
            token_hash  text        PRIMARY KEY,
            session_id  uuid        NOT NULL UNIQUE,
            user_id     bigint      NOT NULL,
            expires_at  timestamptz NOT NULL
        );
        """;

    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<EventEnvelope> events, CancellationToken ct)
    {
        foreach (var e in events)
        {
            await using var cmd = e.Data switch
            {
                SessionStarted s => Command(context, "INSERT INTO user_sessions VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING", s.TokenHash, s.SessionId, s.UserId, s.ExpiresAt.UtcDateTime),
                SessionEnded s => Command(context, "DELETE FROM user_sessions WHERE session_id = $1", s.SessionId),
                _ => throw new InvalidOperationException(e.Type),
            };
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    public async Task ResetAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("TRUNCATE user_sessions", connection, transaction);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static NpgsqlCommand Command(ProjectionContext context, string sql, params object[] values)
    {
        var cmd = new NpgsqlCommand(sql, context.Connection, context.Transaction);
        foreach (var value in values)
        {
            cmd.Parameters.Add(new() { Value = value });
        }

        return cmd;
    }
}
