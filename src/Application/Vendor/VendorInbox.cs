using Energy.Application.EventStore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Energy.Application.Vendor;

/// <summary>An event to append with a delivery, and the stream it goes to.</summary>
public sealed record InboxEvent(string StreamId, string StreamType, object Event);

/// <summary>The events of one delivery id (a <c>data_id</c> or <c>task_id</c>), stored at most once.</summary>
public sealed record InboxBatch(string ExternalId, string PayloadHash, IReadOnlyList<InboxEvent> Events);

/// <summary>
/// Stores webhook deliveries exactly once, with one inbox row per delivery id in the same transaction as
/// the events.
/// </summary>
/// <remarks>
/// Why one row per id and not one per request (the store's single <see cref="InboxEntry"/>): a retry of the
/// same body must store nothing, and a body that mixes ids already stored with new ones (a collector
/// re-sending a backlog) must store exactly the new ones. Claiming every id with one
/// <c>INSERT … ON CONFLICT DO NOTHING RETURNING</c> answers both: the returned ids are the fresh ones, and
/// only their events are appended. A concurrent delivery of the same id blocks on the unique key until the
/// first transaction ends, then sees the conflict — so five simultaneous retries store one set of events.
/// Ids are claimed in sorted order so two requests sharing ids cannot deadlock.
/// All readings of a request are one atomic multi-stream append with <see cref="ExpectedVersion.Any"/>:
/// readings are facts with their own time, their order within a stream carries no meaning.
/// </remarks>
public sealed partial class VendorInbox(NpgsqlDataSource dataSource, IEventStore store, AppendSignal signal, ILogger<VendorInbox> logger)
{
    private const int Attempts = 3;

    public async Task<IngestResult> StoreAsync(string source, IReadOnlyList<InboxBatch> batches, EventMetadata metadata, CancellationToken ct)
    {
        // The same id twice in one body counts once, like a retry.
        var unique = batches.DistinctBy(b => b.ExternalId, StringComparer.Ordinal).OrderBy(b => b.ExternalId, StringComparer.Ordinal).ToList();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StoreOnceAsync(source, unique, metadata, ct);
            }
            catch (Exception e) when (AppendFailure.LostItsSequenceNumber(e) && attempt < Attempts)
            {
                // The daemon tombstoned one of our sequence numbers; nothing was committed, so store again.
            }
        }
    }

    private async Task<IngestResult> StoreOnceAsync(string source, List<InboxBatch> batches, EventMetadata metadata, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var fresh = await ClaimAsync(conn, tx, source, batches, ct);
        var stored = batches.Where(b => fresh.Contains(b.ExternalId)).ToList();
        var duplicates = batches.Count - stored.Count;
        if (duplicates > 0)
        {
            LogDuplicates(logger, source, duplicates, batches.Count);
            await WarnOfChangedPayloadsAsync(conn, tx, source, batches.Where(b => !fresh.Contains(b.ExternalId)).ToList(), ct);
        }

        var streams = stored.SelectMany(b => b.Events)
            .GroupBy(e => (e.StreamId, e.StreamType))
            .Select(g => new StreamAppend(g.Key.StreamId, ExpectedVersion.Any, g.Select(e => e.Event).ToList(), g.Key.StreamType))
            .ToList();
        if (streams.Count == 0)
        {
            await tx.RollbackAsync(ct);
            return new IngestResult(0, duplicates, 0);
        }

        await store.AppendAsync(conn, tx, new AppendRequest(streams, metadata), ct);
        await tx.CommitAsync(ct);
        signal.Raise();
        var readings = stored.Sum(b => b.Events.Count(e => e.Event is Domain.Readings.MeterReadingReceived));
        return new IngestResult(stored.Count, duplicates, readings);
    }

    private static async Task<HashSet<string>> ClaimAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string source, List<InboxBatch> batches, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO inbox (source, external_id, payload_hash)
            SELECT $1, u.id, u.hash FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS u(id, hash, ord)
            ORDER BY u.ord
            ON CONFLICT DO NOTHING
            RETURNING external_id
            """, conn, tx);
        cmd.Parameters.Add(new() { Value = source });
        cmd.Parameters.Add(new() { Value = batches.Select(b => b.ExternalId).ToArray() });
        cmd.Parameters.Add(new() { Value = batches.Select(b => b.PayloadHash).ToArray() });
        var fresh = new HashSet<string>(StringComparer.Ordinal);
        await cmd.PrepareAsync(ct); // once per pooled connection, like the store's append statements
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            fresh.Add(reader.GetString(0));
        }

        return fresh;
    }

    /// <summary>
    /// A retry carries the same body; an id seen before with other data means the vendor reused an id, and
    /// the new data are not stored — worth a warning a person will read.
    /// </summary>
    private async Task WarnOfChangedPayloadsAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string source, List<InboxBatch> seen, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            SELECT i.external_id FROM inbox i JOIN unnest($2::text[], $3::text[]) AS u(id, hash) ON i.external_id = u.id
            WHERE i.source = $1 AND i.payload_hash <> u.hash
            """, conn, tx);
        cmd.Parameters.Add(new() { Value = source });
        cmd.Parameters.Add(new() { Value = seen.Select(b => b.ExternalId).ToArray() });
        cmd.Parameters.Add(new() { Value = seen.Select(b => b.PayloadHash).ToArray() });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            LogChangedPayload(logger, source, reader.GetString(0));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Source}: {Duplicates} of {Total} delivery ids were stored before; acknowledged without storing again")]
    private static partial void LogDuplicates(ILogger logger, string source, int duplicates, int total);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Source}: id {ExternalId} was delivered again with different data; the first delivery stands")]
    private static partial void LogChangedPayload(ILogger logger, string source, string externalId);
}
