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

        await using var cmd = dataSource.CreateCommand($"CREATE SEQUENCE IF NOT EXISTS ids_{kind}; SELECT nextval('ids_{kind}')");
        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Moves the sequence past ids that exist from the start (the nine seeded rates).</summary>
    public async Task ReserveThroughAsync(string kind, long id, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand(
            $"CREATE SEQUENCE IF NOT EXISTS ids_{kind}; SELECT setval('ids_{kind}', greatest({id}, (SELECT last_value FROM ids_{kind})))");
        await cmd.ExecuteScalarAsync(ct);
    }

    [GeneratedRegex("^[a-z_]+$")]
    private static partial Regex KindPattern();
}
