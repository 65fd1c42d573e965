using Energy.Domain.Users;
using Energy.Application.EventStore;
using Npgsql;

namespace Energy.Projections.Users;

/// <summary>The <c>users</c> table behind 1.5 and logins: one row per user, written with the user's events.</summary>
public sealed class UserList : IInlineProjection, ISchemaContributor
{
    public string Name => "users";

    public IReadOnlyCollection<string> EventTypes => [nameof(UserRegistered), nameof(UserProfileUpdated)];

    public string Sql => """
        CREATE TABLE IF NOT EXISTS users (
            id              bigint  PRIMARY KEY,
            name            text    NOT NULL UNIQUE,
            email           text    NOT NULL,
            phone           text    NULL,
            xcx_title       text    NULL,
            company         text    NULL,
            province        text    NULL,
            city            text    NULL,
            detail_address  text    NULL,
            area            text    NULL,
            password_hash   text    NOT NULL,
            is_admin        boolean NOT NULL
        );
        """;

    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<EventEnvelope> events, CancellationToken ct)
    {
        foreach (var e in events)
        {
            var (id, name, profile, hash, admin) = e.Data switch
            {
                UserRegistered r => (r.UserId, r.Name, r.Profile, r.PasswordHash, (bool?)r.IsAdmin),
                UserProfileUpdated u => (u.UserId, u.Name, u.Profile, (string?)null, (bool?)null),
                _ => throw new InvalidOperationException(e.Type),
            };
            await using var cmd = new NpgsqlCommand("""
                INSERT INTO users (id, name, email, phone, xcx_title, company, province, city, detail_address, area, password_hash, is_admin)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, coalesce($11, ''), coalesce($12, false))
                ON CONFLICT (id) DO UPDATE SET name = $2, email = $3, phone = $4, xcx_title = $5, company = $6, province = $7,
                    city = $8, detail_address = $9, area = $10,
                    password_hash = coalesce($11, users.password_hash), is_admin = coalesce($12, users.is_admin)
                """, context.Connection, context.Transaction);
            foreach (var value in new object?[] { id, name, profile.Email, profile.Phone, profile.XcxTitle, profile.Company, profile.Province, profile.City, profile.DetailAddress, profile.Area, hash })
            {
                cmd.Parameters.Add(new() { Value = value ?? DBNull.Value, NpgsqlDbType = value is long ? NpgsqlTypes.NpgsqlDbType.Bigint : NpgsqlTypes.NpgsqlDbType.Text });
            }

            cmd.Parameters.Add(new() { Value = (object?)admin ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Boolean });
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    public async Task ResetAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("TRUNCATE users", connection, transaction);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
