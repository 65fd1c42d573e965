using System.Text.RegularExpressions;
using Npgsql;

namespace Energy.Application.Common;

/// <summary>
/// Hands out the positive integer ids the contract shows (CONTRACT §1 Ids): one PostgreSQL sequence per kind,
/// so an id is never reused, even when the create that took it failed.
/// </summary>
public sealed partial class Ids(NpgsqlDataSource dataSource)
{
    public async Task<long> NextAsync(string kind, CancellationToken ct = default)
    {
        if (!KindPattern().IsMatch(kind))
        {
            throw new ArgumentException("An id kind is lower-case letters and underscores.", nameof(kind));
        }

        return (long)(await RaceSafeAsync($"CREATE SEQUENCE IF NOT EXISTS ids_{kind}; SELECT nextval('ids_{kind}')", ct))!;
    }

    /// <summary>Moves the sequence past ids that exist from the start (the nine seeded rates).</summary>
    public async Task ReserveThroughAsync(string kind, long id, CancellationToken ct = default)
    {
        await RaceSafeAsync(
            $"CREATE SEQUENCE IF NOT EXISTS ids_{kind}; SELECT setval('ids_{kind}', greatest({id}, (SELECT last_value FROM ids_{kind})))", ct);
    }

    /// <summary>
    /// <c>CREATE SEQUENCE IF NOT EXISTS</c> is not safe against itself: two sessions creating the same sequence
    /// at once can fail on the catalog's unique index. The loser simply runs again and finds the sequence there.
    /// </summary>
    private async Task<object?> RaceSafeAsync(string sql, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var cmd = dataSource.CreateCommand(sql);
                return await cmd.ExecuteScalarAsync(ct);
            }
            catch (PostgresException e) when (attempt < 3 && e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateTable)
            {
            }
        }
    }

    [GeneratedRegex("^[a-z_]+$")]
    private static partial Regex KindPattern();
}
