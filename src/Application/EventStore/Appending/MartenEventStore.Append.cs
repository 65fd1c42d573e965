using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Energy.Application.EventStore;

public sealed partial class MartenEventStore
{
    private const int MaxAttempts = 4;

    public async Task<AppendResult> AppendAsync(AppendRequest request, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var conn = await dataSource.OpenConnectionAsync(ct);
            await using var tx = await conn.BeginTransactionAsync(ct);
            try
            {
                var result = await AppendAsync(conn, tx, request, ct);
                if (result.Duplicate)
                {
                    await tx.RollbackAsync(ct);
                    return result;
                }

                await tx.CommitAsync(ct);
                metrics.Appended(request.Streams.Sum(st => st.Events.Count));
                signal.Raise();
                return result;
            }
            catch (Exception e) when (AppendFailure.LostItsSequenceNumber(e) && attempt < MaxAttempts)
            {
                // One of our sequence numbers was already taken (a tombstone or an event written there);
                // nothing of ours was committed, so the whole append is simply made again with fresh numbers.
                LogRetryAfterTombstone(logger, attempt);
            }
        }
    }

    public async Task<AppendResult> AppendAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, AppendRequest request, CancellationToken ct = default)
    {
        var streams = MergeByStream(request.Streams);
        if (streams.Count == 0 || streams.All(s => s.Events.Count == 0))
        {
            throw new ArgumentException("An append needs at least one event.", nameof(request));
        }

        // Inbox and stream locks come before any sequence number is taken: a failure after nextval would
        // leave a permanent gap that the daemon has to wait out.
        var (fresh, payloadDiffers, versions, now) = await LockStreamsAsync(connection, transaction, request.Inbox, streams, ct);
        if (!fresh)
        {
            return AppendResult.DuplicateOf(payloadDiffers);
        }

        foreach (var stream in streams)
        {
            var actual = versions[stream.StreamId];
            if (!stream.Expected.IsSatisfiedBy(actual))
            {
                throw new StreamVersionConflictException(stream.StreamId, stream.Expected, actual);
            }
        }

        var appended = await AppendToMartenAsync(transaction, streams, request.Metadata ?? EventMetadata.None, ct);
        await ApplyInlineAsync(connection, transaction, appended, now, ct);
        return new AppendResult(false, false, streams.Select(s => new AppendedStream(s.StreamId, versions[s.StreamId] + s.Events.Count)).ToArray(), appended.Max(e => e.Sequence));
    }

    /// <summary>Two appends to one stream in a request become one, in order; streams are locked in id order so writers never deadlock.</summary>
    private static List<StreamAppend> MergeByStream(IReadOnlyList<StreamAppend> streams) =>
        streams.GroupBy(s => s.StreamId, StringComparer.Ordinal)
            .Select(g => g.Count() == 1 ? g.First() : g.First() with { Events = g.SelectMany(s => s.Events).ToArray() })
            .OrderBy(s => s.StreamId, StringComparer.Ordinal)
            .ToList();

    /// <remarks>
    /// Marten's Quick append stores <c>now() at time zone 'utc'</c> into a timestamptz column, which reads back right
    /// only when the session's zone is UTC; the append's transaction sets it, whatever the server's default.
    /// </remarks>
    private static async Task<(bool Fresh, bool PayloadDiffers, Dictionary<string, long> Versions, DateTimeOffset Now)> LockStreamsAsync(
        NpgsqlConnection conn, NpgsqlTransaction tx, InboxEntry? inbox, List<StreamAppend> streams, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(conn, tx);
        batch.BatchCommands.Add(TransactionSettings.Command(("TimeZone", "UTC")));
        if (inbox is not null)
        {
            // A concurrent delivery of the same id blocks here until the first one commits or rolls back.
            var insert = new NpgsqlBatchCommand(
                "INSERT INTO inbox (source, external_id, payload_hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING true");
            insert.Parameters.Add(new() { Value = inbox.Source });
            insert.Parameters.Add(new() { Value = inbox.ExternalId });
            insert.Parameters.Add(new() { Value = inbox.PayloadHash });
            batch.BatchCommands.Add(insert);
        }

        // Upsert-and-lock: creates missing stream rows at version 0 and returns every row's current version, locked.
        // Marten's Quick append reads the version without a lock (two writers to one stream would collide on
        // the stream-and-version key); holding the row here makes concurrent writers to a stream take turns.
        var lockStreams = new NpgsqlBatchCommand("""
            INSERT INTO mt_streams AS s (id, type, version)
            SELECT u.id, u.type, 0 FROM unnest($1::text[], $2::text[]) AS u(id, type)
            ON CONFLICT (id) DO UPDATE SET timestamp = now()
            RETURNING s.id, s.version, now()
            """);
        lockStreams.Parameters.Add(new() { Value = streams.Select(s => s.StreamId).ToArray() });
        lockStreams.Parameters.Add(new() { Value = streams.Select(s => s.StreamType).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        batch.BatchCommands.Add(lockStreams);

        await batch.PrepareAsync(ct);
        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.NextResultAsync(ct);
        if (inbox is not null)
        {
            var stored = await reader.ReadAsync(ct);
            if (!stored)
            {
                await reader.DisposeAsync();
                return (false, await InboxPayloadDiffersAsync(conn, tx, inbox, ct), [], default);
            }

            await reader.NextResultAsync(ct);
        }

        var versions = new Dictionary<string, long>(StringComparer.Ordinal);
        var now = DateTimeOffset.MinValue;
        while (await reader.ReadAsync(ct))
        {
            versions[reader.GetString(0)] = reader.GetInt64(1);
            now = reader.GetFieldValue<DateTimeOffset>(2);
        }

        return (true, false, versions, now);
    }

    private static async Task<bool> InboxPayloadDiffersAsync(NpgsqlConnection conn, NpgsqlTransaction tx, InboxEntry inbox, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SELECT payload_hash FROM inbox WHERE source = $1 AND external_id = $2", conn, tx);
        cmd.Parameters.Add(new() { Value = inbox.Source });
        cmd.Parameters.Add(new() { Value = inbox.ExternalId });
        return await cmd.ExecuteScalarAsync(ct) is string stored && !string.Equals(stored, inbox.PayloadHash, StringComparison.Ordinal);
    }

    /// <summary>Inline projections see the append inside its transaction, stamped with the transaction's instant as Marten stores it.</summary>
    private async Task ApplyInlineAsync(NpgsqlConnection conn, NpgsqlTransaction tx, IReadOnlyList<JasperFx.Events.IEvent> appended, DateTimeOffset now, CancellationToken ct)
    {
        if (inline.Length == 0)
        {
            return;
        }

        var envelopes = appended.Select(e => ToEnvelope(e, now)).ToArray();
        var context = new ProjectionContext(conn, tx, this, Rebuilding: false);
        foreach (var projection in inline)
        {
            var wanted = envelopes.Where(e => projection.EventTypes.Contains(e.Type)).ToArray();
            if (wanted.Length > 0)
            {
                await projection.ApplyAsync(context, wanted, ct);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Append lost a sequence number to a tombstone; retrying (attempt {Attempt})")]
    private static partial void LogRetryAfterTombstone(ILogger logger, int attempt);
}
