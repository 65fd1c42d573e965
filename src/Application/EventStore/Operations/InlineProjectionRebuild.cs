using Npgsql;

namespace Energy.Application.EventStore;

/// <summary>
/// Rebuilds an inline projection: with appends held off by a lock on <c>streams</c>, empty its tables and
/// replay every event it wants, all in one transaction — readers see the old tables until the commit.
/// </summary>
public sealed class InlineProjectionRebuild(NpgsqlDataSource dataSource, IEventStore store, IEnumerable<IInlineProjection> projections)
{
    private const int PageSize = 5000;

    public IReadOnlyList<string> Names { get; } = projections.Select(p => p.Name).ToArray();

    /// <summary>Returns the number of events replayed; throws for an unknown name.</summary>
    public async Task<long> RebuildAsync(string name, CancellationToken ct = default)
    {
        var projection = projections.SingleOrDefault(p => p.Name == name)
            ?? throw new ArgumentException($"No inline projection is named '{name}'.", nameof(name));
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var hold = new NpgsqlCommand("LOCK TABLE mt_streams IN SHARE MODE", conn, tx))
        {
            await hold.ExecuteNonQueryAsync(ct);
        }

        await projection.ResetAsync(conn, tx, ct);
        var context = new ProjectionContext(conn, tx, store, Rebuilding: true);
        long floor = 0, replayed = 0;
        while (true)
        {
            var page = await store.ReadAllAsync(floor, long.MaxValue, PageSize, projection.EventTypes, ct);
            if (page.Count == 0)
            {
                break;
            }

            await projection.ApplyAsync(context, page, ct);
            floor = page[^1].SeqId;
            replayed += page.Count;
        }

        await tx.CommitAsync(ct);
        return replayed;
    }
}
