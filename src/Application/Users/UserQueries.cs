using Dapper;
using Npgsql;

namespace Energy.Application.Users;

/// <summary>A user's profile as 1.5 shows it.</summary>
public sealed record UserRow(long Id, string Name, string Email, string? Phone, string? XcxTitle, string? Company, string? Province, string? City, string? DetailAddress, string? Area);

/// <summary>A live session, found by its token's hash.</summary>
public sealed record SessionRow(Guid SessionId, long UserId, string Name, bool IsAdmin);

public sealed class UserQueries(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public async Task<UserRow?> ByIdAsync(long id, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition("""
            SELECT id, name, email, phone, xcx_title AS XcxTitle, company, province, city, detail_address AS DetailAddress, area
            FROM users WHERE id = @id
            """, new { id }, cancellationToken: ct));
    }

    public async Task<SessionRow?> SessionAsync(string tokenHash, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<SessionRow>(new CommandDefinition("""
            SELECT s.session_id AS SessionId, u.id AS UserId, u.name, u.is_admin AS IsAdmin
            FROM user_sessions s JOIN users u ON u.id = s.user_id
            WHERE s.token_hash = @tokenHash AND s.expires_at > @now
            """, new { tokenHash, now = clock.GetUtcNow().UtcDateTime }, cancellationToken: ct));
    }
}
